package dev.kumo.respond.aws;

import static dev.kumo.respond.aws.SdkCalls.call;
import static dev.kumo.respond.aws.SdkCalls.failure;
import static dev.kumo.respond.aws.SdkCalls.record;
import static dev.kumo.respond.aws.SdkCalls.requestId;
import static dev.kumo.respond.aws.SdkCalls.text;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.CopySnapshotResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMappingSpecification;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.LockMode;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.LockSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * One method per kind of response step, each making the AWS calls of that step in a fixed order and
 * returning one {@link CallRecord} per call (with its request id) for the custody ledger. A call that
 * fails after the SDK's retries throws {@link ResponseStepException}; the calls made before it are then
 * already done, and a step is safe to repeat unless its Javadoc says otherwise.
 *
 * <p>Nothing here terminates or stops an instance or deletes a volume, snapshot or group: the original
 * stays, isolated, for analysis.
 */
public final class AwsResponder {
  /** The tag key that marks every resource Kumo tags or creates with the case id. */
  public static final String CASE_TAG = "kumo:case";
  /** The inline role policy name AWS's console uses to revoke older sessions. */
  public static final String REVOKE_POLICY_NAME = "AWSRevokeOlderSessions";

  private static final String EC2 = "ec2";
  private static final String IAM = "iam";
  private static final String STS = "sts";
  private static final String S3 = "s3";
  private static final String KMS = "kms";

  private final AwsClients clients;
  private final Polling polling;

  /**
   * @param sleeper waits between DescribeSnapshots polls
   * @param pollInterval how long to wait between polls
   * @param polling.maxPolls() how many polls before a snapshot step gives up with {@code Timeout}
   */
  public AwsResponder(AwsClients clients, Sleeper sleeper, Duration pollInterval, int maxPolls) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.polling = new Polling(sleeper, pollInterval, maxPolls);
  }

  /** The S3, IAM and health-polling calls, with the same clients, sleeper and polling as this responder. */
  public StorageAndIdentityResponder storageAndIdentity() {
    return new StorageAndIdentityResponder(clients, polling.sleeper(), polling.interval(), polling.maxPolls());
  }

  /** Who the calls act as (STS GetCallerIdentity): outcome {@code arn}, {@code account}, {@code userId}. */
  public List<CallRecord> callerIdentity() {
    GetCallerIdentityResponse r = call(STS, "GetCallerIdentity", () -> clients.sts().getCallerIdentity());
    return List.of(record(STS, "GetCallerIdentity", r,
        "arn", r.arn(), "account", r.account(), "userId", r.userId()));
  }

  /**
   * Records the full state of an instance before anything changes, read-only: DescribeInstances,
   * DescribeVolumes, DescribeNetworkInterfaces, DescribeSecurityGroups, GetConsoleOutput and
   * DescribeInstanceAttribute userData, in that order. Each outcome holds {@code json}: the response as
   * JSON (user data and console output stay base64). DescribeInstances' outcome also names what later
   * steps need: {@code vpcId}, {@code subnetId}, {@code state}, {@code volumeIds}, {@code deviceNames}, {@code instanceType}, {@code subnetIds}, {@code privateIps}, {@code
   * networkInterfaceIds}, {@code securityGroupIds} (comma-separated), {@code instanceProfileArn}.
   */
  public List<CallRecord> describeInstanceState(String instanceId) {
    Ec2Client ec2 = clients.ec2();
    List<CallRecord> calls = new ArrayList<>();
    DescribeInstancesResponse instances =
        call(EC2, "DescribeInstances", () -> ec2.describeInstances(r -> r.instanceIds(instanceId)));
    Instance instance = instances.reservations().stream()
        .map(Reservation::instances).flatMap(List::stream)
        .filter(i -> instanceId.equals(i.instanceId()))
        .findFirst()
        .orElseThrow(() -> new ResponseStepException(EC2, "DescribeInstances", "InstanceNotFound",
            requestId(instances), "no instance " + instanceId + " in the response", null));
    List<String> volumeIds = instance.blockDeviceMappings().stream()
        .map(InstanceBlockDeviceMapping::ebs).filter(Objects::nonNull)
        .map(e -> e.volumeId()).filter(Objects::nonNull).toList();
    List<String> eniIds = instance.networkInterfaces().stream()
        .map(InstanceNetworkInterface::networkInterfaceId).toList();
    Set<String> groupIds = new LinkedHashSet<>();
    instance.securityGroups().stream().map(GroupIdentifier::groupId).forEach(groupIds::add);
    instance.networkInterfaces().forEach(n -> n.groups().forEach(g -> groupIds.add(g.groupId())));
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("instanceId", instanceId);
    facts.put("vpcId", text(instance.vpcId()));
    facts.put("subnetId", text(instance.subnetId()));
    facts.put("state", instance.state() == null ? "" : text(instance.state().nameAsString()));
    facts.put("volumeIds", String.join(",", volumeIds));
    facts.put("deviceNames", instance.blockDeviceMappings().stream()
        .filter(m -> m.ebs() != null && m.deviceName() != null)
        .map(InstanceBlockDeviceMapping::deviceName).collect(Collectors.joining(",")));
    facts.put("instanceType", text(instance.instanceTypeAsString()));
    facts.put("networkInterfaceIds", String.join(",", eniIds));
    facts.put("subnetIds", instance.networkInterfaces().stream().map(InstanceNetworkInterface::subnetId)
        .filter(Objects::nonNull).distinct().collect(Collectors.joining(",")));
    facts.put("privateIps", instance.networkInterfaces().stream().flatMap(n -> n.privateIpAddresses().stream())
        .map(a -> a.privateIpAddress()).filter(Objects::nonNull).distinct().collect(Collectors.joining(",")));
    facts.put("securityGroupIds", String.join(",", groupIds));
    facts.put("instanceProfileArn",
        instance.iamInstanceProfile() == null ? "" : text(instance.iamInstanceProfile().arn()));
    facts.put("json", SdkJson.write(instances));
    calls.add(new CallRecord(EC2, "DescribeInstances", requestId(instances), facts));

    if (!volumeIds.isEmpty()) {
      var volumes = call(EC2, "DescribeVolumes", () -> ec2.describeVolumes(r -> r.volumeIds(volumeIds)));
      calls.add(record(EC2, "DescribeVolumes", volumes, "json", SdkJson.write(volumes)));
    }
    if (!eniIds.isEmpty()) {
      var enis = call(EC2, "DescribeNetworkInterfaces",
          () -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eniIds)));
      calls.add(record(EC2, "DescribeNetworkInterfaces", enis, "json", SdkJson.write(enis)));
    }
    if (!groupIds.isEmpty()) {
      var groups = call(EC2, "DescribeSecurityGroups",
          () -> ec2.describeSecurityGroups(r -> r.groupIds(List.copyOf(groupIds))));
      calls.add(record(EC2, "DescribeSecurityGroups", groups, "json", SdkJson.write(groups)));
    }
    var console = call(EC2, "GetConsoleOutput", () -> ec2.getConsoleOutput(r -> r.instanceId(instanceId)));
    calls.add(record(EC2, "GetConsoleOutput", console, "json", SdkJson.write(console)));
    DescribeInstanceAttributeResponse userData = call(EC2, "DescribeInstanceAttribute",
        () -> ec2.describeInstanceAttribute(r -> r.instanceId(instanceId).attribute(InstanceAttributeName.USER_DATA)));
    calls.add(record(EC2, "DescribeInstanceAttribute", userData,
        "attribute", "userData", "json", SdkJson.write(userData)));
    return List.copyOf(calls);
  }

  /** Tags the resources with {@code kumo:case=<caseId>} (CreateTags). */
  public List<CallRecord> tagResources(List<String> resourceIds, String caseId) {
    if (resourceIds.isEmpty()) {
      return List.of();
    }
    var r = call(EC2, "CreateTags", () -> clients.ec2().createTags(b -> b.resources(resourceIds)
        .tags(Tag.builder().key(CASE_TAG).value(caseId).build())));
    return List.of(record(EC2, "CreateTags", r,
        "resources", String.join(",", resourceIds), CASE_TAG, caseId));
  }

  /** Turns termination protection on (ModifyInstanceAttribute DisableApiTermination=true). */
  public List<CallRecord> enableTerminationProtection(String instanceId) {
    var r = call(EC2, "ModifyInstanceAttribute", () -> clients.ec2().modifyInstanceAttribute(b -> b
        .instanceId(instanceId).disableApiTermination(AttributeBooleanValue.builder().value(true).build())));
    return List.of(record(EC2, "ModifyInstanceAttribute", r,
        "instanceId", instanceId, "disableApiTermination", "true"));
  }

  /** Makes a shutdown from inside the instance stop it, not terminate it (InstanceInitiatedShutdownBehavior=stop). */
  public List<CallRecord> setStopOnShutdown(String instanceId) {
    var r = call(EC2, "ModifyInstanceAttribute", () -> clients.ec2().modifyInstanceAttribute(b -> b
        .instanceId(instanceId).instanceInitiatedShutdownBehavior(AttributeValue.builder().value("stop").build())));
    return List.of(record(EC2, "ModifyInstanceAttribute", r,
        "instanceId", instanceId, "instanceInitiatedShutdownBehavior", "stop"));
  }

  /**
   * Keeps every listed volume when the instance is terminated by anyone (ModifyInstanceAttribute
   * BlockDeviceMapping DeleteOnTermination=false, one call per device name, e.g. {@code /dev/xvda}).
   */
  public List<CallRecord> keepVolumesOnTermination(String instanceId, List<String> deviceNames) {
    List<CallRecord> calls = new ArrayList<>();
    for (String device : deviceNames) {
      var r = call(EC2, "ModifyInstanceAttribute", () -> clients.ec2().modifyInstanceAttribute(b -> b
          .instanceId(instanceId).blockDeviceMappings(InstanceBlockDeviceMappingSpecification.builder().deviceName(device)
              .ebs(e -> e.deleteOnTermination(false)).build())));
      calls.add(record(EC2, "ModifyInstanceAttribute", r,
          "instanceId", instanceId, "deviceName", device, "deleteOnTermination", "false"));
    }
    return List.copyOf(calls);
  }

  /**
   * Cuts the instance's network, connections already open included, as the plan says: an empty security group on
   * every ENI, and network ACL deny entries for each private address.
   *
   * <p>A security group change does not cut connections it already tracks, so a group swap alone leaves an
   * attacker's open shell working. Network ACLs are stateless and drop every packet, tracked or not; a /32 deny
   * entry per address leaves the rest of the subnet untouched.
   *
   * <p>Calls, in order: CreateSecurityGroup {@code kumo-isolation-<case>} in the VPC, tagged with the case (an
   * existing group of that name, from a rerun, is found with DescribeSecurityGroups and reused);
   * RevokeSecurityGroupEgress of its default allow-all rule (already revoked on a rerun: tolerated); per ENI
   * ModifyNetworkInterfaceAttribute Groups=[isolation]; DescribeNetworkAcls of the subnets; then per ACL and
   * address CreateNetworkAclEntry deny all, ingress then egress, {@code <address>/32}, numbered below every
   * existing rule of that direction (an existing deny entry for the address, from a rerun, is kept and not made
   * again). Outcome {@code groupId} on the group call, {@code networkAclId}, {@code ruleNumber}, {@code cidr} and
   * {@code egress} on each entry. Throws {@code NoFreeRuleNumber} when the ACL's lowest rule leaves no room.
   */
  public List<CallRecord> isolateNetwork(String vpcId, List<String> networkInterfaceIds, List<String> subnetIds,
      List<String> privateIps, String caseId) {
    Ec2Client ec2 = clients.ec2();
    List<CallRecord> calls = new ArrayList<>();
    String isolation = createGroup(calls, "kumo-isolation-" + caseId, "Kumo isolation: no rules", vpcId, caseId);
    IpPermission allV4 = IpPermission.builder().ipProtocol("-1").ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
    try {
      var revoked = ec2.revokeSecurityGroupEgress(b -> b.groupId(isolation).ipPermissions(allV4));
      calls.add(record(EC2, "RevokeSecurityGroupEgress", revoked, "groupId", isolation, "egress", "0.0.0.0/0 all"));
    } catch (AwsServiceException e) {
      if (!"InvalidPermission.NotFound".equals(e.awsErrorDetails().errorCode())) {
        throw failure(EC2, "RevokeSecurityGroupEgress", e);
      }
      calls.add(new CallRecord(EC2, "RevokeSecurityGroupEgress", e.requestId() == null ? "UNKNOWN" : e.requestId(),
          Map.of("groupId", isolation, "egress", "already revoked")));
    } catch (SdkException e) {
      throw failure(EC2, "RevokeSecurityGroupEgress", e);
    }
    for (String eni : networkInterfaceIds) {
      var swapped = call(EC2, "ModifyNetworkInterfaceAttribute",
          () -> ec2.modifyNetworkInterfaceAttribute(b -> b.networkInterfaceId(eni).groups(isolation)));
      calls.add(record(EC2, "ModifyNetworkInterfaceAttribute", swapped, "networkInterfaceId", eni, "groups", isolation));
    }
    if (subnetIds.isEmpty() || privateIps.isEmpty()) {
      return List.copyOf(calls);
    }
    DescribeNetworkAclsResponse acls = call(EC2, "DescribeNetworkAcls", () -> ec2.describeNetworkAcls(b -> b.filters(
        Filter.builder().name("association.subnet-id").values(subnetIds).build())));
    calls.add(record(EC2, "DescribeNetworkAcls", acls, "networkAclIds", acls.networkAcls().stream()
        .map(NetworkAcl::networkAclId).collect(Collectors.joining(",")), "json", SdkJson.write(acls)));
    for (NetworkAcl acl : acls.networkAcls()) {
      for (boolean egress : List.of(false, true)) {
        List<NetworkAclEntry> existing = acl.entries().stream()
            .filter(e -> Boolean.TRUE.equals(e.egress()) == egress && e.ruleNumber() != null && e.ruleNumber() < 32767)
            .toList();
        int next = existing.stream().mapToInt(NetworkAclEntry::ruleNumber).min().orElse(100) - 1;
        for (String ip : privateIps) {
          String cidr = ip + "/32";
          boolean present = existing.stream().anyMatch(e -> cidr.equals(e.cidrBlock())
              && e.ruleAction() == RuleAction.DENY && "-1".equals(e.protocol()));
          if (present) {
            continue;
          }
          if (next < 1) {
            throw new ResponseStepException(EC2, "CreateNetworkAclEntry", "NoFreeRuleNumber", requestId(acls),
                "network ACL " + acl.networkAclId() + " has no rule number free below its lowest rule", null);
          }
          int rule = next--;
          var made = call(EC2, "CreateNetworkAclEntry", () -> ec2.createNetworkAclEntry(b -> b
              .networkAclId(acl.networkAclId()).ruleNumber(rule).protocol("-1").ruleAction(RuleAction.DENY)
              .egress(egress).cidrBlock(cidr)));
          calls.add(record(EC2, "CreateNetworkAclEntry", made, "networkAclId", acl.networkAclId(),
              "ruleNumber", Integer.toString(rule), "cidr", cidr, "egress", Boolean.toString(egress)));
        }
      }
    }
    return List.copyOf(calls);
  }

  private String createGroup(List<CallRecord> calls, String name, String description, String vpcId, String caseId) {
    Ec2Client ec2 = clients.ec2();
    try {
      CreateSecurityGroupResponse created = ec2.createSecurityGroup(b -> b.groupName(name).description(description)
          .vpcId(vpcId).tagSpecifications(tags(ResourceType.SECURITY_GROUP, caseId)));
      calls.add(record(EC2, "CreateSecurityGroup", created, "groupName", name, "groupId", created.groupId()));
      return created.groupId();
    } catch (AwsServiceException e) {
      if (!"InvalidGroup.Duplicate".equals(e.awsErrorDetails().errorCode())) {
        throw failure(EC2, "CreateSecurityGroup", e);
      }
    } catch (SdkException e) {
      throw failure(EC2, "CreateSecurityGroup", e);
    }
    var found = call(EC2, "DescribeSecurityGroups", () -> ec2.describeSecurityGroups(b -> b.filters(
        Filter.builder().name("vpc-id").values(vpcId).build(),
        Filter.builder().name("group-name").values(name).build())));
    if (found.securityGroups().isEmpty()) {
      throw new ResponseStepException(EC2, "DescribeSecurityGroups", "GroupNotFound", requestId(found),
          "group " + name + " exists but cannot be found", null);
    }
    String id = found.securityGroups().get(0).groupId();
    calls.add(record(EC2, "DescribeSecurityGroups", found, "groupName", name, "groupId", id, "reused", "true"));
    return id;
  }

  /**
   * Takes the instance's role away from it: DescribeIamInstanceProfileAssociations (state associated),
   * then DisassociateIamInstanceProfile for each. Outcome {@code associations=0} when there is none.
   */
  public List<CallRecord> disassociateInstanceProfile(String instanceId) {
    Ec2Client ec2 = clients.ec2();
    DescribeIamInstanceProfileAssociationsResponse found = call(EC2, "DescribeIamInstanceProfileAssociations",
        () -> ec2.describeIamInstanceProfileAssociations(b -> b.filters(
            Filter.builder().name("instance-id").values(instanceId).build(),
            Filter.builder().name("state").values("associated").build())));
    List<CallRecord> calls = new ArrayList<>();
    calls.add(record(EC2, "DescribeIamInstanceProfileAssociations", found,
        "associations", Integer.toString(found.iamInstanceProfileAssociations().size())));
    for (IamInstanceProfileAssociation a : found.iamInstanceProfileAssociations()) {
      var r = call(EC2, "DisassociateIamInstanceProfile",
          () -> ec2.disassociateIamInstanceProfile(b -> b.associationId(a.associationId())));
      calls.add(record(EC2, "DisassociateIamInstanceProfile", r, "associationId", a.associationId(),
          "instanceProfileArn", a.iamInstanceProfile() == null ? "" : text(a.iamInstanceProfile().arn())));
    }
    return List.copyOf(calls);
  }

  /**
   * Revokes every session of the role issued before {@code before} (IAM PutRolePolicy of the {@value
   * #REVOKE_POLICY_NAME} inline policy: Deny every action when {@code aws:TokenIssueTime} is earlier),
   * as the console's "Revoke active sessions" does. Replaces an earlier such policy of the role.
   */
  public List<CallRecord> revokeRoleSessions(String roleName, Instant before) {
    String document = revokePolicy(before);
    var r = call(IAM, "PutRolePolicy", () -> clients.iam().putRolePolicy(b -> b
        .roleName(roleName).policyName(REVOKE_POLICY_NAME).policyDocument(document)));
    return List.of(record(IAM, "PutRolePolicy", r,
        "roleName", roleName, "policyName", REVOKE_POLICY_NAME, "policyDocument", document));
  }

  /** The deny-older-sessions policy document, the time in whole seconds (UTC, ISO-8601). */
  public static String revokePolicy(Instant before) {
    String time = DateTimeFormatter.ISO_INSTANT.format(before.truncatedTo(ChronoUnit.SECONDS));
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
        + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + time + "\"}}}]}";
  }

  /**
   * Records an access key and its user, read-only: GetAccessKeyLastUsed (which names the user), then for that user
   * ListAccessKeys, ListAttachedUserPolicies, ListUserPolicies, ListGroupsForUser and ListMFADevices. Each outcome
   * holds {@code json}; the first also {@code userName}, {@code lastUsedDate}, {@code lastUsedService} and {@code
   * lastUsedRegion}. Throws {@code NoUser} when AWS names no user (a root key).
   */
  public List<CallRecord> describeAccessKey(String accessKeyId) {
    var iam = clients.iam();
    var last = call(IAM, "GetAccessKeyLastUsed", () -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(accessKeyId)));
    String user = last.userName();
    if (user == null || user.isEmpty()) {
      throw new ResponseStepException(IAM, "GetAccessKeyLastUsed", "NoUser", requestId(last),
          "AWS names no user for " + accessKeyId + " (a root key is handled by hand)", null);
    }
    var used = last.accessKeyLastUsed();
    List<CallRecord> calls = new ArrayList<>();
    calls.add(record(IAM, "GetAccessKeyLastUsed", last, "accessKeyId", accessKeyId, "userName", user,
        "lastUsedDate", used == null ? "" : String.valueOf(used.lastUsedDate()),
        "lastUsedService", used == null ? "" : used.serviceName(), "lastUsedRegion", used == null ? "" : used.region(),
        "json", SdkJson.write(last)));
    var keys = call(IAM, "ListAccessKeys", () -> iam.listAccessKeys(b -> b.userName(user)));
    calls.add(record(IAM, "ListAccessKeys", keys, "userName", user, "json", SdkJson.write(keys)));
    var attached = call(IAM, "ListAttachedUserPolicies", () -> iam.listAttachedUserPolicies(b -> b.userName(user)));
    calls.add(record(IAM, "ListAttachedUserPolicies", attached, "userName", user, "json", SdkJson.write(attached)));
    var inline = call(IAM, "ListUserPolicies", () -> iam.listUserPolicies(b -> b.userName(user)));
    calls.add(record(IAM, "ListUserPolicies", inline, "userName", user, "json", SdkJson.write(inline)));
    var groups = call(IAM, "ListGroupsForUser", () -> iam.listGroupsForUser(b -> b.userName(user)));
    calls.add(record(IAM, "ListGroupsForUser", groups, "userName", user, "json", SdkJson.write(groups)));
    var mfa = call(IAM, "ListMFADevices", () -> iam.listMFADevices(b -> b.userName(user)));
    calls.add(record(IAM, "ListMFADevices", mfa, "userName", user, "json", SdkJson.write(mfa)));
    return List.copyOf(calls);
  }

  /** Tags an IAM user with {@code kumo:case=<caseId>} (TagUser). */
  public List<CallRecord> tagUser(String userName, String caseId) {
    var r = call(IAM, "TagUser", () -> clients.iam().tagUser(b -> b.userName(userName)
        .tags(t -> t.key(CASE_TAG).value(caseId))));
    return List.of(record(IAM, "TagUser", r, "userName", userName, CASE_TAG, caseId));
  }

  /**
   * Revokes the user's temporary credentials issued before {@code before} (IAM PutUserPolicy of the {@value
   * #REVOKE_POLICY_NAME} inline policy, as {@link #revokeRoleSessions} does for a role).
   */
  public List<CallRecord> revokeUserSessions(String userName, Instant before) {
    String document = revokePolicy(before);
    var r = call(IAM, "PutUserPolicy", () -> clients.iam().putUserPolicy(b -> b
        .userName(userName).policyName(REVOKE_POLICY_NAME).policyDocument(document)));
    return List.of(record(IAM, "PutUserPolicy", r,
        "userName", userName, "policyName", REVOKE_POLICY_NAME, "policyDocument", document));
  }

  /** Deactivates an access key (IAM UpdateAccessKey Status=Inactive); reversible, nothing is deleted. */
  public List<CallRecord> deactivateAccessKey(String userName, String accessKeyId) {
    var r = call(IAM, "UpdateAccessKey", () -> clients.iam().updateAccessKey(b -> b
        .userName(userName).accessKeyId(accessKeyId).status(StatusType.INACTIVE)));
    return List.of(record(IAM, "UpdateAccessKey", r,
        "userName", userName, "accessKeyId", accessKeyId, "status", "Inactive"));
  }

  /**
   * Snapshots every volume (CreateSnapshot with tags {@code kumo:case} and {@code kumo:source-volume}),
   * then polls DescribeSnapshots until all are {@code completed}. Safe to repeat after a crash: a first
   * DescribeSnapshots finds the account's own snapshots tagged with the case, and a volume that already has one
   * (not in state {@code error}) is not snapshotted again (outcome {@code reused=true}). A snapshot in state
   * {@code error} throws {@code SnapshotError}; still pending after the last poll throws {@code Timeout}. Each
   * CreateSnapshot outcome has {@code volumeId} and {@code snapshotId}; the last DescribeSnapshots has {@code
   * states} ({@code snap-…=completed,…}) and {@code snapshotIds} (made or reused, in volume order).
   */
  public List<CallRecord> snapshotVolumes(List<String> volumeIds, String caseId) {
    Ec2Client ec2 = clients.ec2();
    List<CallRecord> calls = new ArrayList<>();
    List<String> snapshotIds = new ArrayList<>();
    if (volumeIds.isEmpty()) {
      return List.of();
    }
    DescribeSnapshotsResponse existing = call(EC2, "DescribeSnapshots", () -> ec2.describeSnapshots(b -> b
        .ownerIds("self").filters(Filter.builder().name("tag:" + CASE_TAG).values(caseId).build(),
            Filter.builder().name("tag:kumo:source-volume").values(volumeIds).build())));
    Map<String, String> reused = new LinkedHashMap<>();
    for (Snapshot snap : existing.snapshots()) {
      String source = tag(snap.tags(), "kumo:source-volume");
      if (snap.state() != SnapshotState.ERROR && caseId.equals(tag(snap.tags(), CASE_TAG))
          && volumeIds.contains(source) && !reused.containsKey(source)) {
        reused.put(source, snap.snapshotId());
      }
    }
    calls.add(record(EC2, "DescribeSnapshots", existing, "reused", reused.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))));
    for (String volume : volumeIds) {
      if (reused.containsKey(volume)) {
        snapshotIds.add(reused.get(volume));
        continue;
      }
      CreateSnapshotResponse created = call(EC2, "CreateSnapshot", () -> ec2.createSnapshot(b -> b
          .volumeId(volume)
          .description("Kumo case " + caseId + ": evidence of " + volume)
          .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SNAPSHOT)
              .tags(caseTag(caseId), Tag.builder().key("kumo:source-volume").value(volume).build())
              .build())));
      snapshotIds.add(created.snapshotId());
      calls.add(record(EC2, "CreateSnapshot", created, "volumeId", volume, "snapshotId", created.snapshotId(),
          "startTime", String.valueOf(created.startTime())));
    }
    if (snapshotIds.isEmpty()) {
      return List.of();
    }
    for (int poll = 1; ; poll++) {
      DescribeSnapshotsResponse described =
          call(EC2, "DescribeSnapshots", () -> ec2.describeSnapshots(b -> b.snapshotIds(snapshotIds)));
      String states = described.snapshots().stream()
          .map(s -> s.snapshotId() + "=" + s.stateAsString()).collect(Collectors.joining(","));
      boolean done = described.snapshots().size() == snapshotIds.size()
          && described.snapshots().stream().allMatch(s -> s.state() == SnapshotState.COMPLETED);
      List<Snapshot> failed = described.snapshots().stream().filter(s -> s.state() == SnapshotState.ERROR).toList();
      if (done || !failed.isEmpty() || poll == polling.maxPolls()) {
        calls.add(record(EC2, "DescribeSnapshots", described, "states", states, "polls", Integer.toString(poll),
            "snapshotIds", String.join(",", snapshotIds)));
      }
      if (!failed.isEmpty()) {
        throw new ResponseStepException(EC2, "DescribeSnapshots", "SnapshotError", requestId(described),
            "snapshot failed: " + failed.stream().map(s -> s.snapshotId() + " " + text(s.stateMessage()))
                .collect(Collectors.joining("; ")), null);
      }
      if (done) {
        return List.copyOf(calls);
      }
      if (poll == polling.maxPolls()) {
        throw new ResponseStepException(EC2, "DescribeSnapshots", "Timeout", requestId(described),
            "snapshots not completed after " + poll + " polls: " + states, null);
      }
      polling.pause(EC2, "DescribeSnapshots");
    }
  }

  /**
   * Shares a snapshot with the forensic account (ModifySnapshotAttribute createVolumePermission add), so
   * that the account can copy it. Reversible (remove the permission).
   */
  public List<CallRecord> shareSnapshot(String snapshotId, String accountId) {
    var r = call(EC2, "ModifySnapshotAttribute", () -> clients.ec2().modifySnapshotAttribute(b -> b
        .snapshotId(snapshotId).attribute("createVolumePermission").operationType("add").userIds(accountId)));
    return List.of(record(EC2, "ModifySnapshotAttribute", r, "snapshotId", snapshotId, "sharedWith", accountId));
  }

  /**
   * Copies a snapshot into these clients' account and region, re-encrypted with {@code kmsKeyId}: KMS
   * DescribeKey first (the key must be {@code Enabled}, else {@code KeyNotUsable} before any copy), then
   * CopySnapshot Encrypted=true KmsKeyId DestinationRegion (the SDK adds the presigned source URL), tagged {@code kumo:case} and {@code kumo:source-snapshot}.
   * Outcome {@code snapshotId} is the copy's. Run with the forensic account's clients. Safe to repeat: a first
   * DescribeSnapshots finds an earlier copy of the same snapshot for the case (tags {@code kumo:case} and {@code
   * kumo:source-snapshot}), which is then returned ({@code reused=true}) instead of copied again.
   */
  public List<CallRecord> copySnapshot(String snapshotId, String sourceRegion, String kmsKeyId, String caseId) {
    DescribeSnapshotsResponse existing = call(EC2, "DescribeSnapshots", () -> clients.ec2().describeSnapshots(b -> b
        .ownerIds("self").filters(Filter.builder().name("tag:" + CASE_TAG).values(caseId).build(),
            Filter.builder().name("tag:kumo:source-snapshot").values(snapshotId).build())));
    Snapshot earlier = existing.snapshots().stream()
        .filter(x -> x.state() != SnapshotState.ERROR && snapshotId.equals(tag(x.tags(), "kumo:source-snapshot"))
            && caseId.equals(tag(x.tags(), CASE_TAG)))
        .findFirst().orElse(null);
    if (earlier != null) {
      return List.of(record(EC2, "DescribeSnapshots", existing, "sourceSnapshotId", snapshotId,
          "snapshotId", earlier.snapshotId(), "reused", "true"));
    }
    CallRecord lookup = record(EC2, "DescribeSnapshots", existing, "sourceSnapshotId", snapshotId, "reused", "false");
    DescribeKeyResponse key = call(KMS, "DescribeKey", () -> clients.kms().describeKey(b -> b.keyId(kmsKeyId)));
    String keyArn = key.keyMetadata() == null ? "" : text(key.keyMetadata().arn());
    CallRecord keyCall = record(KMS, "DescribeKey", key, "keyId", kmsKeyId, "keyArn", keyArn,
        "keyState", key.keyMetadata() == null ? "" : text(key.keyMetadata().keyStateAsString()));
    if (key.keyMetadata() == null || key.keyMetadata().keyState() != KeyState.ENABLED) {
      throw new ResponseStepException(KMS, "DescribeKey", "KeyNotUsable", requestId(key),
          "key " + kmsKeyId + " is not enabled: " + keyCall.outcome().get("keyState"), null);
    }
    CopySnapshotResponse copy = call(EC2, "CopySnapshot", () -> clients.ec2().copySnapshot(b -> b
        .sourceSnapshotId(snapshotId).sourceRegion(sourceRegion).encrypted(true).kmsKeyId(kmsKeyId)
        // named, so that the SDK's presigned source URL never has to guess the region from the endpoint
        .destinationRegion(clients.settings().region().id())
        .description("Kumo case " + caseId + ": forensic copy of " + snapshotId)
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SNAPSHOT)
            .tags(caseTag(caseId), Tag.builder().key("kumo:source-snapshot").value(snapshotId).build()).build())));
    return List.of(lookup, keyCall, record(EC2, "CopySnapshot", copy, "sourceSnapshotId", snapshotId,
        "sourceRegion", sourceRegion, "snapshotId", copy.snapshotId(), "kmsKeyId", kmsKeyId));
  }

  /**
   * Locks a snapshot in compliance mode for {@code days} (LockSnapshot): nobody, root included, can delete
   * it until the lock expires. Not reversible.
   */
  public List<CallRecord> lockSnapshot(String snapshotId, int days) {
    if (days < 1 || days > 36_500) {
      throw new IllegalArgumentException("lock duration must be 1 to 36500 days: " + days);
    }
    LockSnapshotResponse r = call(EC2, "LockSnapshot", () -> clients.ec2().lockSnapshot(b -> b
        .snapshotId(snapshotId).lockMode(LockMode.COMPLIANCE).lockDuration(days)));
    return List.of(record(EC2, "LockSnapshot", r, "snapshotId", snapshotId, "lockMode", "compliance",
        "lockDurationDays", Integer.toString(days), "lockState", text(r.lockStateAsString()),
        "lockExpiresOn", String.valueOf(r.lockExpiresOn())));
  }

  /**
   * Records a bucket's configuration, read-only: GetBucketPolicy, GetBucketAcl, GetPublicAccessBlock,
   * GetBucketVersioning, GetObjectLockConfiguration, GetBucketLogging, GetBucketEncryption, GetBucketTagging and
   * ListObjectVersions (first page of up to 1000; {@code truncated=true} says there are more). Each outcome holds
   * {@code json}, or {@code configured=false} when S3 answers that the setting does not exist (no policy, no tags,
   * ...), which is a finding, not a failure. GetBucketTagging's outcome also has {@code tags} ({@code k=v,...}).
   */
  public List<CallRecord> describeBucket(String bucket) {
    var s3 = clients.s3();
    List<CallRecord> calls = new ArrayList<>();
    calls.add(optional("GetBucketPolicy", () -> s3.getBucketPolicy(b -> b.bucket(bucket)), "NoSuchBucketPolicy"));
    calls.add(optional("GetBucketAcl", () -> s3.getBucketAcl(b -> b.bucket(bucket))));
    calls.add(optional("GetPublicAccessBlock", () -> s3.getPublicAccessBlock(b -> b.bucket(bucket)),
        "NoSuchPublicAccessBlockConfiguration"));
    calls.add(optional("GetBucketVersioning", () -> s3.getBucketVersioning(b -> b.bucket(bucket))));
    calls.add(optional("GetObjectLockConfiguration", () -> s3.getObjectLockConfiguration(b -> b.bucket(bucket)),
        "ObjectLockConfigurationNotFoundError"));
    calls.add(optional("GetBucketLogging", () -> s3.getBucketLogging(b -> b.bucket(bucket))));
    calls.add(optional("GetBucketEncryption", () -> s3.getBucketEncryption(b -> b.bucket(bucket)),
        "ServerSideEncryptionConfigurationNotFoundError"));
    try {
      var tags = s3.getBucketTagging(b -> b.bucket(bucket));
      calls.add(record(S3, "GetBucketTagging", tags, "tags", tags.tagSet().stream()
          .map(t -> t.key() + "=" + t.value()).collect(Collectors.joining(",")), "json", SdkJson.write(tags)));
    } catch (AwsServiceException e) {
      calls.add(notConfigured("GetBucketTagging", e, "NoSuchTagSet"));
    } catch (SdkException e) {
      throw failure(S3, "GetBucketTagging", e);
    }
    var versions = call(S3, "ListObjectVersions", () -> s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(1000)));
    calls.add(record(S3, "ListObjectVersions", versions, "truncated", String.valueOf(Boolean.TRUE.equals(versions.isTruncated())),
        "json", SdkJson.write(versions)));
    return List.copyOf(calls);
  }

  private static CallRecord optional(String operation, Supplier<? extends AwsResponse> call, String... absent) {
    try {
      AwsResponse r = call.get();
      return record(S3, operation, r, "configured", "true", "json", SdkJson.write(r));
    } catch (AwsServiceException e) {
      return notConfigured(operation, e, absent);
    } catch (SdkException e) {
      throw failure(S3, operation, e);
    }
  }

  private static CallRecord notConfigured(String operation, AwsServiceException e, String... absent) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    if (code == null || !List.of(absent).contains(code)) {
      throw failure(S3, operation, e);
    }
    return new CallRecord(S3, operation, e.requestId() == null ? "UNKNOWN" : e.requestId(),
        Map.of("configured", "false", "error", code));
  }

  /** Blocks every kind of public access to a bucket (S3 PutPublicAccessBlock, all four settings true). */
  public List<CallRecord> blockPublicAccess(String bucket) {
    var r = call(S3, "PutPublicAccessBlock", () -> clients.s3().putPublicAccessBlock(b -> b.bucket(bucket)
        .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)
            .blockPublicPolicy(true).restrictPublicBuckets(true))));
    return List.of(record(S3, "PutPublicAccessBlock", r, "bucket", bucket, "publicAccessBlock", "all"));
  }

  /** Turns versioning on, so that overwrites and deletes keep the previous versions (PutBucketVersioning). */
  public List<CallRecord> enableVersioning(String bucket) {
    var r = call(S3, "PutBucketVersioning", () -> clients.s3().putBucketVersioning(b -> b.bucket(bucket)
        .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED))));
    return List.of(record(S3, "PutBucketVersioning", r, "bucket", bucket, "status", "Enabled"));
  }

  /**
   * What DescribeImages says about one image. Throws {@code ImageNotFound} when the response holds no
   * such image and {@code InvalidCreationDate} when its creation date does not parse.
   */
  public ImageFacts describeImage(String imageId) {
    DescribeImagesResponse r = call(EC2, "DescribeImages", () -> clients.ec2().describeImages(b -> b.imageIds(imageId)));
    Image image = r.images().stream().filter(i -> imageId.equals(i.imageId())).findFirst()
        .orElseThrow(() -> new ResponseStepException(EC2, "DescribeImages", "ImageNotFound", requestId(r),
            "no image " + imageId + " in the response", null));
    Instant created = instant(image.creationDate(), r, "InvalidCreationDate");
    if (created == null) {
      throw new ResponseStepException(EC2, "DescribeImages", "InvalidCreationDate", requestId(r),
          "image " + imageId + " has no creation date", null);
    }
    Instant deprecated = instant(image.deprecationTime(), r, "InvalidDeprecationTime");
    CallRecord call = record(EC2, "DescribeImages", r, "imageId", imageId, "creationDate", created.toString(),
        "ownerId", text(image.ownerId()), "state", text(image.stateAsString()),
        "deprecationTime", deprecated == null ? "" : deprecated.toString(), "json", SdkJson.write(image));
    return new ImageFacts(imageId, created, text(image.ownerId()), text(image.stateAsString()),
        deprecated, text(image.name()), List.of(call));
  }

  private static @Nullable Instant instant(@Nullable String text, AwsResponse r, String code) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new ResponseStepException(EC2, "DescribeImages", code, requestId(r), "cannot read time: " + text, e);
    }
  }

  /**
   * Launches one replacement instance (RunInstances MinCount=MaxCount=1 with the idempotency token),
   * tagged {@code kumo:redeployed-for=<case>}. Check the image with {@link #describeImage} first. Outcome
   * {@code instanceId}, {@code imageId}.
   */
  public List<CallRecord> runInstancesFromImage(Redeploy spec) {
    RunInstancesRequest.Builder b = RunInstancesRequest.builder().minCount(1).maxCount(1)
        .clientToken(spec.clientToken())
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
            .tags(Tag.builder().key("kumo:redeployed-for").value(spec.caseId()).build()).build());
    if (spec.launchTemplateId() != null) {
      b.launchTemplate(t -> {
        t.launchTemplateId(spec.launchTemplateId());
        if (spec.launchTemplateVersion() != null) {
          t.version(spec.launchTemplateVersion());
        }
      });
    }
    if (spec.imageId() != null) {
      b.imageId(spec.imageId());
    }
    if (spec.instanceType() != null) {
      b.instanceType(spec.instanceType());
    }
    if (spec.subnetId() != null) {
      b.subnetId(spec.subnetId());
    }
    if (!spec.securityGroupIds().isEmpty()) {
      b.securityGroupIds(spec.securityGroupIds());
    }
    RunInstancesResponse r = call(EC2, "RunInstances", () -> clients.ec2().runInstances(b.build()));
    Instance launched = r.instances().isEmpty() ? null : r.instances().get(0);
    if (launched == null) {
      throw new ResponseStepException(EC2, "RunInstances", "NoInstance", requestId(r), "no instance in the response", null);
    }
    return List.of(record(EC2, "RunInstances", r, "instanceId", launched.instanceId(),
        "imageId", text(launched.imageId()), "clientToken", spec.clientToken()));
  }

  /**
   * The health of a (redeployed) instance: DescribeInstanceStatus including not-running instances.
   * Outcome {@code state}, {@code systemStatus}, {@code instanceStatus}; {@code healthy=true} when running
   * and both checks are {@code ok}.
   */
  public List<CallRecord> instanceHealth(String instanceId) {
    DescribeInstanceStatusResponse r = call(EC2, "DescribeInstanceStatus", () -> clients.ec2()
        .describeInstanceStatus(b -> b.instanceIds(instanceId).includeAllInstances(true)));
    InstanceStatus s = r.instanceStatuses().stream().filter(i -> instanceId.equals(i.instanceId())).findFirst().orElse(null);
    String state = s == null || s.instanceState() == null ? "" : text(s.instanceState().nameAsString());
    String system = s == null || s.systemStatus() == null ? "" : text(s.systemStatus().statusAsString());
    String inst = s == null || s.instanceStatus() == null ? "" : text(s.instanceStatus().statusAsString());
    boolean healthy = "running".equals(state) && "ok".equals(system) && "ok".equals(inst);
    return List.of(record(EC2, "DescribeInstanceStatus", r, "instanceId", instanceId, "state", state,
        "systemStatus", system, "instanceStatus", inst, "healthy", Boolean.toString(healthy)));
  }


  private static @Nullable String tag(List<Tag> tags, String key) {
    return tags.stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst().orElse(null);
  }

  private static TagSpecification tags(ResourceType type, String caseId) {
    return TagSpecification.builder().resourceType(type).tags(caseTag(caseId)).build();
  }

  private static Tag caseTag(String caseId) {
    return Tag.builder().key(CASE_TAG).value(caseId).build();
  }
}
