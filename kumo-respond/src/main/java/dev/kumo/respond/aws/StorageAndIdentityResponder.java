package dev.kumo.respond.aws;

import static dev.kumo.respond.aws.SdkCalls.call;
import static dev.kumo.respond.aws.SdkCalls.errorCode;
import static dev.kumo.respond.aws.SdkCalls.failure;
import static dev.kumo.respond.aws.SdkCalls.record;
import static dev.kumo.respond.aws.SdkCalls.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The S3 and IAM calls of the bucket and role playbooks, and the health polling of a redeploy, in the manner of
 * {@link AwsResponder}: one method per step, calls in a fixed order, one {@link CallRecord} per call, a failed
 * call throws {@link ResponseStepException}. Nothing here deletes an object, a version or a policy.
 */
public final class StorageAndIdentityResponder {
  /** The default bound on how many objects one restore copies. */
  public static final int DEFAULT_MAX_RESTORE = 10_000;
  /** The S3 error codes that mean the bucket cannot take an Object Lock configuration. */
  public static final List<String> LOCK_UNAVAILABLE = List.of("InvalidBucketState");

  private static final String EC2 = "ec2";
  private static final String IAM = "iam";
  private static final String STS = "sts";
  private static final String S3 = "s3";

  private final AwsClients clients;
  private final Polling polling;
  private final int maxRestore;

  /** As {@link AwsResponder}'s: {@code maxPolls} DescribeInstanceStatus polls {@code pollInterval} apart. */
  public StorageAndIdentityResponder(AwsClients clients, Sleeper sleeper, Duration pollInterval, int maxPolls) {
    this(clients, sleeper, pollInterval, maxPolls, DEFAULT_MAX_RESTORE);
  }

  /** @param maxRestore the most objects one restore copies; more refuse the whole restore, copying nothing */
  public StorageAndIdentityResponder(AwsClients clients, Sleeper sleeper, Duration pollInterval, int maxPolls,
      int maxRestore) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.polling = new Polling(sleeper, pollInterval, maxPolls);
    if (maxRestore < 1) {
      throw new IllegalArgumentException("maxRestore must be at least 1: " + maxRestore);
    }
    this.maxRestore = maxRestore;
  }

  /** Tags a role with {@code kumo:case=<caseId>} (IAM TagRole; other tags stay). */
  public List<CallRecord> tagRole(String roleName, String caseId) {
    var r = call(IAM, "TagRole", () -> clients.iam().tagRole(b -> b.roleName(roleName)
        .tags(t -> t.key(AwsResponder.CASE_TAG).value(caseId))));
    return List.of(record(IAM, "TagRole", r, "roleName", roleName, AwsResponder.CASE_TAG, caseId));
  }

  /**
   * Tags a bucket with {@code kumo:case=<caseId>}, keeping every tag it has: GetBucketTagging ({@code NoSuchTagSet}
   * is no tags), then PutBucketTagging with those tags plus the case tag. Outcome {@code before} and {@code after}
   * ({@code k=v,...}).
   */
  public List<CallRecord> tagBucket(String bucket, String caseId) {
    var s3 = clients.s3();
    List<CallRecord> calls = new ArrayList<>();
    Map<String, String> tags = new LinkedHashMap<>();
    try {
      var got = s3.getBucketTagging(b -> b.bucket(bucket));
      got.tagSet().forEach(t -> tags.put(t.key(), t.value()));
      calls.add(record(S3, "GetBucketTagging", got, "bucket", bucket, "tags", join(tags)));
    } catch (AwsServiceException e) {
      if (!"NoSuchTagSet".equals(errorCode(e))) {
        throw failure(S3, "GetBucketTagging", e);
      }
      calls.add(new CallRecord(S3, "GetBucketTagging", e.requestId() == null ? "UNKNOWN" : e.requestId(),
          Map.of("bucket", bucket, "tags", "", "error", "NoSuchTagSet")));
    } catch (SdkException e) {
      throw failure(S3, "GetBucketTagging", e);
    }
    String before = join(tags);
    tags.put(AwsResponder.CASE_TAG, caseId);
    List<Tag> set = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
    var put = call(S3, "PutBucketTagging", () -> s3.putBucketTagging(b -> b.bucket(bucket)
        .tagging(t -> t.tagSet(set))));
    calls.add(record(S3, "PutBucketTagging", put, "bucket", bucket, "before", before, "after", join(tags)));
    return List.copyOf(calls);
  }

  /**
   * Denies deletion and policy changes to all but the caller: STS GetCallerIdentity, S3 GetBucketPolicy (outcome
   * {@code json} is the original policy, {@code configured=false} when there is none), PutBucketPolicy with {@link
   * BucketPolicies#protect}. Outcome of the last: {@code policy}, {@code exempt}.
   */
  public List<CallRecord> protectBucket(String bucket) {
    var s3 = clients.s3();
    List<CallRecord> calls = new ArrayList<>();
    var who = call(STS, "GetCallerIdentity", () -> clients.sts().getCallerIdentity());
    calls.add(record(STS, "GetCallerIdentity", who, "arn", who.arn(), "account", who.account()));
    @Nullable String original = null;
    try {
      var got = s3.getBucketPolicy(b -> b.bucket(bucket));
      original = got.policy();
      calls.add(record(S3, "GetBucketPolicy", got, "bucket", bucket, "configured", "true", "json", original));
    } catch (AwsServiceException e) {
      if (!"NoSuchBucketPolicy".equals(errorCode(e))) {
        throw failure(S3, "GetBucketPolicy", e);
      }
      calls.add(new CallRecord(S3, "GetBucketPolicy", e.requestId() == null ? "UNKNOWN" : e.requestId(),
          Map.of("bucket", bucket, "configured", "false", "error", "NoSuchBucketPolicy")));
    } catch (SdkException e) {
      throw failure(S3, "GetBucketPolicy", e);
    }
    List<String> exempt = BucketPolicies.principalPatterns(text(who.arn()));
    String policy;
    try {
      policy = BucketPolicies.protect(original, bucket, exempt);
    } catch (IllegalArgumentException e) {
      throw new ResponseStepException(S3, "GetBucketPolicy", "UnreadablePolicy", calls.get(1).requestId(),
          e.getMessage() == null ? "" : e.getMessage(), e);
    }
    var put = call(S3, "PutBucketPolicy", () -> s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy)));
    calls.add(record(S3, "PutBucketPolicy", put, "bucket", bucket, "exempt", String.join(",", exempt),
        "policy", policy));
    return List.copyOf(calls);
  }

  /**
   * PutBucketVersioning Enabled, then PutObjectLockConfiguration with a default retention. When S3 answers that the
   * bucket cannot take Object Lock ({@link #LOCK_UNAVAILABLE}), the last record is that refusal: outcome {@code
   * objectLock=unavailable}, {@code error}, {@code message}; any other error throws. Otherwise {@code
   * objectLock=enabled}.
   */
  public List<CallRecord> enableVersioningAndObjectLock(String bucket, String mode, int days) {
    var s3 = clients.s3();
    var v = call(S3, "PutBucketVersioning", () -> s3.putBucketVersioning(b -> b.bucket(bucket)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED))));
    CallRecord versioning = record(S3, "PutBucketVersioning", v, "bucket", bucket, "status", "Enabled");
    try {
      var l = s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
          .objectLockEnabled(ObjectLockEnabled.ENABLED)
          .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.fromValue(mode)).days(days)))));
      return List.of(versioning, record(S3, "PutObjectLockConfiguration", l, "bucket", bucket,
          "objectLock", "enabled", "mode", mode, "days", Integer.toString(days)));
    } catch (AwsServiceException e) {
      String code = errorCode(e);
      if (!LOCK_UNAVAILABLE.contains(code)) {
        throw withEarlier(failure(S3, "PutObjectLockConfiguration", e), versioning);
      }
      return List.of(versioning, new CallRecord(S3, "PutObjectLockConfiguration",
          e.requestId() == null ? "UNKNOWN" : e.requestId(), Map.of("bucket", bucket, "objectLock", "unavailable",
          "error", code, "message", e.awsErrorDetails() == null ? "" : text(e.awsErrorDetails().errorMessage()))));
    } catch (SdkException e) {
      throw withEarlier(failure(S3, "PutObjectLockConfiguration", e), versioning);
    }
  }

  private static ResponseStepException withEarlier(ResponseStepException e, CallRecord done) {
    return new ResponseStepException(e.service(), e.operation(), e.errorCode(), e.requestId(),
        e.getMessage() + " (after " + done.operation() + " succeeded, request id " + done.requestId() + ")",
        e.getCause());
  }

  /**
   * Puts back each object's last version written before {@code start}: lists every version and delete marker
   * (ListObjectVersions, all pages), and for every key whose newest version or delete marker is not before {@code
   * start}, CopyObject from its newest version before {@code start} onto the same key. Nothing is deleted; the
   * later versions stay underneath. A key whose newest version already has the good version's ETag is not copied
   * again (a rerun), and a key with no version before {@code start} cannot be restored: both are listed on the
   * last ListObjectVersions record ({@code alreadyRestored}, {@code noGoodVersion}, URL-encoded keys). More than
   * {@code maxRestore} keys to copy throws {@code TooManyObjects} before any copy. Each CopyObject outcome:
   * {@code key}, {@code sourceVersionId}, {@code versionId}.
   */
  public List<CallRecord> restoreObjectVersions(String bucket, Instant start) {
    var s3 = clients.s3();
    List<CallRecord> calls = new ArrayList<>();
    Map<String, List<Entry>> byKey = new LinkedHashMap<>();
    @Nullable String keyMarker = null;
    @Nullable String versionMarker = null;
    while (true) {
      @Nullable String km = keyMarker;
      @Nullable String vm = versionMarker;
      ListObjectVersionsResponse page = call(S3, "ListObjectVersions", () -> s3.listObjectVersions(b -> {
        b.bucket(bucket).maxKeys(1000);
        if (km != null) {
          b.keyMarker(km);
        }
        if (vm != null) {
          b.versionIdMarker(vm);
        }
      }));
      page.versions().forEach(o -> byKey.computeIfAbsent(o.key(), k -> new ArrayList<>())
          .add(new Entry(text(o.versionId()), o.lastModified(), false, text(o.eTag()))));
      page.deleteMarkers().forEach(d -> byKey.computeIfAbsent(d.key(), k -> new ArrayList<>())
          .add(new Entry(text(d.versionId()), d.lastModified(), true, "")));
      boolean more = Boolean.TRUE.equals(page.isTruncated());
      calls.add(record(S3, "ListObjectVersions", page, "bucket", bucket, "versions",
          Integer.toString(page.versions().size()), "deleteMarkers", Integer.toString(page.deleteMarkers().size()),
          "truncated", Boolean.toString(more)));
      if (!more) {
        break;
      }
      keyMarker = page.nextKeyMarker();
      versionMarker = page.nextVersionIdMarker();
      if (keyMarker == null) {
        throw new ResponseStepException(S3, "ListObjectVersions", "NoMarker", SdkCalls.requestId(page),
            "a truncated page without NextKeyMarker", null);
      }
    }
    Map<String, Entry> toRestore = new LinkedHashMap<>();
    List<String> already = new ArrayList<>();
    List<String> noGood = new ArrayList<>();
    byKey.forEach((key, entries) -> {
      Entry newest = entries.stream().max(Comparator.comparing(Entry::modified)).orElseThrow();
      if (newest.modified().isBefore(start)) {
        return;
      }
      Entry good = entries.stream().filter(e -> !e.marker() && e.modified().isBefore(start))
          .max(Comparator.comparing(Entry::modified)).orElse(null);
      if (good == null) {
        noGood.add(encode(key));
      } else if (!newest.marker() && !good.etag().isEmpty() && good.etag().equals(newest.etag())) {
        already.add(encode(key));
      } else {
        toRestore.put(key, good);
      }
    });
    CallRecord last = calls.remove(calls.size() - 1);
    Map<String, String> summary = new LinkedHashMap<>(last.outcome());
    summary.put("toRestore", Integer.toString(toRestore.size()));
    summary.put("alreadyRestored", String.join(",", already));
    summary.put("noGoodVersion", String.join(",", noGood));
    calls.add(new CallRecord(last.service(), last.operation(), last.requestId(), summary));
    if (toRestore.size() > maxRestore) {
      throw new ResponseStepException(S3, "ListObjectVersions", "TooManyObjects", last.requestId(),
          toRestore.size() + " objects to restore, more than the limit of " + maxRestore
              + "; nothing was copied: raise the limit or restore by hand (S3 Batch Operations)", null);
    }
    for (Map.Entry<String, Entry> e : toRestore.entrySet()) {
      String key = e.getKey();
      String version = e.getValue().versionId();
      var copy = call(S3, "CopyObject", () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key)
          .sourceVersionId(version).destinationBucket(bucket).destinationKey(key)));
      calls.add(record(S3, "CopyObject", copy, "bucket", bucket, "key", key, "sourceVersionId", version,
          "versionId", copy.versionId()));
    }
    return List.copyOf(calls);
  }

  private record Entry(String versionId, Instant modified, boolean marker, String etag) {}

  private static String encode(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  /**
   * Records a role, read-only: GetRole, ListAttachedRolePolicies, ListRolePolicies, GetRolePolicy for each inline
   * policy, ListInstanceProfilesForRole (each list call all pages). Each outcome holds {@code json}; GetRole's
   * also {@code roleArn}.
   */
  public List<CallRecord> describeRole(String roleName) {
    IamClient iam = clients.iam();
    List<CallRecord> calls = new ArrayList<>();
    var role = call(IAM, "GetRole", () -> iam.getRole(b -> b.roleName(roleName)));
    calls.add(record(IAM, "GetRole", role, "roleName", roleName, "roleArn", role.role().arn(),
        "json", SdkJson.write(role)));
    @Nullable String marker = null;
    do {
      @Nullable String m = marker;
      var r = call(IAM, "ListAttachedRolePolicies", () -> iam.listAttachedRolePolicies(b -> b.roleName(roleName)
          .marker(m)));
      calls.add(record(IAM, "ListAttachedRolePolicies", r, "roleName", roleName, "json", SdkJson.write(r)));
      marker = Boolean.TRUE.equals(r.isTruncated()) ? r.marker() : null;
    } while (marker != null);
    List<String> inline = new ArrayList<>();
    do {
      @Nullable String m = marker;
      var r = call(IAM, "ListRolePolicies", () -> iam.listRolePolicies(b -> b.roleName(roleName).marker(m)));
      inline.addAll(r.policyNames());
      calls.add(record(IAM, "ListRolePolicies", r, "roleName", roleName, "json", SdkJson.write(r)));
      marker = Boolean.TRUE.equals(r.isTruncated()) ? r.marker() : null;
    } while (marker != null);
    for (String name : inline) {
      var r = call(IAM, "GetRolePolicy", () -> iam.getRolePolicy(b -> b.roleName(roleName).policyName(name)));
      calls.add(record(IAM, "GetRolePolicy", r, "roleName", roleName, "policyName", name, "json", SdkJson.write(r)));
    }
    do {
      @Nullable String m = marker;
      var r = call(IAM, "ListInstanceProfilesForRole", () -> iam.listInstanceProfilesForRole(b -> b
          .roleName(roleName).marker(m)));
      calls.add(record(IAM, "ListInstanceProfilesForRole", r, "roleName", roleName, "json", SdkJson.write(r)));
      marker = Boolean.TRUE.equals(r.isTruncated()) ? r.marker() : null;
    } while (marker != null);
    return List.copyOf(calls);
  }

  /**
   * The role of an instance profile (IAM GetInstanceProfile by the name in the profile's ARN). Outcome {@code
   * roleName} (empty when the profile holds no role) and {@code instanceProfileArn}.
   */
  public List<CallRecord> roleOfInstanceProfile(String instanceProfileArn) {
    String name = instanceProfileArn.substring(instanceProfileArn.lastIndexOf('/') + 1);
    var r = call(IAM, "GetInstanceProfile", () -> clients.iam().getInstanceProfile(b -> b.instanceProfileName(name)));
    String role = r.instanceProfile().roles().isEmpty() ? "" : r.instanceProfile().roles().get(0).roleName();
    return List.of(record(IAM, "GetInstanceProfile", r, "instanceProfileArn", instanceProfileArn,
        "instanceProfileName", name, "roleName", role));
  }

  /**
   * Polls DescribeInstanceStatus (including instances not running) until the instance is running with both
   * status checks {@code ok}, at most {@code maxPolls} times, {@code pollInterval} apart. One record per poll,
   * each with {@code state}, {@code systemStatus}, {@code instanceStatus} and {@code healthy}; the caller reads
   * the last.
   */
  public List<CallRecord> awaitHealth(String instanceId) {
    List<CallRecord> calls = new ArrayList<>();
    for (int poll = 1; ; poll++) {
      var r = call(EC2, "DescribeInstanceStatus", () -> clients.ec2()
          .describeInstanceStatus(b -> b.instanceIds(instanceId).includeAllInstances(true)));
      InstanceStatus s = r.instanceStatuses().stream().filter(i -> instanceId.equals(i.instanceId())).findFirst()
          .orElse(null);
      String state = s == null || s.instanceState() == null ? "" : text(s.instanceState().nameAsString());
      String system = s == null || s.systemStatus() == null ? "" : text(s.systemStatus().statusAsString());
      String inst = s == null || s.instanceStatus() == null ? "" : text(s.instanceStatus().statusAsString());
      boolean healthy = "running".equals(state) && "ok".equals(system) && "ok".equals(inst);
      calls.add(record(EC2, "DescribeInstanceStatus", r, "instanceId", instanceId, "state", state,
          "systemStatus", system, "instanceStatus", inst, "healthy", Boolean.toString(healthy),
          "poll", Integer.toString(poll)));
      if (healthy || poll >= polling.maxPolls()) {
        return List.copyOf(calls);
      }
      polling.pause(EC2, "DescribeInstanceStatus");
    }
  }

  private static String join(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }
}
