package dev.kumo.simulate.cloudtrail.api;

import static dev.kumo.simulate.cloudtrail.Json.EMPTY;
import static dev.kumo.simulate.cloudtrail.Json.array;
import static dev.kumo.simulate.cloudtrail.Json.items;
import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Body;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.Resource;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import java.util.SplittableRandom;

/**
 * Calls machines and AWS services make all day: KMS data keys, secrets and parameters read by
 * workloads, the SSM agent's heartbeats, EC2 Auto Scaling launching and terminating instances,
 * snapshots made and expired by backups, Lambda's log streams.
 */
public final class ServiceCalls {
  private ServiceCalls() {}

  private static String keyArn(Estate e, String keyId) {
    return "arn:aws:kms:" + e.region() + ":" + e.accountId() + ":key/" + keyId;
  }

  /** KMS Decrypt, with the encryption context of the service the data belongs to. */
  public static ApiEvent kmsDecrypt(long t, Estate e, Identity who, String keyId, Body context) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "kms", "Decrypt")
        .request(obj("encryptionAlgorithm", "SYMMETRIC_DEFAULT", "encryptionContext", context))
        .resources(new Resource(keyArn(e, keyId), e.accountId(), "AWS::KMS::Key"));
  }

  /** KMS GenerateDataKey for envelope encryption. */
  public static ApiEvent kmsGenerateDataKey(long t, Estate e, Identity who, String keyId, Body context) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "kms", "GenerateDataKey")
        .request(obj("keyId", keyArn(e, keyId), "encryptionContext", context, "keySpec", "AES_256"))
        .resources(new Resource(keyArn(e, keyId), e.accountId(), "AWS::KMS::Key"));
  }

  public static ApiEvent getSecretValue(long t, Estate e, Identity who, String secret) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "secretsmanager", "GetSecretValue")
        .request(obj("secretId", secret));
  }

  public static ApiEvent getParameter(long t, Estate e, Identity who, String name, boolean decrypt) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "ssm", "GetParameter")
        .request(obj("name", name, "withDecryption", decrypt));
  }

  public static ApiEvent getParametersByPath(long t, Estate e, Identity who, String path) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "ssm", "GetParametersByPath")
        .request(obj("path", path, "recursive", true, "withDecryption", true));
  }

  /** The SSM agent's heartbeat from an instance. */
  public static ApiEvent updateInstanceInformation(long t, Instance i, Identity who, SplittableRandom r) {
    return new ApiEvent(t, i.account(), i.region(), who, "ssm", "UpdateInstanceInformation")
        .request(obj("instanceId", i.id(), "agentVersion", "3.3.1611.0", "agentStatus", "Active", "platformType",
            "Linux", "platformName", i.purpose().equals("eks-node") ? "Amazon Linux" : "Ubuntu", "platformVersion",
            i.purpose().equals("eks-node") ? "2023" : "24.04", "iPAddress", i.privateIp(), "computerName",
            "ip-" + i.privateIp().replace('.', '-') + "." + (i.region().equals("us-east-1") ? "ec2.internal"
                : i.region() + ".compute.internal"), "agentName", "amazon-ssm-agent", "availabilityZone",
            i.region() + (char) ('a' + (i.privateIp().hashCode() & 1)), "availabilityZoneId",
            i.region().substring(0, 2) + i.region().charAt(i.region().lastIndexOf('-') - 1) + "1-az" + (1 + (i.privateIp().hashCode() & 1)),
            "sSMConnectionChannel", "ssmmessages"));
  }

  /** The SSM agent asks for its associations. */
  public static ApiEvent listInstanceAssociations(long t, Instance i, Identity who) {
    return new ApiEvent(t, i.account(), i.region(), who, "ssm", "ListInstanceAssociations")
        .request(obj("instanceId", i.id(), "maxResults", 50));
  }

  /** EC2 Auto Scaling launches an instance into a group. */
  public static ApiEvent autoScalingRunInstances(long t, Estate e, Identity who, String group, String instanceId,
      String privateIp, SplittableRandom r) {
    String lt = "lt-0" + Long.toHexString((group.hashCode() & 0xffffffffL) * 0x1000003L);
    return new ApiEvent(t, e.accountId(), e.region(), who, "ec2", "RunInstances")
        .from("autoscaling.amazonaws.com", "autoscaling.amazonaws.com")
        .request(obj("instancesSet", items(obj("minCount", 1, "maxCount", 1)), "blockDeviceMapping", EMPTY,
            "availabilityZone", e.region() + (char) ('a' + r.nextInt(3)), "monitoring", obj("enabled", false),
            "disableApiTermination", false, "disableApiStop", false, "clientToken", RandomIds.uuid(r),
            "tagSpecificationSet", items(obj("resourceType", "instance", "tags", array(
                obj("key", "aws:autoscaling:groupName", "value", group)))),
            "launchTemplate", obj("launchTemplateId", lt, "version", "$Latest")))
        .response(obj("requestId", RandomIds.uuid(r), "reservationId", "r-0" + RandomIds.hex(r, 16), "ownerId",
            e.accountId(), "requesterId", "940372691376", "groupSet", EMPTY, "instancesSet", items(obj(
                "instanceId", instanceId, "imageId", "ami-0" + RandomIds.hex(r, 16), "instanceState",
                obj("code", 0, "name", "pending"), "privateIpAddress", privateIp, "instanceType", "m6i.large",
                "launchTime", t, "subnetId", "subnet-0" + RandomIds.hex(r, 16), "vpcId", e.vpc().id(),
                "metadataOptions", obj("state", "pending", "httpTokens", "required", "httpPutResponseHopLimit", 2,
                    "httpEndpoint", "enabled")))));
  }

  /** EC2 Auto Scaling terminates an instance of a group (scale-in). */
  public static ApiEvent autoScalingTerminate(long t, Estate e, Identity who, String instanceId, SplittableRandom r) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "ec2", "TerminateInstances")
        .from("autoscaling.amazonaws.com", "autoscaling.amazonaws.com")
        .request(obj("instancesSet", items(obj("instanceId", instanceId))))
        .response(obj("requestId", RandomIds.uuid(r), "instancesSet", items(obj("instanceId", instanceId,
            "currentState", obj("code", 32, "name", "shutting-down"), "previousState", obj("code", 16, "name", "running")))));
  }

  /** A snapshot of a volume, by a backup job. */
  public static ApiEvent createSnapshot(long t, Estate e, Identity who, String volume, String snapshotId,
      String description, SplittableRandom r) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "ec2", "CreateSnapshot")
        .request(obj("volumeId", volume, "description", description))
        .response(obj("requestId", RandomIds.uuid(r), "snapshotId", snapshotId, "volumeId", volume, "status", "pending",
            "startTime", t, "progress", "", "ownerId", e.accountId(), "volumeSize", 20 + 10 * r.nextInt(10),
            "description", description, "encrypted", true));
  }

  /** A snapshot deleted at the end of its retention. */
  public static ApiEvent deleteSnapshot(long t, Estate e, Identity who, String snapshotId, SplittableRandom r) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "ec2", "DeleteSnapshot")
        .request(obj("snapshotId", snapshotId))
        .response(obj("requestId", RandomIds.uuid(r), "_return", true));
  }

  /** An RDS manual snapshot deleted by the retention function. */
  public static ApiEvent deleteDbSnapshot(long t, Estate e, Identity who, String db, String snapshot) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "rds", "DeleteDBSnapshot")
        .request(obj("dBSnapshotIdentifier", snapshot))
        .response(obj("dBSnapshotIdentifier", snapshot, "dBInstanceIdentifier", db, "engine", "postgres",
            "status", "deleted", "snapshotType", "manual", "encrypted", true, "dBSnapshotArn",
            "arn:aws:rds:" + e.region() + ":" + e.accountId() + ":snapshot:" + snapshot));
  }

  public static ApiEvent createDbSnapshot(long t, Estate e, Identity who, String db, String snapshot) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "rds", "CreateDBSnapshot")
        .request(obj("dBSnapshotIdentifier", snapshot, "dBInstanceIdentifier", db))
        .response(obj("dBSnapshotIdentifier", snapshot, "dBInstanceIdentifier", db, "engine", "postgres",
            "status", "creating", "snapshotType", "manual", "encrypted", true, "dBSnapshotArn",
            "arn:aws:rds:" + e.region() + ":" + e.accountId() + ":snapshot:" + snapshot));
  }

  /** A new log stream of a Lambda function's execution environment. */
  public static ApiEvent createLogStream(long t, Estate e, Identity who, String group, String stream) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "logs", "CreateLogStream")
        .request(obj("logGroupName", group, "logStreamName", stream));
  }

  /** An export of a log group to the archive bucket. */
  public static ApiEvent createExportTask(long t, Estate e, Identity who, String group, String bucket, long from,
      long to, SplittableRandom r) {
    return new ApiEvent(t, e.accountId(), e.region(), who, "logs", "CreateExportTask")
        .request(obj("taskName", "archive-" + group.replace('/', '-').substring(1), "logGroupName", group,
            "from", from, "to", to, "destination", bucket, "destinationPrefix", "exported/" + e.accountId() + group))
        .response(obj("taskId", RandomIds.uuid(r)));
  }
}
