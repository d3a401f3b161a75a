package dev.kumo.simulate.cloudtrail.api;

import static dev.kumo.simulate.cloudtrail.Json.EMPTY;
import static dev.kumo.simulate.cloudtrail.Json.array;
import static dev.kumo.simulate.cloudtrail.Json.items;
import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.Resource;
import dev.kumo.simulate.cloudtrail.Timestamps;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.org.Estate;
import java.util.SplittableRandom;

/**
 * Calls that change things, shaped as the services log them: deployments (ECS, Lambda,
 * CloudFormation, ECR), everyday changes (tags, parameters, alarms, instances started and
 * stopped), and the administrator's changes (IAM users and keys, security group rules, buckets).
 */
public final class WriteCalls {
  private static final String S3_XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

  private WriteCalls() {}

  private static ApiEvent call(long t, Estate e, Identity who, String service, String name) {
    return new ApiEvent(t, e.accountId(), e.region(), who, service, name);
  }

  private static <T> T pick(java.util.List<T> l, SplittableRandom r) {
    return l.get(r.nextInt(l.size()));
  }

  public static ApiEvent ecsUpdateService(long t, Estate e, Identity who, String service, int revision) {
    String clusterArn = "arn:aws:ecs:" + e.region() + ":" + e.accountId() + ":cluster/" + e.ecsCluster();
    String td = "arn:aws:ecs:" + e.region() + ":" + e.accountId() + ":task-definition/" + service + ":" + revision;
    return call(t, e, who, "ecs", "UpdateService")
        .request(obj("cluster", e.ecsCluster(), "service", service, "taskDefinition", td, "forceNewDeployment", false))
        .response(obj("service", obj("serviceArn", "arn:aws:ecs:" + e.region() + ":" + e.accountId() + ":service/"
            + e.ecsCluster() + "/" + service, "serviceName", service, "clusterArn", clusterArn, "status", "ACTIVE",
            "desiredCount", 3, "runningCount", 3, "pendingCount", 0, "launchType", "FARGATE", "taskDefinition", td)));
  }

  public static ApiEvent ecsRegisterTaskDefinition(long t, Estate e, Identity who, String family, int revision,
      String image) {
    return call(t, e, who, "ecs", "RegisterTaskDefinition")
        .request(obj("family", family, "taskRoleArn", "arn:aws:iam::" + e.accountId() + ":role/orders-api-task",
            "executionRoleArn", "arn:aws:iam::" + e.accountId() + ":role/ecsTaskExecutionRole", "networkMode", "awsvpc",
            "containerDefinitions", array(obj("name", family, "image", image, "cpu", 512, "memory", 1024,
                "essential", true, "portMappings", array(obj("containerPort", 8080, "protocol", "tcp")))),
            "requiresCompatibilities", array("FARGATE"), "cpu", "512", "memory", "1024"))
        .response(obj("taskDefinition", obj("taskDefinitionArn", "arn:aws:ecs:" + e.region() + ":" + e.accountId()
            + ":task-definition/" + family + ":" + revision, "family", family, "revision", revision,
            "status", "ACTIVE")));
  }

  public static ApiEvent lambdaUpdateCode(long t, Estate e, Identity who, String function, String bucket, String key,
      SplittableRandom r) {
    return call(t, e, who, "lambda", "UpdateFunctionCode20150331v2")
        .request(obj("functionName", function, "s3Bucket", bucket, "s3Key", key, "publish", true, "dryRun", false))
        .response(function(e, function, r, "InProgress"));
  }

  public static ApiEvent lambdaUpdateConfiguration(long t, Estate e, Identity who, String function, SplittableRandom r) {
    return call(t, e, who, "lambda", "UpdateFunctionConfiguration20150331v2")
        .request(obj("functionName", function, "timeout", 30, "memorySize", 256 << r.nextInt(3)))
        .response(function(e, function, r, "InProgress"));
  }

  private static dev.kumo.simulate.cloudtrail.Body function(Estate e, String function, SplittableRandom r, String status) {
    return obj("functionName", function, "functionArn", "arn:aws:lambda:" + e.region() + ":" + e.accountId()
        + ":function:" + function, "runtime", "python3.12", "role", "arn:aws:iam::" + e.accountId() + ":role/"
        + function + "-role", "handler", "app.handler", "codeSize", 20_000 + r.nextInt(4_000_000), "description", "",
        "timeout", 30, "memorySize", 256, "lastModified", "", "codeSha256", RandomIds.alnum(r, 43) + "=",
        "version", "$LATEST", "tracingConfig", obj("mode", "PassThrough"), "revisionId", RandomIds.uuid(r),
        "state", "Active", "lastUpdateStatus", status, "packageType", "Zip", "architectures", array("arm64"));
  }

  public static ApiEvent ssmPutParameter(long t, Estate e, Identity who, String name, int version) {
    return call(t, e, who, "ssm", "PutParameter")
        .request(obj("name", name, "type", "String", "overwrite", true, "tier", "Standard"))
        .response(obj("version", version, "tier", "Standard"));
  }

  public static ApiEvent createTags(long t, Estate e, Identity who, String resourceId, String key, String value,
      SplittableRandom r) {
    return call(t, e, who, "ec2", "CreateTags")
        .request(obj("resourcesSet", items(obj("resourceId", resourceId)), "tagSet", items(obj("key", key, "value", value))))
        .response(obj("requestId", RandomIds.uuid(r), "_return", true));
  }

  /** Stops ({@code stop}) or starts an instance. */
  public static ApiEvent stopOrStart(long t, Estate e, Identity who, String instanceId, boolean stop, SplittableRandom r) {
    Object current = stop ? obj("code", 64, "name", "stopping") : obj("code", 0, "name", "pending");
    Object previous = stop ? obj("code", 16, "name", "running") : obj("code", 80, "name", "stopped");
    ApiEvent ev = call(t, e, who, "ec2", stop ? "StopInstances" : "StartInstances");
    return ev.request(stop ? obj("instancesSet", items(obj("instanceId", instanceId)), "force", false)
            : obj("instancesSet", items(obj("instanceId", instanceId))))
        .response(obj("requestId", RandomIds.uuid(r), "instancesSet",
            items(obj("instanceId", instanceId, "currentState", current, "previousState", previous))));
  }

  public static ApiEvent putRetentionPolicy(long t, Estate e, Identity who, String group, int days) {
    return call(t, e, who, "logs", "PutRetentionPolicy").request(obj("logGroupName", group, "retentionInDays", days));
  }

  public static ApiEvent putMetricAlarm(long t, Estate e, Identity who, String name) {
    return call(t, e, who, "monitoring", "PutMetricAlarm").request(obj("alarmName", name, "metricName",
        "CPUUtilization", "namespace", "AWS/EC2", "statistic", "Average", "period", 300, "evaluationPeriods", 3,
        "threshold", 80.0, "comparisonOperator", "GreaterThanThreshold", "alarmActions",
        array("arn:aws:sns:" + e.region() + ":" + e.accountId() + ":ops-alerts")));
  }

  public static ApiEvent startQuery(long t, Estate e, Identity who, String query, SplittableRandom r) {
    return call(t, e, who, "athena", "StartQueryExecution")
        .request(obj("queryString", query, "clientRequestToken", RandomIds.uuid(r),
            "queryExecutionContext", obj("database", "analytics"), "workGroup", "primary"))
        .response(obj("queryExecutionId", RandomIds.uuid(r)));
  }

  public static ApiEvent putBucketTagging(long t, Estate e, Identity who, String bucket, String team, SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    ApiEvent ev = call(t, e, who, "s3", "PutBucketTagging").request(obj("bucketName", bucket, "Host", host, "tagging", "",
        "Tagging", obj("xmlns", S3_XMLNS, "TagSet", obj("Tag", array(obj("Key", "team", "Value", team),
            obj("Key", "cost-center", "Value", "cc-" + (1000 + r.nextInt(40))))))));
    return S3Shapes.decorate(ev, host, bucket, 0, 0, r);
  }

  // ---- administrators ----

  public static ApiEvent iamCreateUser(long t, Estate e, Identity who, String userName, String userId, String owner) {
    return new ApiEvent(t, e.accountId(), "us-east-1", who, "iam", "CreateUser")
        .request(obj("userName", userName, "tags", array(obj("key", "owner", "value", owner))))
        .response(obj("user", obj("path", "/", "userName", userName, "userId", userId, "arn",
            "arn:aws:iam::" + e.accountId() + ":user/" + userName, "createDate", Timestamps.expiration(t),
            "tags", array(obj("key", "owner", "value", owner)))));
  }

  public static ApiEvent iamAddUserToGroup(long t, Estate e, Identity who, String userName, String group) {
    return new ApiEvent(t, e.accountId(), "us-east-1", who, "iam", "AddUserToGroup")
        .request(obj("groupName", group, "userName", userName));
  }

  public static ApiEvent iamCreateAccessKey(long t, Estate e, Identity who, String userName, String keyId) {
    return new ApiEvent(t, e.accountId(), "us-east-1", who, "iam", "CreateAccessKey")
        .request(obj("userName", userName))
        .response(obj("accessKey", obj("userName", userName, "accessKeyId", keyId, "status", "Active",
            "createDate", Timestamps.expiration(t))));
  }

  public static ApiEvent iamUpdateAccessKey(long t, Estate e, Identity who, String userName, String keyId) {
    return new ApiEvent(t, e.accountId(), "us-east-1", who, "iam", "UpdateAccessKey")
        .request(obj("userName", userName, "accessKeyId", keyId, "status", "Inactive"));
  }

  public static ApiEvent iamDeleteAccessKey(long t, Estate e, Identity who, String userName, String keyId) {
    return new ApiEvent(t, e.accountId(), "us-east-1", who, "iam", "DeleteAccessKey")
        .request(obj("userName", userName, "accessKeyId", keyId));
  }

  public static ApiEvent iamListAccessKeys(long t, Estate e, Identity who, String userName) {
    return new ApiEvent(t, e.accountId(), "us-east-1", who, "iam", "ListAccessKeys").request(obj("userName", userName));
  }

  public static ApiEvent iamPutRolePolicy(long t, Estate e, Identity who, String role, String policyName) {
    return new ApiEvent(t, e.accountId(), "us-east-1", who, "iam", "PutRolePolicy")
        .request(obj("roleName", role, "policyName", policyName, "policyDocument",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\","
                + "\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\"],\"Resource\":\"arn:aws:sqs:" + e.region() + ":"
                + e.accountId() + ":" + (e.queues().isEmpty() ? "events" : e.queues().get(0)) + "\"}]}"));
  }

  /** Allows {@code cidr} in on a TCP port of a security group. */
  public static ApiEvent authorizeIngress(long t, Estate e, Identity who, String groupId, int port, String cidr,
      String description, SplittableRandom r) {
    String requestId = RandomIds.uuid(r);
    return call(t, e, who, "ec2", "AuthorizeSecurityGroupIngress")
        .request(obj("groupId", groupId, "ipPermissions", items(obj("ipProtocol", "tcp", "fromPort", port, "toPort", port,
            "groups", EMPTY, "ipRanges", items(obj("cidrIp", cidr, "description", description)),
            "ipv6Ranges", EMPTY, "prefixListIds", EMPTY))))
        .response(obj("requestId", requestId, "_return", true, "securityGroupRuleSet", items(obj(
            "groupOwnerId", e.accountId(), "groupId", groupId, "securityGroupRuleId", "sgr-0" + RandomIds.hex(r, 16),
            "isEgress", false, "ipProtocol", "tcp", "fromPort", port, "toPort", port, "cidrIpv4", cidr,
            "description", description))));
  }

  public static ApiEvent createSecurityGroup(long t, Estate e, Identity who, String name, String groupId) {
    return call(t, e, who, "ec2", "CreateSecurityGroup")
        .request(obj("groupName", name, "groupDescription", "Managed by CloudFormation", "vpcId", e.vpc().id()))
        .response(obj("requestId", groupId.substring(3) + "-req", "_return", true, "groupId", groupId));
  }

  public static ApiEvent createBucket(long t, Estate e, Identity who, String bucket, SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    ApiEvent ev = call(t, e, who, "s3", "CreateBucket").request(e.region().equals("us-east-1")
        ? obj("bucketName", bucket, "Host", host)
        : obj("CreateBucketConfiguration", obj("LocationConstraint", e.region(), "xmlns", S3_XMLNS),
            "bucketName", bucket, "Host", host));
    return S3Shapes.decorate(ev, host, bucket, 0, 0, r);
  }

  public static ApiEvent deleteBucket(long t, Estate e, Identity who, String bucket, SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    return S3Shapes.decorate(call(t, e, who, "s3", "DeleteBucket").request(obj("bucketName", bucket, "Host", host)),
        host, bucket, 0, 0, r);
  }

  public static ApiEvent putPublicAccessBlock(long t, Estate e, Identity who, String bucket, SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    ApiEvent ev = call(t, e, who, "s3", "PutBucketPublicAccessBlock").request(obj("publicAccessBlock", "",
        "bucketName", bucket, "Host", host, "PublicAccessBlockConfiguration", obj("xmlns", S3_XMLNS,
            "RestrictPublicBuckets", true, "BlockPublicPolicy", true, "BlockPublicAcls", true, "IgnorePublicAcls", true)));
    return S3Shapes.decorate(ev, host, bucket, 0, 0, r);
  }

  public static ApiEvent putBucketEncryption(long t, Estate e, Identity who, String bucket, String keyArn,
      SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    ApiEvent ev = call(t, e, who, "s3", "PutBucketEncryption").request(obj("bucketName", bucket, "Host", host,
        "encryption", "", "ServerSideEncryptionConfiguration", obj("xmlns", S3_XMLNS, "Rule", obj(
            "ApplyServerSideEncryptionByDefault", obj("SSEAlgorithm", "aws:kms", "KMSMasterKeyID", keyArn),
            "BucketKeyEnabled", true))));
    return S3Shapes.decorate(ev, host, bucket, 0, 0, r);
  }

  public static ApiEvent putBucketVersioning(long t, Estate e, Identity who, String bucket, SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    ApiEvent ev = call(t, e, who, "s3", "PutBucketVersioning").request(obj("bucketName", bucket, "Host", host,
        "versioning", "", "VersioningConfiguration", obj("xmlns", S3_XMLNS, "Status", "Enabled")));
    return S3Shapes.decorate(ev, host, bucket, 0, 0, r);
  }

  public static ApiEvent putBucketLifecycle(long t, Estate e, Identity who, String bucket, int days, SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    ApiEvent ev = call(t, e, who, "s3", "PutBucketLifecycle").request(obj("bucketName", bucket, "Host", host,
        "lifecycle", "", "LifecycleConfiguration", obj("xmlns", S3_XMLNS, "Rule", obj("ID", "expire-after-" + days
            + "-days", "Status", "Enabled", "Filter", obj("Prefix", ""), "Expiration", obj("Days", days),
            "NoncurrentVersionExpiration", obj("NoncurrentDays", 30)))));
    return S3Shapes.decorate(ev, host, bucket, 0, 0, r);
  }

  /** An S3 object call (data event): GetObject or PutObject of {@code key}. */
  public static ApiEvent objectCall(long t, Estate e, Identity who, String name, String bucket, String key, long bytes,
      SplittableRandom r) {
    String host = S3Shapes.host(bucket, e.region());
    boolean put = name.equals("PutObject");
    ApiEvent ev = call(t, e, who, "s3", name).data()
        .request(obj("bucketName", bucket, "Host", host, "key", key))
        .response(put ? obj("x-amz-server-side-encryption", "aws:kms", "x-amz-server-side-encryption-bucket-key-enabled",
            "true", "x-amz-version-id", RandomIds.alnum(r, 32)) : null);
    S3Shapes.decorate(ev, host, bucket, put ? bytes : 0, put ? 0 : bytes, r);
    return ev.resources(new Resource("arn:aws:s3:::" + bucket + "/" + key, e.accountId(), "AWS::S3::Object"),
        new Resource("arn:aws:s3:::" + bucket, e.accountId(), "AWS::S3::Bucket"));
  }

  /** A CloudFormation change set created, described and executed by a pipeline. */
  public static ApiEvent createChangeSet(long t, Estate e, Identity who, String stack, String changeSet,
      String templateBucket, SplittableRandom r) {
    String stackId = stackId(e, stack);
    return call(t, e, who, "cloudformation", "CreateChangeSet")
        .request(obj("stackName", stack, "templateURL", "https://" + templateBucket + ".s3.amazonaws.com/" + stack
            + "/" + changeSet + ".template.json", "capabilities", array("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"),
            "roleARN", "arn:aws:iam::" + e.accountId() + ":role/cloudformation-exec", "changeSetName", changeSet,
            "changeSetType", "UPDATE", "includeNestedStacks", false))
        .response(obj("id", "arn:aws:cloudformation:" + e.region() + ":" + e.accountId() + ":changeSet/" + changeSet
            + "/" + RandomIds.uuid(r), "stackId", stackId));
  }

  public static ApiEvent describeChangeSet(long t, Estate e, Identity who, String stack, String changeSet) {
    return call(t, e, who, "cloudformation", "DescribeChangeSet").request(obj("changeSetName", changeSet,
        "stackName", stack));
  }

  public static ApiEvent executeChangeSet(long t, Estate e, Identity who, String stack, String changeSet) {
    return call(t, e, who, "cloudformation", "ExecuteChangeSet").request(obj("changeSetName", changeSet,
        "stackName", stack));
  }

  public static ApiEvent createStack(long t, Estate e, Identity who, String stack, String templateBucket) {
    return call(t, e, who, "cloudformation", "CreateStack")
        .request(obj("stackName", stack, "templateURL", "https://" + templateBucket + ".s3.amazonaws.com/" + stack
            + "/template.json", "capabilities", array("CAPABILITY_IAM"), "roleARN", "arn:aws:iam::" + e.accountId()
            + ":role/cloudformation-exec", "tags", array(obj("key", "preview", "value", "true"))))
        .response(obj("stackId", stackId(e, stack)));
  }

  public static ApiEvent deleteStack(long t, Estate e, Identity who, String stack) {
    return call(t, e, who, "cloudformation", "DeleteStack").request(obj("stackName", stack, "roleARN",
        "arn:aws:iam::" + e.accountId() + ":role/cloudformation-exec"));
  }

  public static ApiEvent describeStacks(long t, Estate e, Identity who, String stack) {
    return call(t, e, who, "cloudformation", "DescribeStacks").request(obj("stackName", stack));
  }

  public static ApiEvent createQueue(long t, Estate e, Identity who, String queue) {
    return call(t, e, who, "sqs", "CreateQueue")
        .request(obj("queueName", queue, "attribute", obj("KmsMasterKeyId", "alias/aws/sqs", "VisibilityTimeout", "60")))
        .response(obj("queueUrl", "https://sqs." + e.region() + ".amazonaws.com/" + e.accountId() + "/" + queue));
  }

  public static ApiEvent deleteQueue(long t, Estate e, Identity who, String queue) {
    return call(t, e, who, "sqs", "DeleteQueue").request(obj("queueUrl",
        "https://sqs." + e.region() + ".amazonaws.com/" + e.accountId() + "/" + queue));
  }

  private static String stackId(Estate e, String stack) {
    return "arn:aws:cloudformation:" + e.region() + ":" + e.accountId() + ":stack/" + stack + "/"
        + java.util.UUID.nameUUIDFromBytes((e.accountId() + stack).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  // ---- container images ----

  public static ApiEvent ecrGetAuthorizationToken(long t, Estate e, Identity who) {
    return call(t, e, who, "ecr", "GetAuthorizationToken").request(null);
  }

  public static ApiEvent ecrPutImage(long t, Estate e, Identity who, String repository, String tag, SplittableRandom r) {
    String digest = "sha256:" + RandomIds.hex(r, 64);
    return call(t, e, who, "ecr", "PutImage")
        .request(obj("repositoryName", repository, "imageTag", tag, "registryId", e.accountId(),
            "imageManifestMediaType", "application/vnd.oci.image.manifest.v1+json"))
        .response(obj("image", obj("registryId", e.accountId(), "repositoryName", repository, "imageId",
            obj("imageDigest", digest, "imageTag", tag), "imageManifestMediaType",
            "application/vnd.oci.image.manifest.v1+json")))
        .resources(new Resource("arn:aws:ecr:" + e.region() + ":" + e.accountId() + ":repository/" + repository,
            e.accountId(), "AWS::ECR::Repository"));
  }

  public static ApiEvent ecrBatchCheckLayers(long t, Estate e, Identity who, String repository, SplittableRandom r) {
    return call(t, e, who, "ecr", "BatchCheckLayerAvailability")
        .request(obj("repositoryName", repository, "registryId", e.accountId(),
            "layerDigests", array("sha256:" + RandomIds.hex(r, 64), "sha256:" + RandomIds.hex(r, 64))))
        .resources(new Resource("arn:aws:ecr:" + e.region() + ":" + e.accountId() + ":repository/" + repository,
            e.accountId(), "AWS::ECR::Repository"));
  }

  /** Picks a random element (for callers composing calls). */
  public static <T> T any(java.util.List<T> list, SplittableRandom r) {
    return pick(list, r);
  }
}
