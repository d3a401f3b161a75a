package dev.kumo.respond.aws;

import static dev.kumo.respond.aws.SdkCalls.call;
import static dev.kumo.respond.aws.SdkCalls.failure;
import static dev.kumo.respond.aws.SdkCalls.record;
import static dev.kumo.respond.aws.SdkCalls.requestId;
import static dev.kumo.respond.aws.SdkCalls.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingInstanceDetails;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/**
 * The host and log steps of a response, each making its AWS calls in a fixed order and returning one {@link
 * CallRecord} per call (with its request id): CloudTrail event lookups and flow-log descriptions, memory capture
 * through SSM, removal from Auto Scaling and load balancer target groups, the re-encrypted copy that makes a
 * default-key snapshot shareable, and the quarantine check. A failed call throws {@link ResponseStepException}.
 * Nothing here terminates, stops or deletes anything.
 */
public final class HostAndLogResponder {
  /** Where the memory image is written on the instance (memory, not the disk under investigation). */
  public static final String MEMORY_IMAGE = "/dev/shm/kumo.lime";

  private static final String EC2 = "ec2";
  private static final String CLOUDTRAIL = "cloudtrail";
  private static final String SSM = "ssm";
  private static final String AUTOSCALING = "autoscaling";
  private static final String ELBV2 = "elasticloadbalancingv2";
  private static final String KMS = "kms";
  private static final Pattern SHA256_LINE = Pattern.compile("(?m)^([0-9a-f]{64})\\s+\\*?" + Pattern.quote(MEMORY_IMAGE) + "\\s*$");
  private static final Set<String> CLOUDTRAIL_KEYS = Set.of("EventId", "EventName", "ReadOnly", "Username",
      "ResourceType", "ResourceName", "EventSource", "AccessKeyId");

  private final AwsClients clients;
  private final Polling polling;

  /**
   * @param sleeper waits between polls (SSM command invocations, snapshot copies)
   * @param pollInterval how long to wait between polls
   * @param polling.maxPolls() how many polls before a step gives up with {@code Timeout}
   */
  public HostAndLogResponder(AwsClients clients, Sleeper sleeper, Duration pollInterval, int maxPolls) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.polling = new Polling(sleeper, pollInterval, maxPolls);
  }

  /**
   * What one log query collected.
   *
   * @param calls every call, in order (one per page)
   * @param json the collected items as one JSON array, in the order AWS returned them
   * @param count how many items {@code json} holds
   * @param truncated true when more items existed than the limit allowed; {@code json} then holds the first
   *     {@code count}
   */
  public record Collected(List<CallRecord> calls, String json, int count, boolean truncated) {
    public Collected {
      calls = List.copyOf(calls);
    }
  }

  // ---- logs

  /**
   * CloudTrail LookupEvents for one lookup attribute since {@code start}, following NextToken, 50 events a
   * page, stopping at {@code maxEvents} ({@code truncated} then says more existed). Each page's outcome has
   * {@code attribute}, {@code value}, {@code page} and {@code events}.
   *
   * @param attributeKey a CloudTrail lookup key: {@code AccessKeyId}, {@code Username}, {@code ResourceName}, ...
   */
  public Collected lookupEvents(String attributeKey, String value, Instant start, int maxEvents) {
    if (!CLOUDTRAIL_KEYS.contains(attributeKey)) {
      throw new IllegalArgumentException("not a CloudTrail lookup attribute: " + attributeKey);
    }
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1: " + maxEvents);
    }
    List<CallRecord> calls = new ArrayList<>();
    List<String> events = new ArrayList<>();
    LookupAttribute attribute = LookupAttribute.builder().attributeKey(attributeKey).attributeValue(value).build();
    @Nullable String token = null;
    boolean truncated = false;
    for (int page = 1; ; page++) {
      String next = token;
      LookupEventsResponse r = call(CLOUDTRAIL, "LookupEvents", () -> clients.cloudTrail().lookupEvents(b -> {
        b.lookupAttributes(attribute).startTime(start).maxResults(50);
        if (next != null) {
          b.nextToken(next);
        }
      }));
      calls.add(record(CLOUDTRAIL, "LookupEvents", r, "attribute", attributeKey, "value", value,
          "startTime", start.toString(), "page", Integer.toString(page), "events", Integer.toString(r.events().size())));
      for (Event e : r.events()) {
        if (events.size() == maxEvents) {
          truncated = true;
          break;
        }
        events.add(SdkJson.write(e));
      }
      token = r.nextToken();
      if (truncated || token == null || token.isEmpty()) {
        break;
      }
      if (events.size() == maxEvents) {
        truncated = true;
        break;
      }
    }
    return new Collected(calls, "[" + String.join(",", events) + "]", events.size(), truncated);
  }

  /**
   * EC2 DescribeFlowLogs of the given resources (ENIs, subnets, the VPC): where their flow logs go, to be read
   * there. Outcome {@code flowLogs} (ids) and {@code json}.
   */
  public List<CallRecord> describeFlowLogs(List<String> resourceIds) {
    if (resourceIds.isEmpty()) {
      return List.of();
    }
    var r = call(EC2, "DescribeFlowLogs", () -> clients.ec2().describeFlowLogs(b -> b.filter(
        Filter.builder().name("resource-id").values(resourceIds).build())));
    return List.of(record(EC2, "DescribeFlowLogs", r, "resources", String.join(",", resourceIds),
        "flowLogs", r.flowLogs().stream().map(f -> f.flowLogId()).collect(Collectors.joining(",")),
        "json", SdkJson.write(r)));
  }

  // ---- memory

  /**
   * The shell commands of a memory capture: AVML writes the image to {@value #MEMORY_IMAGE}, {@code sha256sum}
   * prints its hash, {@code curl} uploads it with the presigned PUT URL. {@code set -e}: a failing command fails the
   * invocation.
   */
  public static List<String> memoryCommands(String presignedPutUrl) {
    if (presignedPutUrl.contains("'")) {
      throw new IllegalArgumentException("a presigned URL never holds a quote");
    }
    return List.of("set -e", "avml " + MEMORY_IMAGE, "sha256sum " + MEMORY_IMAGE,
        "curl --fail --silent --show-error -T " + MEMORY_IMAGE + " '" + presignedPutUrl + "'");
  }

  /**
   * Captures the instance's memory: presigns an S3 PUT of {@code s3://<bucket>/<key>} (valid for {@code
   * urlValidity}, signed with these clients' credentials, so the instance needs no role), SSM SendCommand
   * {@code AWS-RunShellScript} with {@link #memoryCommands}, then GetCommandInvocation through the sleeper until
   * Success, Failed, Cancelled or TimedOut ({@code InvocationDoesNotExist} right after sending counts as pending).
   * The SendCommand outcome has {@code commandId} (the URL's signature is not recorded); the last
   * GetCommandInvocation has {@code status}, {@code sha256} (as the instance printed it), {@code location} and
   * {@code json}. Throws {@code MemoryCaptureFailed} when the command did not succeed or printed no hash, {@code
   * Timeout} after the last poll.
   */
  public List<CallRecord> captureMemory(String instanceId, String bucket, String key, String caseId,
      Duration urlValidity) {
    String url;
    var builder = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
        .region(clients.settings().region()).credentialsProvider(clients.credentials())
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(clients.settings().endpointOverride() != null).build());
    if (clients.settings().endpointOverride() != null) {
      builder.endpointOverride(clients.settings().endpointOverride());
    }
    try (var presigner = builder.build()) {
      url = presigner.presignPutObject(p -> p.signatureDuration(urlValidity)
          .putObjectRequest(o -> o.bucket(bucket).key(key))).url().toString();
    } catch (SdkException e) {
      throw failure("s3", "PresignPutObject", e);
    }
    String location = "s3://" + bucket + "/" + key;
    List<String> commands = memoryCommands(url);
    var sent = call(SSM, "SendCommand", () -> clients.ssm().sendCommand(b -> b.instanceIds(instanceId)
        .documentName("AWS-RunShellScript").comment("Kumo case " + caseId + ": memory capture")
        .parameters(Map.of("commands", commands))));
    String commandId = sent.command() == null ? null : sent.command().commandId();
    if (commandId == null) {
      throw new ResponseStepException(SSM, "SendCommand", "NoCommandId", requestId(sent), "no command id", null);
    }
    List<CallRecord> calls = new ArrayList<>();
    calls.add(record(SSM, "SendCommand", sent, "instanceId", instanceId, "commandId", commandId,
        "documentName", "AWS-RunShellScript", "location", location,
        "commands", String.join("\n", memoryCommands(url.replaceAll("\\?.*", "?<signature not recorded>")))));
    for (int poll = 1; ; poll++) {
      GetCommandInvocationResponse r;
      try {
        r = clients.ssm().getCommandInvocation(b -> b.commandId(commandId).instanceId(instanceId));
      } catch (InvocationDoesNotExistException e) {
        r = null;
      } catch (SdkException e) {
        throw failure(SSM, "GetCommandInvocation", e);
      }
      CommandInvocationStatus status = r == null ? CommandInvocationStatus.PENDING : r.status();
      boolean finished = status == CommandInvocationStatus.SUCCESS || status == CommandInvocationStatus.FAILED
          || status == CommandInvocationStatus.CANCELLED || status == CommandInvocationStatus.TIMED_OUT;
      if (r != null && (finished || poll == polling.maxPolls())) {
        String out = text(r.standardOutputContent());
        Matcher m = SHA256_LINE.matcher(out);
        String hash = m.find() ? m.group(1) : "";
        calls.add(record(SSM, "GetCommandInvocation", r, "commandId", commandId, "status", r.statusAsString(),
            "responseCode", String.valueOf(r.responseCode()), "polls", Integer.toString(poll), "sha256", hash,
            "location", location, "json", SdkJson.write(r)));
        if (status == CommandInvocationStatus.SUCCESS && hash.isEmpty()) {
          throw new ResponseStepException(SSM, "GetCommandInvocation", "MemoryCaptureFailed", requestId(r),
              "command " + commandId + " succeeded but printed no SHA-256 of " + MEMORY_IMAGE, null);
        }
        if (finished && status != CommandInvocationStatus.SUCCESS) {
          throw new ResponseStepException(SSM, "GetCommandInvocation", "MemoryCaptureFailed", requestId(r),
              "command " + commandId + " ended " + r.statusAsString() + " (code " + r.responseCode() + "): "
                  + text(r.standardErrorContent()).strip(), null);
        }
        if (finished) {
          return List.copyOf(calls);
        }
      }
      if (poll == polling.maxPolls()) {
        throw new ResponseStepException(SSM, "GetCommandInvocation", "Timeout", r == null ? null : requestId(r),
            "command " + commandId + " not finished after " + poll + " polls", null);
      }
      polling.pause(SSM, "GetCommandInvocation");
    }
  }

  // ---- service membership

  /**
   * Takes the instance out of service without lowering capacity: Auto Scaling DescribeAutoScalingInstances, then
   * EnterStandby with ShouldDecrementDesiredCapacity=false when it is InService (the group launches a healthy
   * replacement and cannot terminate the evidence as unhealthy); ELBv2 DescribeTargetGroups (every page), then per
   * instance-type group DescribeTargetHealth for the instance, then DeregisterTargets for each registration that
   * is not already unused or draining. Outcomes name {@code autoScalingGroup} and {@code targetGroup}/{@code port},
   * for the release. Safe to repeat.
   */
  public List<CallRecord> removeFromService(String instanceId) {
    List<CallRecord> calls = new ArrayList<>();
    var asg = clients.autoScaling();
    var found = call(AUTOSCALING, "DescribeAutoScalingInstances",
        () -> asg.describeAutoScalingInstances(b -> b.instanceIds(instanceId)));
    calls.add(record(AUTOSCALING, "DescribeAutoScalingInstances", found, "instanceId", instanceId,
        "groups", found.autoScalingInstances().stream().map(i -> i.autoScalingGroupName() + "=" + i.lifecycleState())
            .collect(Collectors.joining(",")), "json", SdkJson.write(found)));
    for (AutoScalingInstanceDetails d : found.autoScalingInstances()) {
      if (!instanceId.equals(d.instanceId()) || !"InService".equals(d.lifecycleState())) {
        continue;
      }
      var standby = call(AUTOSCALING, "EnterStandby", () -> asg.enterStandby(b -> b
          .autoScalingGroupName(d.autoScalingGroupName()).instanceIds(instanceId).shouldDecrementDesiredCapacity(false)));
      calls.add(record(AUTOSCALING, "EnterStandby", standby, "instanceId", instanceId,
          "autoScalingGroup", d.autoScalingGroupName(), "shouldDecrementDesiredCapacity", "false"));
    }
    var elb = clients.elbv2();
    List<TargetGroup> groups = new ArrayList<>();
    @Nullable String marker = null;
    do {
      String m = marker;
      var page = call(ELBV2, "DescribeTargetGroups", () -> elb.describeTargetGroups(b -> {
        if (m != null) {
          b.marker(m);
        }
      }));
      calls.add(record(ELBV2, "DescribeTargetGroups", page, "targetGroups", Integer.toString(page.targetGroups().size())));
      groups.addAll(page.targetGroups());
      marker = page.nextMarker();
    } while (marker != null && !marker.isEmpty());
    for (TargetGroup g : groups) {
      if (!"instance".equals(g.targetTypeAsString())) {
        continue;
      }
      var health = call(ELBV2, "DescribeTargetHealth", () -> elb.describeTargetHealth(b -> b
          .targetGroupArn(g.targetGroupArn()).targets(TargetDescription.builder().id(instanceId).build())));
      List<TargetHealthDescription> registered = health.targetHealthDescriptions().stream()
          .filter(t -> t.target() != null && instanceId.equals(t.target().id()))
          .filter(t -> t.targetHealth() == null || t.targetHealth().state() != TargetHealthStateEnum.UNUSED
              && t.targetHealth().state() != TargetHealthStateEnum.DRAINING)
          .toList();
      calls.add(record(ELBV2, "DescribeTargetHealth", health, "targetGroup", g.targetGroupArn(),
          "registered", Integer.toString(registered.size()), "json", SdkJson.write(health)));
      for (TargetHealthDescription t : registered) {
        var out = call(ELBV2, "DeregisterTargets", () -> elb.deregisterTargets(b -> b.targetGroupArn(g.targetGroupArn())
            .targets(t.target())));
        calls.add(record(ELBV2, "DeregisterTargets", out, "targetGroup", g.targetGroupArn(), "instanceId", instanceId,
            "port", t.target().port() == null ? "" : t.target().port().toString()));
      }
    }
    return List.copyOf(calls);
  }

  // ---- snapshots

  /**
   * Makes a snapshot shareable with another account: EC2 DescribeSnapshots; when it is encrypted, KMS DescribeKey
   * of its key; when that key is AWS managed (the default {@code aws/ebs} key, which cannot be shared), an earlier
   * copy for the case is looked up (DescribeSnapshots by tags) and otherwise CopySnapshot in the same account and
   * region, re-encrypted with {@code sharingKmsKey} and tagged {@code kumo:case} and {@code kumo:source-snapshot},
   * then DescribeSnapshots until the copy is completed. The last outcome's {@code shareableSnapshotId} is the
   * snapshot to share: the original when its key is not AWS managed (or it is not encrypted), else the copy.
   * Throws {@code NoSharingKey} when a copy is needed and {@code sharingKmsKey} is null.
   */
  public List<CallRecord> shareableSnapshot(String snapshotId, @Nullable String sharingKmsKey, String caseId) {
    var ec2 = clients.ec2();
    List<CallRecord> calls = new ArrayList<>();
    DescribeSnapshotsResponse d = call(EC2, "DescribeSnapshots", () -> ec2.describeSnapshots(b -> b.snapshotIds(snapshotId)));
    Snapshot snap = d.snapshots().stream().filter(s -> snapshotId.equals(s.snapshotId())).findFirst()
        .orElseThrow(() -> new ResponseStepException(EC2, "DescribeSnapshots", "SnapshotNotFound", requestId(d),
            "no snapshot " + snapshotId + " in the response", null));
    boolean encrypted = Boolean.TRUE.equals(snap.encrypted());
    String key = text(snap.kmsKeyId());
    calls.add(record(EC2, "DescribeSnapshots", d, "snapshotId", snapshotId, "encrypted", Boolean.toString(encrypted),
        "kmsKeyId", key));
    if (!encrypted || key.isEmpty()) {
      calls.add(shareable(calls.remove(calls.size() - 1), snapshotId));
      return List.copyOf(calls);
    }
    var described = call(KMS, "DescribeKey", () -> clients.kms().describeKey(b -> b.keyId(key)));
    boolean awsManaged = described.keyMetadata() != null && described.keyMetadata().keyManager() == KeyManagerType.AWS;
    calls.add(record(KMS, "DescribeKey", described, "keyId", key, "keyManager",
        described.keyMetadata() == null ? "" : text(described.keyMetadata().keyManagerAsString())));
    if (!awsManaged) {
      calls.add(shareable(calls.remove(calls.size() - 1), snapshotId));
      return List.copyOf(calls);
    }
    if (sharingKmsKey == null) {
      throw new ResponseStepException(KMS, "DescribeKey", "NoSharingKey", requestId(described), snapshotId
          + " is encrypted with the AWS managed key " + key + ", which cannot be shared: give a customer managed "
          + "key the forensic account may use (--sharing-kms-key)", null);
    }
    var earlier = call(EC2, "DescribeSnapshots", () -> ec2.describeSnapshots(b -> b.ownerIds("self").filters(
        Filter.builder().name("tag:" + AwsResponder.CASE_TAG).values(caseId).build(),
        Filter.builder().name("tag:kumo:source-snapshot").values(snapshotId).build())));
    Snapshot found = earlier.snapshots().stream().filter(s -> s.state() != SnapshotState.ERROR
        && snapshotId.equals(tag(s.tags(), "kumo:source-snapshot")) && caseId.equals(tag(s.tags(), AwsResponder.CASE_TAG)))
        .findFirst().orElse(null);
    String copyId;
    if (found != null) {
      copyId = found.snapshotId();
      calls.add(record(EC2, "DescribeSnapshots", earlier, "sourceSnapshotId", snapshotId, "snapshotId", copyId,
          "reused", "true"));
    } else {
      calls.add(record(EC2, "DescribeSnapshots", earlier, "sourceSnapshotId", snapshotId, "reused", "false"));
      String region = clients.settings().region().id();
      var copy = call(EC2, "CopySnapshot", () -> ec2.copySnapshot(b -> b.sourceSnapshotId(snapshotId)
          .sourceRegion(region).destinationRegion(region).encrypted(true).kmsKeyId(sharingKmsKey)
          .description("Kumo case " + caseId + ": shareable copy of " + snapshotId)
          .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SNAPSHOT).tags(
              Tag.builder().key(AwsResponder.CASE_TAG).value(caseId).build(),
              Tag.builder().key("kumo:source-snapshot").value(snapshotId).build()).build())));
      copyId = copy.snapshotId();
      calls.add(record(EC2, "CopySnapshot", copy, "sourceSnapshotId", snapshotId, "snapshotId", copyId,
          "kmsKeyId", sharingKmsKey));
    }
    for (int poll = 1; ; poll++) {
      String id = copyId;
      var state = call(EC2, "DescribeSnapshots", () -> ec2.describeSnapshots(b -> b.snapshotIds(id)));
      Snapshot s = state.snapshots().stream().filter(x -> id.equals(x.snapshotId())).findFirst().orElse(null);
      SnapshotState st = s == null ? null : s.state();
      if (st == SnapshotState.COMPLETED) {
        calls.add(record(EC2, "DescribeSnapshots", state, "snapshotId", id, "state", "completed",
            "polls", Integer.toString(poll), "shareableSnapshotId", id));
        return List.copyOf(calls);
      }
      if (st == SnapshotState.ERROR || poll == polling.maxPolls()) {
        calls.add(record(EC2, "DescribeSnapshots", state, "snapshotId", id, "state", String.valueOf(st)));
        throw new ResponseStepException(EC2, "DescribeSnapshots", st == SnapshotState.ERROR ? "SnapshotError" : "Timeout",
            requestId(state), "copy " + id + " of " + snapshotId + " is " + st + " after " + poll + " polls", null);
      }
      polling.pause(EC2, "DescribeSnapshots");
    }
  }

  private static CallRecord shareable(CallRecord r, String snapshotId) {
    Map<String, String> o = new LinkedHashMap<>(r.outcome());
    o.put("shareableSnapshotId", snapshotId);
    return new CallRecord(r.service(), r.operation(), r.requestId(), o);
  }

  // ---- quarantine

  /**
   * Re-reads the instance (DescribeInstances, DescribeInstanceAttribute disableApiTermination) and checks it is
   * still quarantined: not terminated, only {@code isolationGroup} on every ENI, termination protection on, tagged
   * {@code kumo:case=<caseId>}. Outcome {@code quarantined=true} and {@code json}; throws {@code NotQuarantined}
   * naming every check that failed.
   */
  public List<CallRecord> verifyQuarantine(String instanceId, String isolationGroup, String caseId) {
    var ec2 = clients.ec2();
    DescribeInstancesResponse d = call(EC2, "DescribeInstances", () -> ec2.describeInstances(b -> b.instanceIds(instanceId)));
    var attr = call(EC2, "DescribeInstanceAttribute", () -> ec2.describeInstanceAttribute(b -> b.instanceId(instanceId)
        .attribute(InstanceAttributeName.DISABLE_API_TERMINATION)));
    Instance instance = d.reservations().stream().flatMap(r -> r.instances().stream())
        .filter(i -> instanceId.equals(i.instanceId())).findFirst().orElse(null);
    List<String> problems = new ArrayList<>();
    if (instance == null) {
      problems.add("DescribeInstances does not return " + instanceId);
    } else {
      String state = instance.state() == null ? "" : text(instance.state().nameAsString());
      if (state.equals("terminated") || state.equals("shutting-down")) {
        problems.add("it is " + state);
      }
      for (InstanceNetworkInterface eni : instance.networkInterfaces()) {
        Set<String> groups = eni.groups().stream().map(GroupIdentifier::groupId).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!groups.equals(Set.of(isolationGroup))) {
          problems.add(eni.networkInterfaceId() + " has groups " + groups + ", not only " + isolationGroup);
        }
      }
      if (instance.networkInterfaces().isEmpty()) {
        problems.add("it has no network interface to check");
      }
      if (!caseId.equals(tag(instance.tags(), AwsResponder.CASE_TAG))) {
        problems.add("it is not tagged " + AwsResponder.CASE_TAG + "=" + caseId);
      }
    }
    boolean protectedOn = attr.disableApiTermination() != null && Boolean.TRUE.equals(attr.disableApiTermination().value());
    if (!protectedOn) {
      problems.add("termination protection is off");
    }
    CallRecord described = record(EC2, "DescribeInstances", d, "instanceId", instanceId, "json", SdkJson.write(d));
    CallRecord attribute = record(EC2, "DescribeInstanceAttribute", attr, "attribute", "disableApiTermination",
        "value", Boolean.toString(protectedOn), "quarantined", Boolean.toString(problems.isEmpty()));
    if (!problems.isEmpty()) {
      throw new ResponseStepException(EC2, "DescribeInstanceAttribute", "NotQuarantined", requestId(attr),
          instanceId + " is not quarantined: " + String.join("; ", problems), null);
    }
    return List.of(described, attribute);
  }

  // ---- helpers


  private static @Nullable String tag(List<Tag> tags, String key) {
    return tags.stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst().orElse(null);
  }
}
