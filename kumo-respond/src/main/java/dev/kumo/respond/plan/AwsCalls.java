package dev.kumo.respond.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The AWS API calls of every step kind, with their {@code aws} CLI lines. Parameter values use CLI shorthand. */
final class AwsCalls implements CallRenderer {
  /** The inline policy that revokes sessions issued before {@code ${now}} (the policy AWS's console attaches). */
  static final String REVOKE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
      + "\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"${now}\"}}}]}";

  @Override
  public Rendered render(PlaybookStep step, PlanTargets t, String threat) {
    String i = or(t.instance(), "${instances}");
    String region = t.region();
    String caseId = or(t.caseId(), "${case}");
    String tags = "Key=kumo:case,Value=" + caseId + " Key=kumo:quarantine,Value=" + caseId;
    String start = t.compromiseStart() == null ? "${compromise-start}" : t.compromiseStart().toString();
    Calls c = new Calls(region);
    String how;
    switch (step.kind()) {
      case DESCRIBE_INSTANCE_STATE -> {
        c.add("ec2", "DescribeInstances", "InstanceIds", i);
        c.add("ec2", "DescribeVolumes", "Filters", "Name=attachment.instance-id,Values=" + i);
        c.add("ec2", "DescribeNetworkInterfaces", "Filters", "Name=attachment.instance-id,Values=" + i);
        c.add("ec2", "DescribeSecurityGroups", "GroupIds", "${security-groups}");
        c.add("ec2", "DescribeIamInstanceProfileAssociations", "Filters", "Name=instance-id,Values=" + i);
        for (String a : List.of("userData", "disableApiTermination", "instanceInitiatedShutdownBehavior")) {
          c.add("ec2", "DescribeInstanceAttribute", "InstanceId", i, "Attribute", a);
        }
        c.add("ec2", "GetConsoleOutput", "InstanceId", i, "Latest", "true");
        how = "Reads the instance (with its tags, instance profile and metadata options), every attached volume, ENI "
            + "and security group, the profile association, user data, termination and shutdown settings and the "
            + "console output; each response is stored as an artifact with its SHA-256 before anything changes.";
      }
      case DESCRIBE_ACCESS_KEY -> {
        String key = or(t.accessKey(), "${access-key}");
        c.add("iam", "GetAccessKeyLastUsed", "AccessKeyId", key);
        c.add("iam", "ListAccessKeys", "UserName", "${user}");
        c.add("iam", "ListAttachedUserPolicies", "UserName", "${user}");
        c.add("iam", "ListUserPolicies", "UserName", "${user}");
        c.add("iam", "ListGroupsForUser", "UserName", "${user}");
        c.add("iam", "ListMFADevices", "UserName", "${user}");
        how = "GetAccessKeyLastUsed names the key's user (${user}) and its last use; the user's keys, policies, "
            + "groups and MFA devices are recorded before anything changes.";
      }
      case DESCRIBE_ROLE -> {
        String role = or(t.roleName(), "${role}");
        c.add("iam", "GetRole", "RoleName", role);
        c.add("iam", "ListAttachedRolePolicies", "RoleName", role);
        c.add("iam", "ListRolePolicies", "RoleName", role);
        c.add("iam", "ListInstanceProfilesForRole", "RoleName", role);
        how = "Records the role with its trust policy, attached and inline policies and instance profiles.";
      }
      case DESCRIBE_BUCKET -> {
        String b = or(t.bucket(), "${bucket}");
        for (String op : List.of("GetBucketPolicy", "GetBucketAcl", "GetPublicAccessBlock", "GetBucketVersioning",
            "GetObjectLockConfiguration", "GetBucketLogging", "GetBucketEncryption", "GetBucketTagging")) {
          c.add("s3api", op, "Bucket", b);
        }
        c.add("s3api", "ListObjectVersions", "Bucket", b);
        how = "Records the bucket's policy, ACL, public access block, versioning, object lock, logging, encryption, "
            + "tags and every object version and delete marker (the inventory a restore needs).";
      }
      case DESCRIBE_TRAILS -> {
        c.add("cloudtrail", "DescribeTrails", "IncludeShadowTrails", "true");
        c.add("cloudtrail", "GetTrailStatus", "Name", "${trails}");
        c.add("cloudtrail", "GetEventSelectors", "TrailName", "${trails}");
        how = "Records every trail, whether it is logging, its event selectors and its bucket.";
      }
      case FIND_INSTANCES_ALL_REGIONS -> {
        c.add("ec2", "DescribeRegions", "AllRegions", "false");
        c.addIn("${regions}", "ec2", "DescribeInstances", "Filters",
            "Name=instance-state-name,Values=pending,running");
        how = "Lists the enabled regions, then the running instances of each: miners are often started in regions "
            + "nobody uses. The instances launched since the compromise start are the suspects (${instances}).";
      }
      case TAG_RESOURCES -> {
        if (t.bucket() != null && t.instance() == null) {
          c.add("s3api", "PutBucketTagging", "Bucket", t.bucket(), "Tagging",
              "TagSet=[${bucket-tags},{Key=kumo:case,Value=" + caseId + "}]");
          how = "PutBucketTagging replaces the whole tag set, so the tags recorded by the previous step "
              + "(${bucket-tags}) are written back with kumo:case added.";
        } else if (t.instance() == null && t.roleName() != null) {
          c.add("iam", "TagRole", "RoleName", t.roleName(), "Tags", "Key=kumo:case,Value=" + caseId);
          how = "Tags the role with the case id.";
        } else if (t.instance() == null && (t.accessKey() != null)) {
          c.add("iam", "TagUser", "UserName", "${user}", "Tags", "Key=kumo:case,Value=" + caseId);
          how = "Tags the key's user with the case id.";
        } else {
          c.add("ec2", "CreateTags", "Resources", i + " ${volumes} ${enis}", "Tags", tags);
          how = "Tags the instance, its volumes and ENIs with kumo:case and kumo:quarantine so that nobody "
              + "cleans them up by mistake and every later artifact can be traced to the case.";
        }
      }
      case ENABLE_TERMINATION_PROTECTION -> {
        c.add("ec2", "ModifyInstanceAttribute", "InstanceId", i, "DisableApiTermination", "Value=true");
        how = "Termination protection: a TerminateInstances call (by a person, a script or the attacker without "
            + "ec2:ModifyInstanceAttribute) fails.";
      }
      case SET_STOP_ON_SHUTDOWN -> {
        c.add("ec2", "ModifyInstanceAttribute", "InstanceId", i, "InstanceInitiatedShutdownBehavior", "Value=stop");
        how = "A shutdown from inside the instance (e.g. the attacker covering tracks) stops it instead of "
            + "terminating it, so the volumes survive.";
      }
      case PRESERVE_VOLUMES_ON_TERMINATION -> {
        c.add("ec2", "ModifyInstanceAttribute", "InstanceId", i, "BlockDeviceMappings",
            "DeviceName=${devices},Ebs={DeleteOnTermination=false}");
        how = "DeleteOnTermination=false on every attached volume (${devices}): even a terminated instance "
            + "leaves its volumes.";
      }
      case REMOVE_FROM_SERVICE -> {
        c.add("autoscaling", "DescribeAutoScalingInstances", "InstanceIds", i);
        c.add("autoscaling", "EnterStandby", "InstanceIds", i, "AutoScalingGroupName", "${asg}",
            "ShouldDecrementDesiredCapacity", "false");
        c.add("elbv2", "DescribeTargetGroups");
        c.add("elbv2", "DescribeTargetHealth", "TargetGroupArn", "${target-groups}", "Targets", "Id=" + i);
        c.add("elbv2", "DeregisterTargets", "TargetGroupArn", "${target-groups}", "Targets", "Id=" + i);
        how = "Puts the instance in standby in its Auto Scaling group (${asg}, if any) without lowering the desired "
            + "capacity, so the group launches a healthy replacement and cannot 'heal' the evidence away by "
            + "terminating it; deregisters it from every target group it serves (${target-groups}).";
      }
      case ISOLATE_NETWORK -> {
        c.add("ec2", "CreateSecurityGroup", "GroupName", "kumo-isolation-" + caseId, "Description",
            "Kumo isolation: no rules", "VpcId", "${vpc}");
        c.add("ec2", "RevokeSecurityGroupEgress", "GroupId", "${isolation-group}", "IpPermissions",
            "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]");
        c.add("ec2", "ModifyNetworkInterfaceAttribute", "NetworkInterfaceId", "${enis}", "Groups",
            "${isolation-group}");
        c.add("ec2", "DescribeNetworkAcls", "Filters", "Name=association.subnet-id,Values=${subnets}");
        for (String egress : List.of("false", "true")) {
          c.add("ec2", "CreateNetworkAclEntry", "NetworkAclId", "${subnet-acls}", "RuleNumber", "${acl-rule}",
              "Protocol", "-1", "RuleAction", "deny", "Egress", egress, "CidrBlock", "${private-ips}");
        }
        how = "A new security group with no rules at all (its default allow-all egress rule revoked) replaces "
            + "every group on every ENI. A security group change does not cut connections it already tracks (an "
            + "attacker's open shell keeps working), so the plan also adds network ACL deny entries for the "
            + "instance's private addresses (${private-ips}, one /32 each, inbound and outbound) to the network ACL "
            + "of each of its subnets, numbered below every existing rule (${acl-rule}): network ACLs are "
            + "stateless and drop every packet, tracked or not, and a /32 leaves the rest of the subnet untouched. "
            + "The original groups are in the recorded state for the release. Kumo does not stop the instance "
            + "(that would end memory capture) nor detach its primary ENI (impossible).";
      }
      case DISASSOCIATE_INSTANCE_PROFILE -> {
        c.add("ec2", "DisassociateIamInstanceProfile", "AssociationId", "${profile-association}");
        how = "Removes the instance profile, so the instance can no longer get new credentials for its role "
            + "(${instance-role}); credentials it already has stay valid until revoked (next step).";
      }
      case REVOKE_ROLE_SESSIONS -> {
        String role = t.instance() != null || t.roleName() == null ? "${instance-role}" : t.roleName();
        c.add("iam", "PutRolePolicy", "RoleName", role, "PolicyName", "kumo-revoke-older-sessions-" + caseId,
            "PolicyDocument", REVOKE_POLICY);
        how = "An inline deny-all policy on " + role + " for every session issued before ${now} "
            + "(aws:TokenIssueTime): the stolen temporary credentials stop working, new legitimate sessions do not.";
      }
      case REVOKE_USER_SESSIONS -> {
        c.add("iam", "PutUserPolicy", "UserName", "${user}", "PolicyName", "kumo-revoke-older-sessions-" + caseId,
            "PolicyDocument", REVOKE_POLICY);
        how = "An inline deny-all policy on ${user} for temporary credentials issued before ${now} "
            + "(GetSessionToken and federation sessions made with the key survive its deactivation otherwise).";
      }
      case DEACTIVATE_ACCESS_KEY -> {
        String key = or(t.accessKey(), "${access-key}");
        c.add("iam", "UpdateAccessKey", "UserName", "${user}", "AccessKeyId", key, "Status", "Inactive");
        how = "Deactivates (does not delete) the key: it stops working at once, and stays available as evidence "
            + "and for a release.";
      }
      case RESTRICT_TRUST_POLICY -> {
        String role = or(t.roleName(), "${role}");
        c.add("iam", "UpdateAssumeRolePolicy", "RoleName", role, "PolicyDocument", "${restricted-trust-policy}");
        how = "Replaces the trust policy with the recorded one minus the principals seen assuming the role during "
            + "the compromise (${restricted-trust-policy}), so the attacker cannot take new sessions.";
      }
      case CAPTURE_MEMORY_SSM -> {
        c.add("ssm", "SendCommand", "InstanceIds", i, "DocumentName", "AWS-RunShellScript", "Parameters",
            "commands=[\"set -e\",\"avml /dev/shm/kumo.lime\",\"sha256sum /dev/shm/kumo.lime\","
            + "\"curl --fail --silent --show-error -T /dev/shm/kumo.lime '${presigned-put-url}'\"]");
        c.add("ssm", "GetCommandInvocation", "CommandId", "${command}", "InstanceId", i);
        how = "Optional. Runs AVML through SSM (no kernel module to match), hashes the image on the host and uploads "
            + "it to s3://${evidence-bucket}/" + caseId + "/" + i + ".lime with a presigned PUT URL (the instance's "
            + "role is already cut off); the hash the instance printed goes into the ledger. A failure stops every "
            + "later step that changes the instance; it never leads to a stop.";
      }
      case SNAPSHOT_VOLUMES -> {
        c.add("ec2", "CreateSnapshots", "InstanceSpecification", "InstanceId=" + i + ",ExcludeBootVolume=false",
            "Description", "Kumo case " + caseId + " evidence of " + i, "TagSpecifications",
            "ResourceType=snapshot,Tags=[{Key=kumo:case,Value=" + caseId + "}]", "CopyTagsFromSource", "volume");
        c.add("ec2", "DescribeSnapshots", "SnapshotIds", "${snapshots}");
        how = "One crash-consistent snapshot of every attached volume (${volumes}), tagged with the case, then "
            + "waited for until completed.";
      }
      case COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT -> {
        String fa = or(t.forensicAccount(), "${forensic-account}");
        c.add("ec2", "CopySnapshot", "SourceSnapshotId", "${snapshots}", "SourceRegion", or(region, "${region}"),
            "Encrypted", "true", "KmsKeyId", "${sharing-kms-key}");
        c.add("ec2", "ModifySnapshotAttribute", "SnapshotId", "${shared-snapshots}", "Attribute",
            "createVolumePermission", "OperationType", "add", "UserIds", fa);
        c.addAs(fa, "ec2", "CopySnapshot", "SourceSnapshotId", "${shared-snapshots}", "SourceRegion",
            or(region, "${region}"), "Encrypted", "true", "KmsKeyId", "${forensic-kms-key}", "TagSpecifications",
            "ResourceType=snapshot,Tags=[{Key=kumo:case,Value=" + caseId + "}]");
        how = "Snapshots under the default EBS key cannot be shared, so each is first copied re-encrypted with a "
            + "customer managed key the forensic account may use (${sharing-kms-key}), shared with account " + fa
            + ", then copied there (with a role assumed in " + fa + ") and re-encrypted with the forensic account's "
            + "own key (${forensic-kms-key}): the copies no longer depend on the compromised account.";
      }
      case LOCK_SNAPSHOTS -> {
        c.addAs(or(t.forensicAccount(), "${forensic-account}"), "ec2", "LockSnapshot", "SnapshotId",
            "${forensic-snapshots}", "LockMode", "compliance", "CoolOffPeriod", "24", "LockDuration", "365");
        how = "EBS snapshot lock in compliance mode for 365 days (after a 24-hour cool-off in which a mistake can "
            + "still be undone): then nobody, root included, can delete the copies.";
      }
      case COLLECT_LOGS -> {
        how = collectLogs(c, t, threat, i, start);
      }
      case CHECK_IMAGE_PROVENANCE -> {
        c.add("ec2", "DescribeImages", "ImageIds", or(t.image(), "${image}"));
        how = "The image must be available, not deprecated, created before the compromise started (" + start + ") "
            + "and owned by a trusted account (or by Amazon); otherwise the redeploy does not run.";
      }
      case REDEPLOY_FROM_IMAGE -> {
        c.add("ec2", "RunInstances", "ImageId", or(t.image(), "${image}"), "LaunchTemplate",
            "LaunchTemplateId=${launch-template},Version=${launch-template-version}", "MinCount", "1", "MaxCount",
            "1", "TagSpecifications", "ResourceType=instance,Tags=[{Key=kumo:replaces,Value=" + i + "}]");
        how = "Launches the replacement from the checked image with the original's launch template "
            + "(${launch-template}). Secrets the original could read must be rotated separately. The original stays "
            + "isolated: Kumo never terminates it.";
      }
      case VERIFY_HEALTH -> {
        c.add("ec2", "DescribeInstanceStatus", "InstanceIds", "${new-instance}");
        c.add("elbv2", "DescribeTargetHealth", "TargetGroupArn", "${target-groups}");
        how = "The replacement must pass both status checks and be healthy in every target group the original "
            + "served.";
      }
      case VERIFY_QUARANTINE -> {
        c.add("ec2", "DescribeInstances", "InstanceIds", i);
        c.add("ec2", "DescribeInstanceAttribute", "InstanceId", i, "Attribute", "disableApiTermination");
        how = "Confirms the original is still isolated, protected and tagged. Kumo never calls TerminateInstances: "
            + "stop or terminate it yourself once the analysis is done.";
      }
      case STOP_INSTANCES -> {
        c.addIn("${regions}", "ec2", "StopInstances", "InstanceIds", i);
        how = "Stops the miners (after their volumes were snapshotted); stopping, not terminating, keeps their "
            + "volumes. Memory is lost: capture it first for the instances that matter.";
      }
      case CHECK_BILLING -> {
        c.add("ce", "GetCostAndUsage", "TimePeriod", "Start=${compromise-day},End=${today}", "Granularity", "DAILY",
            "Metrics", "UnblendedCost", "GroupBy", "Type=DIMENSION,Key=REGION Type=DIMENSION,Key=SERVICE");
        how = "Daily cost per region and service since the compromise: shows what the miners cost and any region "
            + "still spending.";
      }
      case BLOCK_PUBLIC_ACCESS -> {
        c.add("s3api", "PutPublicAccessBlock", "Bucket", or(t.bucket(), "${bucket}"),
            "PublicAccessBlockConfiguration",
            "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true");
        how = "S3 Block Public Access on the bucket: public ACLs and policies stop granting access at once; the "
            + "recorded policy and ACL stay as they were (evidence) and the block can be removed.";
      }
      case PROTECT_BUCKET -> {
        c.add("s3api", "PutBucketPolicy", "Bucket", or(t.bucket(), "${bucket}"), "Policy",
            "${protective-bucket-policy}");
        how = "The recorded policy plus a statement denying s3:DeleteObject, s3:DeleteObjectVersion, "
            + "s3:PutLifecycleConfiguration, s3:PutBucketVersioning and s3:PutBucketPolicy to every principal but "
            + "the responder's role (${protective-bucket-policy}).";
      }
      case ENABLE_VERSIONING_AND_OBJECT_LOCK -> {
        String b = or(t.bucket(), "${bucket}");
        c.add("s3api", "PutBucketVersioning", "Bucket", b, "VersioningConfiguration", "Status=Enabled");
        c.add("s3api", "PutObjectLockConfiguration", "Bucket", b, "ObjectLockConfiguration",
            "ObjectLockEnabled=Enabled,Rule={DefaultRetention={Mode=GOVERNANCE,Days=30}}");
        how = "Versioning keeps every overwritten or deleted object as a version; Object Lock (governance mode, "
            + "30 days, so the responder can still release it) keeps new versions from being deleted.";
      }
      case RESTORE_OBJECT_VERSIONS -> {
        String b = or(t.bucket(), "${bucket}");
        c.add("s3api", "CopyObject", "Bucket", b, "Key", "${objects}", "CopySource",
            b + "/${objects}?versionId=${good-versions}");
        how = "For each object, copies its newest version written before the compromise (${good-versions}) on top: "
            + "the encrypted versions stay as evidence underneath.";
      }
      case RESTORE_LOGGING -> {
        c.add("cloudtrail", "StartLogging", "Name", "${trails}");
        c.add("s3api", "PutBucketVersioning", "Bucket", "${trail-bucket}", "VersioningConfiguration",
            "Status=Enabled");
        how = "Restarts every stopped trail and turns versioning on for the trail bucket, so deleted log files can "
            + "be recovered as versions.";
      }
      default -> throw new IllegalStateException("no AWS calls for " + step.kind().id());
    }
    return new Rendered(c.calls, how);
  }

  private static String collectLogs(Calls c, PlanTargets t, String threat, String i, String start) {
    if (threat.equals("log-tampering")) {
      for (String event : List.of("StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors",
          "PutBucketLifecycle", "DeleteBucketPolicy")) {
        c.add("cloudtrail", "LookupEvents", "LookupAttributes", "AttributeKey=EventName,AttributeValue=" + event,
            "StartTime", start);
      }
      return "The tampering events themselves (they are management events, kept 90 days in Event history even "
          + "when every trail is stopped), copied to the evidence store with their SHA-256; log files deleted "
          + "from the trail bucket (${trail-bucket}) are recovered from their versions where versioning was on.";
    }
    if (threat.equals("cryptomining")) {
      c.addIn("${regions}", "cloudtrail", "LookupEvents", "LookupAttributes",
          "AttributeKey=EventName,AttributeValue=RunInstances", "StartTime", start);
      c.add("guardduty", "ListFindings", "DetectorId", "${detector}", "FindingCriteria",
          "Criterion={type={Eq=[CryptoCurrency:EC2/BitcoinTool.B,CryptoCurrency:EC2/BitcoinTool.B!DNS]}}");
      return "Every RunInstances event of every region since the compromise start (who launched the miners, with "
          + "which credentials) and GuardDuty's cryptocurrency findings, copied to the evidence store with their "
          + "SHA-256.";
    }
    if (t.accessKey() != null && t.instance() == null) {
      c.add("cloudtrail", "LookupEvents", "LookupAttributes", "AttributeKey=AccessKeyId,AttributeValue="
          + t.accessKey(), "StartTime", start);
    } else if (t.roleName() != null && t.instance() == null) {
      c.add("cloudtrail", "LookupEvents", "LookupAttributes", "AttributeKey=ResourceName,AttributeValue="
          + t.role(), "StartTime", start);
      c.add("cloudtrail", "LookupEvents", "LookupAttributes", "AttributeKey=Username,AttributeValue="
          + t.roleName(), "StartTime", start);
    } else if (t.bucket() != null && t.instance() == null) {
      c.add("cloudtrail", "LookupEvents", "LookupAttributes", "AttributeKey=ResourceName,AttributeValue="
          + t.bucket(), "StartTime", start);
    } else {
      c.add("cloudtrail", "LookupEvents", "LookupAttributes", "AttributeKey=ResourceName,AttributeValue=" + i,
          "StartTime", start);
      c.add("cloudtrail", "LookupEvents", "LookupAttributes", "AttributeKey=Username,AttributeValue=" + i,
          "StartTime", start);
      c.add("ec2", "DescribeFlowLogs", "Filter", "Name=resource-id,Values=${enis},${vpc}");
    }
    c.add("guardduty", "ListFindings", "DetectorId", "${detector}", "FindingCriteria",
        "Criterion={service.resourceRole={Eq=[TARGET,ACTOR]}}");
    return "Management events of the principal and the resource since the compromise start"
        + (t.instance() != null || t.bucket() == null && t.accessKey() == null && t.roleName() == null
        ? ", the flow logs of the ENIs and VPC" : "") + " and the GuardDuty findings, copied to the evidence store "
        + "with their SHA-256. CloudTrail data events and older logs are read from the trail bucket "
        + "(${trail-bucket}).";
  }

  private static String or(@Nullable String value, String placeholder) {
    return value == null ? placeholder : value;
  }

  /** Builds calls and their CLI lines. */
  private static final class Calls {
    /** Boolean parameters that the CLI writes as {@code --flag} / {@code --no-flag}. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("Latest", "IncludeShadowTrails", "Encrypted",
        "Egress", "AllRegions", "ShouldDecrementDesiredCapacity");
    final List<ApiCall> calls = new ArrayList<>();
    private final @Nullable String region;

    Calls(@Nullable String region) {
      this.region = region;
    }

    void add(String service, String operation, String... kv) {
      calls.add(call(null, null, service, operation, kv));
    }

    /** A call made in every region of {@code regions}. */
    void addIn(String regions, String service, String operation, String... kv) {
      calls.add(call(regions, null, service, operation, kv));
    }

    /** A call made with a role assumed in {@code account}. */
    void addAs(String account, String service, String operation, String... kv) {
      calls.add(call(null, account, service, operation, kv));
    }

    private ApiCall call(@Nullable String inRegions, @Nullable String account, String service, String operation,
        String... kv) {
      Map<String, String> params = new LinkedHashMap<>();
      StringBuilder cli = new StringBuilder("aws ").append(service).append(' ').append(Shell.kebab(operation));
      for (int k = 0; k < kv.length; k += 2) {
        params.put(kv[k], kv[k + 1]);
        cli.append(" --").append(Shell.kebab(kv[k]));
        if (isFlag(kv[k])) {
          if (kv[k + 1].equals("false")) {
            cli.setLength(cli.length() - Shell.kebab(kv[k]).length());
            cli.append("no-").append(Shell.kebab(kv[k]));
          }
        } else {
          for (String word : kv[k].equals("Resources") || kv[k].equals("Tags") || kv[k].equals("GroupBy")
              ? kv[k + 1].split(" ") : new String[] {kv[k + 1]}) {
            cli.append(' ').append(Shell.quote(word));
          }
        }
      }
      if (!service.equals("iam") && !service.equals("ce")) {
        String r = inRegions != null ? inRegions : region;
        cli.append(" --region ").append(r == null ? "${region}" : Shell.quote(r));
      }
      if (account != null) {
        params.put("@account", account);
        cli.append(" --profile ").append(Shell.quote("forensic-" + account));
      }
      if (inRegions != null) {
        params.put("@regions", inRegions);
      }
      return new ApiCall(service, operation, params, cli.toString());
    }

    private static boolean isFlag(String key) {
      return FLAGS.contains(key);
    }
  }
}
