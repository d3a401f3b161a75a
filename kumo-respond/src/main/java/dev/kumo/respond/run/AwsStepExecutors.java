package dev.kumo.respond.run;

import dev.kumo.respond.aws.AwsResponder;
import dev.kumo.respond.aws.CallRecord;
import dev.kumo.respond.aws.HostAndLogResponder;
import dev.kumo.respond.aws.Redeploy;
import dev.kumo.respond.aws.ResponseStepException;
import dev.kumo.respond.plan.ImageFacts;
import dev.kumo.respond.plan.ImageProvenance;
import dev.kumo.respond.plan.PlannedStep;
import dev.kumo.respond.plan.StepKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The AWS executors: each calls {@link AwsResponder} with the plan's targets and the resources earlier steps
 * recorded (the placeholders of the plan: {@code ${volumes}} is {@code volumeIds}, {@code ${enis}} is {@code
 * networkInterfaceIds}, {@code ${snapshots}} is {@code snapshotIds}, ...). A step whose inputs are missing (no
 * role name, no forensic key, no user of the key) is manual, with the reason.
 */
public final class AwsStepExecutors {
  private static final List<String> INSTANCE_FACTS = List.of("instanceId", "vpcId", "subnetId", "state",
      "volumeIds", "deviceNames", "instanceType", "networkInterfaceIds", "subnetIds", "privateIps", "securityGroupIds", "instanceProfileArn");

  private AwsStepExecutors() {}

  /**
   * @param target acts in the compromised account
   * @param forensic acts in the forensic account (copies and locks); null when none is configured, which makes
   *     those steps manual
   */
  public static StepExecutors of(AwsResponder target, @Nullable AwsResponder forensic) {
    Map<StepKind, StepExecutor> m = new EnumMap<>(StepKind.class);
    m.put(StepKind.DESCRIBE_INSTANCE_STATE, (s, c) -> describe(target, s, c));
    m.put(StepKind.TAG_RESOURCES, (s, c) -> {
      String i = c.plan().targets().instance();
      String user = c.fact("user");
      if (i == null && user != null) {
        return StepResult.done(target.tagUser(user, c.caseId()), Map.of("taggedUser", user));
      }
      if (i == null) {
        return StepResult.manual("tagging roles and buckets is not automated yet");
      }
      List<String> ids = new ArrayList<>(List.of(i));
      ids.addAll(c.list("volumeIds"));
      ids.addAll(c.list("networkInterfaceIds"));
      return StepResult.done(target.tagResources(ids, c.caseId()), Map.of("taggedResources", String.join(",", ids)));
    });
    m.put(StepKind.ENABLE_TERMINATION_PROTECTION, (s, c) ->
        StepResult.done(target.enableTerminationProtection(instance(c)), Map.of()));
    m.put(StepKind.SET_STOP_ON_SHUTDOWN, (s, c) -> StepResult.done(target.setStopOnShutdown(instance(c)), Map.of()));
    m.put(StepKind.PRESERVE_VOLUMES_ON_TERMINATION, (s, c) ->
        StepResult.done(target.keepVolumesOnTermination(instance(c), c.list("deviceNames")), Map.of()));
    m.put(StepKind.ISOLATE_NETWORK, (s, c) -> {
      List<String> subnets = c.list("subnetIds").isEmpty() ? c.list("subnetId") : c.list("subnetIds");
      List<CallRecord> calls = target.isolateNetwork(need(c, "vpcId"), c.list("networkInterfaceIds"), subnets,
          c.list("privateIps"), c.caseId());
      String group = calls.stream().filter(r -> r.outcome().getOrDefault("groupName", "").startsWith("kumo-isolation-"))
          .map(r -> r.outcome().get("groupId")).findFirst().orElse("");
      String entries = String.join(",", calls.stream().filter(r -> r.operation().equals("CreateNetworkAclEntry"))
          .map(r -> r.outcome().get("networkAclId") + ":" + r.outcome().get("ruleNumber")
              + (r.outcome().get("egress").equals("true") ? ":egress" : ":ingress")).toList());
      return StepResult.done(calls, Map.of("isolationGroup", group, "aclDenyEntries", entries));
    });
    m.put(StepKind.DISASSOCIATE_INSTANCE_PROFILE, (s, c) ->
        StepResult.done(target.disassociateInstanceProfile(instance(c)), Map.of()));
    m.put(StepKind.REVOKE_ROLE_SESSIONS, (s, c) -> {
      String role = c.plan().targets().roleName();
      if (role == null) {
        return StepResult.manual("the instance role's name is not known (give --role); the profile is "
            + c.fact("instanceProfileArn"));
      }
      return StepResult.done(target.revokeRoleSessions(role, c.now()), Map.of("revokedRole", role));
    });
    m.put(StepKind.DESCRIBE_ACCESS_KEY, (s, c) -> {
      String key = c.plan().targets().accessKey();
      if (key == null) {
        return StepResult.manual("the plan names no access key");
      }
      List<CallRecord> calls = target.describeAccessKey(key);
      List<Path> files = evidence(s, c, calls);
      return new StepResult(false, calls, Map.of("user", calls.get(0).outcome().get("userName")), files, "");
    });
    m.put(StepKind.REVOKE_USER_SESSIONS, (s, c) -> {
      String user = c.fact("user");
      if (user == null) {
        return StepResult.manual("the key's user is not known");
      }
      return StepResult.done(target.revokeUserSessions(user, c.now()), Map.of("revokedUser", user));
    });
    m.put(StepKind.DEACTIVATE_ACCESS_KEY, (s, c) -> {
      String key = c.plan().targets().accessKey();
      String user = c.fact("user");
      if (key == null || user == null) {
        return StepResult.manual("the key's user is not known: the describe-access-key step is manual");
      }
      return StepResult.done(target.deactivateAccessKey(user, key), Map.of("deactivatedKey", key));
    });
    m.put(StepKind.SNAPSHOT_VOLUMES, (s, c) -> {
      List<CallRecord> calls = target.snapshotVolumes(c.list("volumeIds"), c.caseId());
      String ids = calls.isEmpty() ? "" : calls.get(calls.size() - 1).outcome().getOrDefault("snapshotIds", "");
      return StepResult.done(calls, Map.of("snapshotIds", ids));
    });
    m.put(StepKind.COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT, (s, c) -> {
      String account = c.plan().targets().forensicAccount();
      String key = c.options().forensicKmsKey();
      String region = c.plan().targets().region();
      if (forensic == null || account == null || key == null || region == null) {
        return StepResult.manual("needs a forensic account, its role, its KMS key and the region");
      }
      List<CallRecord> calls = new ArrayList<>();
      List<String> copies = new ArrayList<>();
      for (String snap : c.list("snapshotIds")) {
        calls.addAll(target.shareSnapshot(snap, account));
        List<CallRecord> copy = forensic.copySnapshot(snap, region, key, c.caseId());
        calls.addAll(copy);
        copies.add(copy.get(copy.size() - 1).outcome().getOrDefault("snapshotId", ""));
      }
      return StepResult.done(calls, Map.of("forensicSnapshotIds", String.join(",", copies)));
    });
    m.put(StepKind.LOCK_SNAPSHOTS, (s, c) -> {
      if (forensic == null) {
        return StepResult.manual("needs the forensic account's role");
      }
      List<CallRecord> calls = new ArrayList<>();
      for (String snap : c.list("forensicSnapshotIds")) {
        calls.addAll(forensic.lockSnapshot(snap, c.options().lockDays()));
      }
      return StepResult.done(calls, Map.of("lockedSnapshotIds", String.join(",", c.list("forensicSnapshotIds"))));
    });
    m.put(StepKind.CHECK_IMAGE_PROVENANCE, (s, c) -> {
      String image = c.plan().targets().image();
      var start = c.plan().targets().compromiseStart();
      if (image == null || start == null) {
        return StepResult.manual("needs the image (--image) and the compromise start");
      }
      var facts = target.describeImage(image);
      var verdict = ImageProvenance.check(new ImageFacts(facts.imageId(), facts.ownerId(), null,
          facts.creationDate(), facts.state(), facts.deprecationTime()), start, c.options().trustedImageOwners(),
          c.now());
      if (!verdict.ok()) {
        throw new ResponseStepException("ec2", "DescribeImages", "ImageRefused",
            facts.calls().get(0).requestId(), verdict.reason(), null);
      }
      return new StepResult(false, facts.calls(), Map.of("checkedImage", image), List.of(), verdict.reason());
    });
    m.put(StepKind.REDEPLOY_FROM_IMAGE, (s, c) -> {
      String image = c.fact("checkedImage");
      if (image == null) {
        return StepResult.manual("no checked image");
      }
      Redeploy spec = new Redeploy(null, null, image, need(c, "instanceType"), c.fact("subnetId"),
          c.list("securityGroupIds"), clientToken(c.plan().id(), s.step().id()), c.caseId());
      List<CallRecord> calls = target.runInstancesFromImage(spec);
      return StepResult.done(calls, Map.of("newInstance", join(calls, "RunInstances", "instanceId")));
    });
    m.put(StepKind.VERIFY_HEALTH, (s, c) -> {
      String id = need(c, "newInstance");
      List<CallRecord> calls = target.instanceHealth(id);
      CallRecord r = calls.get(0);
      if (!"true".equals(r.outcome().get("healthy"))) {
        throw new ResponseStepException("ec2", "DescribeInstanceStatus", "Unhealthy", r.requestId(),
            id + " is " + r.outcome().get("state") + ", system " + r.outcome().get("systemStatus")
                + ", instance " + r.outcome().get("instanceStatus") + "; rerun to check again", null);
      }
      return StepResult.done(calls, Map.of("healthyInstance", id));
    });
    m.put(StepKind.DESCRIBE_BUCKET, (s, c) -> {
      List<CallRecord> calls = target.describeBucket(bucket(c));
      List<Path> files = evidence(s, c, calls);
      String tags = calls.stream().filter(r -> r.operation().equals("GetBucketTagging"))
          .map(r -> r.outcome().getOrDefault("tags", "")).findFirst().orElse("");
      return new StepResult(false, calls, Map.of("describedBucket", bucket(c), "bucketTags", tags), files, "");
    });
    m.put(StepKind.BLOCK_PUBLIC_ACCESS, (s, c) -> StepResult.done(target.blockPublicAccess(bucket(c)), Map.of()));
    m.put(StepKind.ENABLE_VERSIONING_AND_OBJECT_LOCK, (s, c) -> new StepResult(false,
        target.enableVersioning(bucket(c)), Map.of("versionedBucket", bucket(c)), List.of(),
        "versioning enabled; the Object Lock default retention is to be set by hand"));
    StorageAndIdentityExecutors.register(m, target, target.storageAndIdentity());
    return new StepExecutors(m);
  }

  /**
   * {@link #of(AwsResponder, AwsResponder)} plus the host and log steps of {@link HostStepExecutors} (which also
   * replace the snapshot copy with one that first makes default-key snapshots shareable).
   */
  public static StepExecutors of(AwsResponder target, @Nullable AwsResponder forensic, HostAndLogResponder host) {
    return HostStepExecutors.with(of(target, forensic), target, forensic, host);
  }

  private static StepResult describe(AwsResponder target, PlannedStep step, RunContext c) throws IOException {
    List<CallRecord> calls = target.describeInstanceState(instance(c));
    List<Path> files = evidence(step, c, calls);
    Map<String, String> resources = new LinkedHashMap<>();
    for (String k : INSTANCE_FACTS) {
      resources.put(k, calls.get(0).outcome().getOrDefault(k, ""));
    }
    return new StepResult(false, calls, resources, files, "");
  }

  /** Writes each call's recorded JSON to {@code evidence/<plan id>/}; the runner hashes them into the ledger. */
  static List<Path> evidence(PlannedStep step, RunContext c, List<CallRecord> calls) throws IOException {
    Path dir = c.evidenceDir().resolve(c.plan().id());
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int n = 0; n < calls.size(); n++) {
      CallRecord r = calls.get(n);
      String json = r.outcome().get("json");
      if (json != null) {
        Path f = dir.resolve(String.format("%02d-%s-%02d-%s.json", step.index(), step.step().id(), n + 1,
            r.operation()));
        Files.writeString(f, json, StandardCharsets.UTF_8);
        files.add(f);
      }
    }
    return files;
  }

  private static String instance(RunContext c) {
    String i = c.plan().targets().instance();
    if (i == null) {
      throw new IllegalStateException("the plan names no instance");
    }
    return i;
  }

  private static String bucket(RunContext c) {
    String b = c.plan().targets().bucket();
    if (b == null) {
      throw new IllegalStateException("the plan names no bucket");
    }
    return b;
  }

  private static String need(RunContext c, String fact) {
    String v = c.fact(fact);
    if (v == null) {
      throw new ResponseStepException("kumo", "resolve", "MissingInput", null,
          "no " + fact + " recorded by an earlier step", null);
    }
    return v;
  }

  private static String join(List<CallRecord> calls, String operation, String key) {
    return String.join(",", calls.stream().filter(r -> r.operation().equals(operation))
        .map(r -> r.outcome().getOrDefault(key, "")).toList());
  }

  /** A RunInstances idempotency token that is the same on every rerun of the plan's step (≤ 64 characters). */
  static String clientToken(String planId, String stepId) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest((planId + "/" + stepId).getBytes(StandardCharsets.UTF_8));
      return "kumo-" + java.util.HexFormat.of().formatHex(d).substring(0, 40);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
