package dev.kumo.respond.run;

import dev.kumo.respond.aws.AwsResponder;
import dev.kumo.respond.aws.CallRecord;
import dev.kumo.respond.aws.ResponseStepException;
import dev.kumo.respond.aws.StorageAndIdentityResponder;
import dev.kumo.respond.plan.ApiCall;
import dev.kumo.respond.plan.PlannedStep;
import dev.kumo.respond.plan.StepKind;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executors of the bucket and role steps (tagging a role or bucket, protect-bucket, versioning and Object Lock,
 * restore-object-versions, describe-role, revoking a role's sessions found through the instance profile) and the
 * polling health check. {@link #register} adds them to the AWS executors; the tagging and revoking executors it
 * replaces still handle instances and users as before.
 */
final class StorageAndIdentityExecutors {
  private static final Pattern RETENTION = Pattern.compile("Mode=(GOVERNANCE|COMPLIANCE),Days=(\\d{1,5})");

  private StorageAndIdentityExecutors() {}

  static void register(Map<StepKind, StepExecutor> m, AwsResponder target, StorageAndIdentityResponder storage) {
    StepExecutor tagOthers = m.get(StepKind.TAG_RESOURCES);
    m.put(StepKind.TAG_RESOURCES, (s, c) -> {
      var t = c.plan().targets();
      if (t.instance() == null && t.roleName() != null && c.fact("user") == null) {
        return StepResult.done(storage.tagRole(t.roleName(), c.caseId()), Map.of("taggedRole", t.roleName()));
      }
      if (t.instance() == null && t.bucket() != null && c.fact("user") == null) {
        return StepResult.done(storage.tagBucket(t.bucket(), c.caseId()), Map.of("taggedBucket", t.bucket()));
      }
      return tagOthers == null ? StepResult.manual("no tagging for these targets") : tagOthers.execute(s, c);
    });
    m.put(StepKind.PROTECT_BUCKET, (s, c) -> {
      String bucket = bucket(c);
      List<CallRecord> calls = storage.protectBucket(bucket);
      List<CallRecord> original = calls.stream().filter(r -> r.operation().equals("GetBucketPolicy")).toList();
      return new StepResult(false, calls, Map.of("protectedBucket", bucket),
          AwsStepExecutors.evidence(s, c, original), "");
    });
    m.put(StepKind.ENABLE_VERSIONING_AND_OBJECT_LOCK, (s, c) -> versioningAndLock(storage, s, c));
    m.put(StepKind.RESTORE_OBJECT_VERSIONS, (s, c) -> {
      Instant start = c.plan().targets().compromiseStart();
      if (start == null) {
        return StepResult.manual("needs the compromise start: without it no version can be told good");
      }
      String bucket = bucket(c);
      List<CallRecord> calls = storage.restoreObjectVersions(bucket, start);
      List<String> restored = new ArrayList<>();
      for (CallRecord r : calls) {
        if (r.operation().equals("CopyObject")) {
          restored.add(URLEncoder.encode(r.outcome().get("key"), StandardCharsets.UTF_8) + "@"
              + r.outcome().get("sourceVersionId") + ">" + r.outcome().get("versionId"));
        }
      }
      Map<String, String> last = calls.stream().filter(r -> r.operation().equals("ListObjectVersions"))
          .reduce((a, b) -> b).map(CallRecord::outcome).orElse(Map.of());
      Map<String, String> resources = new LinkedHashMap<>();
      resources.put("restoredObjects", String.join(",", restored));
      resources.put("alreadyRestored", last.getOrDefault("alreadyRestored", ""));
      resources.put("noGoodVersion", last.getOrDefault("noGoodVersion", ""));
      String note = last.getOrDefault("noGoodVersion", "").isEmpty() ? ""
          : "no version before the compromise start, not restored: " + last.get("noGoodVersion");
      return new StepResult(false, calls, resources, List.of(), note);
    });
    m.put(StepKind.DESCRIBE_ROLE, (s, c) -> {
      String role = c.plan().targets().roleName();
      if (role == null) {
        return StepResult.manual("the plan names no role (give --role)");
      }
      List<CallRecord> calls = storage.describeRole(role);
      return new StepResult(false, calls, Map.of("describedRole", role,
          "roleArn", calls.get(0).outcome().getOrDefault("roleArn", "")), AwsStepExecutors.evidence(s, c, calls), "");
    });
    m.put(StepKind.REVOKE_ROLE_SESSIONS, (s, c) -> {
      List<CallRecord> calls = new ArrayList<>();
      String role = c.plan().targets().roleName();
      String profile = c.fact("instanceProfileArn");
      if (role == null && profile != null) {
        calls.addAll(storage.roleOfInstanceProfile(profile));
        String found = calls.get(0).outcome().get("roleName");
        role = found == null || found.isEmpty() ? null : found;
        if (role == null) {
          return new StepResult(true, calls, Map.of(), List.of(), "the instance profile " + profile
              + " holds no role: no session to revoke");
        }
      }
      if (role == null) {
        return StepResult.manual("the role is not known: give --role (no instance profile was recorded)");
      }
      calls.addAll(target.revokeRoleSessions(role, c.now()));
      return StepResult.done(calls, Map.of("revokedRole", role));
    });
    m.put(StepKind.VERIFY_HEALTH, (s, c) -> {
      String id = c.fact("newInstance");
      if (id == null) {
        throw new ResponseStepException("kumo", "resolve", "MissingInput", null,
            "no newInstance recorded by an earlier step", null);
      }
      List<CallRecord> calls = storage.awaitHealth(id);
      CallRecord r = calls.get(calls.size() - 1);
      if (!"true".equals(r.outcome().get("healthy"))) {
        throw new ResponseStepException("ec2", "DescribeInstanceStatus", "Unhealthy", r.requestId(),
            id + " is " + r.outcome().get("state") + ", system " + r.outcome().get("systemStatus") + ", instance "
                + r.outcome().get("instanceStatus") + " after " + calls.size() + " checks; rerun to check again",
            null);
      }
      return StepResult.done(calls, Map.of("healthyInstance", id));
    });
  }

  private static StepResult versioningAndLock(StorageAndIdentityResponder storage, PlannedStep s, RunContext c) throws IOException {
    String bucket = bucket(c);
    String mode = "GOVERNANCE";
    int days = 30;
    for (ApiCall call : s.calls()) {
      Matcher x = RETENTION.matcher(call.parameters().getOrDefault("ObjectLockConfiguration", ""));
      if (call.operation().equals("PutObjectLockConfiguration") && x.find()) {
        mode = x.group(1);
        days = Integer.parseInt(x.group(2));
      }
    }
    List<CallRecord> calls = storage.enableVersioningAndObjectLock(bucket, mode, days);
    CallRecord lock = calls.get(calls.size() - 1);
    if ("enabled".equals(lock.outcome().get("objectLock"))) {
      return StepResult.done(calls, Map.of("versionedBucket", bucket, "objectLock", mode + " " + days + " days"));
    }
    String why = "Object Lock cannot be enabled on " + bucket + ": " + lock.outcome().get("error") + " "
        + lock.outcome().get("message");
    if (!s.step().optional()) {
      throw new ResponseStepException("s3", "PutObjectLockConfiguration", lock.outcome().get("error"),
          lock.requestId(), why + " (versioning was enabled, request id " + calls.get(0).requestId() + ")", null);
    }
    return new StepResult(false, calls, Map.of("versionedBucket", bucket, "objectLock", "unavailable"), List.of(),
        "versioning enabled; " + why);
  }

  private static String bucket(RunContext c) {
    String b = c.plan().targets().bucket();
    if (b == null) {
      throw new IllegalStateException("the plan names no bucket");
    }
    return b;
  }
}
