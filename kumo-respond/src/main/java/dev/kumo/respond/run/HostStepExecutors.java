package dev.kumo.respond.run;

import dev.kumo.respond.aws.AwsResponder;
import dev.kumo.respond.aws.CallRecord;
import dev.kumo.respond.aws.HostAndLogResponder;
import dev.kumo.respond.aws.ResponseStepException;
import dev.kumo.respond.plan.PlanTargets;
import dev.kumo.respond.plan.PlannedStep;
import dev.kumo.respond.plan.StepKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The executors of the host and log steps, on top of {@link AwsStepExecutors}: collect-logs (CloudTrail lookups
 * and flow-log descriptions, each written as a hashed evidence file), capture-memory-ssm, remove-from-service,
 * verify-quarantine, and a copy-snapshots-to-forensic-account that first makes default-key snapshots shareable.
 */
final class HostStepExecutors {
  /** How long the memory upload URL stays valid. */
  static final Duration UPLOAD_URL_VALIDITY = Duration.ofHours(2);
  private static final List<String> TAMPERING_EVENTS = List.of("StopLogging", "DeleteTrail", "UpdateTrail",
      "PutEventSelectors", "PutBucketLifecycle", "DeleteBucketPolicy");

  private HostStepExecutors() {}

  /** {@code base} with the host and log executors added (replacing base's snapshot copy). */
  static StepExecutors with(StepExecutors base, AwsResponder target, @Nullable AwsResponder forensic,
      HostAndLogResponder host) {
    Map<StepKind, StepExecutor> m = new EnumMap<>(StepKind.class);
    m.putAll(base.byKind());
    m.put(StepKind.COLLECT_LOGS, (s, c) -> collectLogs(host, s, c));
    m.put(StepKind.CAPTURE_MEMORY_SSM, (s, c) -> {
      String bucket = c.options().evidenceBucket();
      if (bucket == null) {
        return StepResult.manual("needs the evidence bucket (--evidence-bucket)");
      }
      String i = instance(c);
      List<CallRecord> calls = host.captureMemory(i, bucket, c.caseId() + "/" + i + ".lime", c.caseId(),
          UPLOAD_URL_VALIDITY);
      CallRecord last = calls.get(calls.size() - 1);
      Map<String, String> r = new LinkedHashMap<>();
      r.put("memoryCommandId", last.outcome().get("commandId"));
      r.put("memorySha256", last.outcome().get("sha256"));
      r.put("memoryImage", last.outcome().get("location"));
      return new StepResult(false, calls, r, AwsStepExecutors.evidence(s, c, calls),
          "memory image " + last.outcome().get("location") + ", SHA-256 " + last.outcome().get("sha256")
              + " as computed on the instance");
    });
    m.put(StepKind.REMOVE_FROM_SERVICE, (s, c) -> {
      List<CallRecord> calls = host.removeFromService(instance(c));
      String asg = String.join(",", calls.stream().filter(r -> r.operation().equals("EnterStandby"))
          .map(r -> r.outcome().get("autoScalingGroup")).toList());
      String groups = String.join(",", calls.stream().filter(r -> r.operation().equals("DeregisterTargets"))
          .map(r -> r.outcome().get("targetGroup") + (r.outcome().get("port").isEmpty() ? "" : ":" + r.outcome().get("port")))
          .toList());
      return new StepResult(false, calls, Map.of("standbyGroups", asg, "deregisteredFrom", groups),
          AwsStepExecutors.evidence(s, c, calls), "");
    });
    m.put(StepKind.VERIFY_QUARANTINE, (s, c) -> {
      String group = c.fact("isolationGroup");
      if (group == null) {
        throw new ResponseStepException("kumo", "resolve", "NotQuarantined", null,
            "no isolation group recorded: the isolate step is not done", null);
      }
      List<CallRecord> calls = host.verifyQuarantine(instance(c), group, c.caseId());
      return new StepResult(false, calls, Map.of("quarantined", instance(c)), AwsStepExecutors.evidence(s, c, calls), "");
    });
    m.put(StepKind.COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT, (s, c) -> {
      String account = c.plan().targets().forensicAccount();
      String key = c.options().forensicKmsKey();
      String region = c.plan().targets().region();
      if (forensic == null || account == null || key == null || region == null) {
        return StepResult.manual("needs a forensic account, its role, its KMS key and the region");
      }
      List<CallRecord> calls = new ArrayList<>();
      List<String> shared = new ArrayList<>();
      List<String> copies = new ArrayList<>();
      for (String snap : c.list("snapshotIds")) {
        List<CallRecord> shareable = host.shareableSnapshot(snap, c.options().sharingKmsKey(), c.caseId());
        calls.addAll(shareable);
        String share = shareable.get(shareable.size() - 1).outcome().get("shareableSnapshotId");
        shared.add(share);
        calls.addAll(target.shareSnapshot(share, account));
        List<CallRecord> copy = forensic.copySnapshot(share, region, key, c.caseId());
        calls.addAll(copy);
        copies.add(copy.get(copy.size() - 1).outcome().getOrDefault("snapshotId", ""));
      }
      return StepResult.done(calls, Map.of("sharedSnapshotIds", String.join(",", shared),
          "forensicSnapshotIds", String.join(",", copies)));
    });
    return new StepExecutors(m);
  }

  private static StepResult collectLogs(HostAndLogResponder host, PlannedStep step, RunContext c) throws IOException {
    Instant start = c.plan().targets().compromiseStart();
    if (start == null) {
      return StepResult.manual("needs the compromise start (the window the logs are read from)");
    }
    int max = c.options().maxLogEvents();
    List<CallRecord> calls = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int total = 0;
    for (String[] lookup : lookups(c.plan().targets(), c.plan().playbook().threat())) {
      HostAndLogResponder.Collected got = host.lookupEvents(lookup[0], lookup[1], start, max);
      calls.addAll(got.calls());
      files.add(write(step, c, "cloudtrail-" + lookup[0] + "-" + lookup[1], got.json()));
      total += got.count();
      if (got.truncated()) {
        notes.add("CloudTrail " + lookup[0] + "=" + lookup[1] + " cut at " + max + " events: more exist");
      }
    }
    PlanTargets t = c.plan().targets();
    if (t.instance() != null) {
      List<String> resources = new ArrayList<>(c.list("networkInterfaceIds"));
      resources.addAll(c.list("vpcId"));
      List<CallRecord> flows = host.describeFlowLogs(resources);
      calls.addAll(flows);
      for (CallRecord f : flows) {
        files.add(write(step, c, "flow-logs", f.outcome().get("json")));
      }
    }
    notes.add("GuardDuty findings are not collected automatically (no GuardDuty SDK module at this SDK version): "
        + "run the plan's guardduty calls by hand");
    return new StepResult(false, calls, Map.of("cloudTrailEvents", Integer.toString(total),
        "logsTruncated", Boolean.toString(notes.size() > 1)), files, String.join("; ", notes));
  }

  /** The CloudTrail lookups the plan prints for these targets and threat (key, value). */
  static List<String[]> lookups(PlanTargets t, String threat) {
    List<String[]> l = new ArrayList<>();
    if (threat.equals("log-tampering")) {
      TAMPERING_EVENTS.forEach(e -> l.add(new String[] {"EventName", e}));
    } else if (threat.equals("cryptomining")) {
      l.add(new String[] {"EventName", "RunInstances"});
    } else if (t.accessKey() != null && t.instance() == null) {
      l.add(new String[] {"AccessKeyId", t.accessKey()});
    } else if (t.roleName() != null && t.instance() == null && t.role() != null) {
      l.add(new String[] {"ResourceName", t.role()});
      l.add(new String[] {"Username", t.roleName()});
    } else if (t.bucket() != null && t.instance() == null) {
      l.add(new String[] {"ResourceName", t.bucket()});
    } else if (t.instance() != null) {
      l.add(new String[] {"ResourceName", t.instance()});
      l.add(new String[] {"Username", t.instance()});
    }
    return l;
  }

  private static Path write(PlannedStep step, RunContext c, String name, String json) throws IOException {
    Path dir = c.evidenceDir().resolve(c.plan().id());
    Files.createDirectories(dir);
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    Path f = dir.resolve(String.format("%02d-%s-%s.json", step.index(), step.step().id(), safe));
    Files.writeString(f, json, StandardCharsets.UTF_8);
    return f;
  }

  private static String instance(RunContext c) {
    String i = c.plan().targets().instance();
    if (i == null) {
      throw new IllegalStateException("the plan names no instance");
    }
    return i;
  }
}
