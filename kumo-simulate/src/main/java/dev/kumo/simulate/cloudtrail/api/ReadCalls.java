package dev.kumo.simulate.cloudtrail.api;

import static dev.kumo.simulate.cloudtrail.Json.EMPTY;
import static dev.kumo.simulate.cloudtrail.Json.array;
import static dev.kumo.simulate.cloudtrail.Json.items;
import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.org.Estate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of read-only calls, with requests shaped as the services log them, and the mixes
 * that each kind of reader makes: people browsing the console or CLI, a monitoring integration, AWS
 * Config, Trusted Advisor, a security scanner and Terraform refreshing state.
 */
public final class ReadCalls {
  private static final Map<String, ReadCall> ALL = new LinkedHashMap<>();

  private ReadCalls() {}

  private static <T> T pick(List<T> list, SplittableRandom r) {
    return list.get(r.nextInt(list.size()));
  }

  private static String instance(Estate e, SplittableRandom r) {
    return pick(e.instances(), r).id();
  }

  private static String lbArn(Estate e, SplittableRandom r) {
    return "arn:aws:elasticloadbalancing:" + e.region() + ":" + e.accountId() + ":loadbalancer/app/"
        + pick(e.ecsServices().isEmpty() ? List.of("internal") : e.ecsServices(), r) + "-alb/" + Long.toHexString(
        (e.vpc().id().hashCode() & 0xffffffffL) << 24 | 0xabcdefL);
  }

  private static String tgArn(Estate e, SplittableRandom r) {
    return "arn:aws:elasticloadbalancing:" + e.region() + ":" + e.accountId() + ":targetgroup/"
        + pick(e.ecsServices().isEmpty() ? List.of("internal") : e.ecsServices(), r) + "-tg/"
        + Long.toHexString((e.vpc().id().hashCode() & 0xffffffffL) << 20 | 0x5a5a5L);
  }

  private static void add(String service, String name, String cli, Need need, ReadCall.Request request) {
    ALL.put(service + ":" + name, new ReadCall(service, name, cli, need, false, request, null, null, 0, null));
  }

  private static void global(String service, String name, String cli, Need need, ReadCall.Request request) {
    ALL.put(service + ":" + name, new ReadCall(service, name, cli, need, true, request, null, null, 0, null));
  }

  private static void notFound(String service, String name, String cli, Need need, ReadCall.Request request,
      String code, String message, double rate) {
    ALL.put(service + ":" + name, new ReadCall(service, name, cli, need, false, request, code, message, rate, null));
  }

  private static void s3(String name, String sub, @Nullable String code, @Nullable String message, double rate) {
    ALL.put("s3:" + name, new ReadCall("s3", name, "s3api", Need.BUCKET, false, (e, r) -> null, code, message, rate, sub));
  }

  static {
    // EC2
    add("ec2", "DescribeInstances", "ec2", Need.NOTHING, (e, r) -> r.nextInt(3) == 0 && !e.instances().isEmpty()
        ? obj("instancesSet", items(obj("instanceId", instance(e, r))), "filterSet", EMPTY)
        : obj("instancesSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeInstanceStatus", "ec2", Need.NOTHING,
        (e, r) -> obj("instancesSet", EMPTY, "filterSet", EMPTY, "includeAllInstances", true));
    add("ec2", "DescribeSecurityGroups", "ec2", Need.NOTHING,
        (e, r) -> obj("securityGroupSet", EMPTY, "securityGroupIdSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeSecurityGroupRules", "ec2", Need.NOTHING, (e, r) -> obj("DescribeSecurityGroupRulesRequest",
        obj("Filter", obj("Name", "group-id", "Value", obj("content", pick(e.securityGroups(), r), "tag", 1), "tag", 1))));
    add("ec2", "DescribeVolumes", "ec2", Need.NOTHING, (e, r) -> obj("volumeSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeSnapshots", "ec2", Need.NOTHING, (e, r) -> obj("snapshotSet", EMPTY,
        "ownersSet", items(obj("owner", "self")), "sharedUsersSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeVpcs", "ec2", Need.NOTHING, (e, r) -> obj("vpcSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeSubnets", "ec2", Need.NOTHING, (e, r) -> obj("subnetSet", EMPTY, "filterSet",
        items(obj("name", "vpc-id", "valueSet", items(obj("value", e.vpc().id()))))));
    add("ec2", "DescribeRouteTables", "ec2", Need.NOTHING, (e, r) -> obj("routeTableIdSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeNetworkAcls", "ec2", Need.NOTHING, (e, r) -> obj("networkAclIdSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeInternetGateways", "ec2", Need.NOTHING,
        (e, r) -> obj("internetGatewayIdSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeNatGateways", "ec2", Need.NOTHING,
        (e, r) -> obj("DescribeNatGatewaysRequest", obj("MaxResults", 1000)));
    add("ec2", "DescribeNetworkInterfaces", "ec2", Need.NOTHING,
        (e, r) -> obj("networkInterfaceIdSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeAddresses", "ec2", Need.NOTHING,
        (e, r) -> obj("publicIpsSet", EMPTY, "allocationIdsSet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeImages", "ec2", Need.NOTHING, (e, r) -> obj("executableBySet", EMPTY, "imagesSet", EMPTY,
        "ownersSet", items(obj("owner", "self")), "includeDeprecated", false, "includeDisabled", false));
    add("ec2", "DescribeRegions", "ec2", Need.NOTHING, (e, r) -> obj("regionSet", EMPTY, "allRegions", false));
    add("ec2", "DescribeAvailabilityZones", "ec2", Need.NOTHING,
        (e, r) -> obj("availabilityZoneSet", EMPTY, "availabilityZoneIdSet", EMPTY));
    add("ec2", "DescribeAccountAttributes", "ec2", Need.NOTHING, (e, r) -> obj("accountAttributeNameSet",
        items(obj("attributeName", "supported-platforms"), obj("attributeName", "default-vpc")), "filterSet", EMPTY));
    add("ec2", "DescribeTags", "ec2", Need.NOTHING, (e, r) -> obj("filterSet",
        items(obj("name", "resource-type", "valueSet", items(obj("value", "instance"))))));
    add("ec2", "DescribeKeyPairs", "ec2", Need.NOTHING, (e, r) -> obj("keySet", EMPTY, "filterSet", EMPTY));
    add("ec2", "DescribeLaunchTemplates", "ec2", Need.NOTHING,
        (e, r) -> obj("DescribeLaunchTemplatesRequest", obj("MaxResults", 200)));
    add("ec2", "DescribeVpcEndpoints", "ec2", Need.NOTHING,
        (e, r) -> obj("DescribeVpcEndpointsRequest", obj("Filter", obj("Name", "vpc-id", "Value", obj("content",
            e.vpc().id(), "tag", 1), "tag", 1))));
    add("ec2", "DescribeFlowLogs", "ec2", Need.NOTHING,
        (e, r) -> obj("DescribeFlowLogsRequest", obj("FlowLogId", obj("content", e.vpc().flowLogId(), "tag", 1))));
    add("ec2", "GetEbsEncryptionByDefault", "ec2", Need.NOTHING, (e, r) -> null);
    add("ec2", "DescribeInstanceTypes", "ec2", Need.NOTHING, (e, r) -> obj("DescribeInstanceTypesRequest",
        obj("InstanceType", obj("content", pick(List.of("m6i.large", "t3.medium", "c6g.xlarge"), r), "tag", 1))));
    // IAM (global)
    global("iam", "ListRoles", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "ListUsers", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "ListPolicies", "iam", Need.NOTHING, (e, r) -> obj("scope", "Local", "onlyAttached", false));
    global("iam", "GetAccountSummary", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "GetAccountPasswordPolicy", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "ListAccountAliases", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "ListOpenIDConnectProviders", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "ListSAMLProviders", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "GetRole", "iam", Need.NOTHING, (e, r) -> obj("roleName", role(e, r)));
    global("iam", "ListAttachedRolePolicies", "iam", Need.NOTHING, (e, r) -> obj("roleName", role(e, r)));
    global("iam", "ListRolePolicies", "iam", Need.NOTHING, (e, r) -> obj("roleName", role(e, r)));
    global("iam", "ListInstanceProfilesForRole", "iam", Need.NOTHING, (e, r) -> obj("roleName", role(e, r)));
    global("iam", "GetPolicy", "iam", Need.NOTHING, (e, r) -> obj("policyArn", policy(e, r)));
    global("iam", "GetPolicyVersion", "iam", Need.NOTHING,
        (e, r) -> obj("policyArn", policy(e, r), "versionId", "v" + (1 + r.nextInt(6))));
    global("iam", "GenerateCredentialReport", "iam", Need.NOTHING, (e, r) -> null);
    global("iam", "GetCredentialReport", "iam", Need.NOTHING, (e, r) -> null);
    // STS
    add("sts", "GetCallerIdentity", "sts", Need.NOTHING, (e, r) -> null);
    // S3
    ALL.put("s3:ListBuckets", new ReadCall("s3", "ListBuckets", "s3api", Need.NOTHING, false,
        (e, r) -> obj("Host", "s3." + e.region() + ".amazonaws.com"), null, null, 0, null));
    s3("GetBucketLocation", "location", null, null, 0);
    s3("GetBucketAcl", "acl", null, null, 0);
    s3("GetBucketPolicy", "policy", "NoSuchBucketPolicy", "The bucket policy does not exist", 0.45);
    s3("GetBucketPolicyStatus", "policyStatus", "NoSuchBucketPolicy", "The bucket policy does not exist", 0.45);
    s3("GetBucketVersioning", "versioning", null, null, 0);
    s3("GetBucketEncryption", "encryption", null, null, 0);
    s3("GetBucketPublicAccessBlock", "publicAccessBlock", null, null, 0);
    s3("GetBucketLogging", "logging", null, null, 0);
    s3("GetBucketTagging", "tagging", "NoSuchTagSet", "The TagSet does not exist", 0.25);
    s3("GetBucketLifecycle", "lifecycle", "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", 0.5);
    s3("GetBucketReplication", "replication", "ReplicationConfigurationNotFoundError",
        "The replication configuration was not found", 0.9);
    s3("GetBucketCors", "cors", "NoSuchCORSConfiguration", "The CORS configuration does not exist", 0.8);
    s3("GetBucketWebsite", "website", "NoSuchWebsiteConfiguration",
        "The specified bucket does not have a website configuration", 0.95);
    s3("GetBucketOwnershipControls", "ownershipControls", null, null, 0);
    s3("GetBucketObjectLockConfiguration", "object-lock", "ObjectLockConfigurationNotFoundError",
        "Object Lock configuration does not exist for this bucket", 0.9);
    s3("GetBucketNotification", "notification", null, null, 0);
    s3("GetAccelerateConfiguration", "accelerate", null, null, 0);
    // KMS
    add("kms", "ListAliases", "kms", Need.NOTHING, (e, r) -> null);
    add("kms", "ListKeys", "kms", Need.NOTHING, (e, r) -> obj("limit", 1000));
    add("kms", "DescribeKey", "kms", Need.KEY, (e, r) -> obj("keyId", keyArn(e, r)));
    add("kms", "GetKeyRotationStatus", "kms", Need.KEY, (e, r) -> obj("keyId", keyArn(e, r)));
    add("kms", "GetKeyPolicy", "kms", Need.KEY, (e, r) -> obj("keyId", keyArn(e, r), "policyName", "default"));
    add("kms", "ListResourceTags", "kms", Need.KEY, (e, r) -> obj("keyId", keyArn(e, r)));
    // CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer
    add("cloudtrail", "DescribeTrails", "cloudtrail", Need.NOTHING,
        (e, r) -> obj("trailNameList", array(), "includeShadowTrails", true));
    add("cloudtrail", "GetTrailStatus", "cloudtrail", Need.NOTHING, (e, r) -> obj("name", trail(e)));
    add("cloudtrail", "GetEventSelectors", "cloudtrail", Need.NOTHING, (e, r) -> obj("trailName", trail(e)));
    add("cloudtrail", "LookupEvents", "cloudtrail", Need.NOTHING, (e, r) -> obj("maxResults", 50,
        "lookupAttributes", array(obj("attributeKey", "ReadOnly", "attributeValue", "false"))));
    add("config", "DescribeConfigurationRecorders", "configservice", Need.NOTHING, (e, r) -> EMPTY);
    add("config", "DescribeConfigurationRecorderStatus", "configservice", Need.NOTHING, (e, r) -> EMPTY);
    add("config", "DescribeDeliveryChannels", "configservice", Need.NOTHING, (e, r) -> EMPTY);
    add("config", "DescribeComplianceByConfigRule", "configservice", Need.NOTHING, (e, r) -> EMPTY);
    add("guardduty", "ListDetectors", "guardduty", Need.NOTHING, (e, r) -> null);
    add("guardduty", "GetDetector", "guardduty", Need.NOTHING, (e, r) -> obj("detectorId", detector(e)));
    add("guardduty", "ListFindings", "guardduty", Need.NOTHING, (e, r) -> obj("detectorId", detector(e),
        "findingCriteria", obj("criterion", obj("service.archived", obj("eq", array("false")))), "maxResults", 50));
    add("securityhub", "GetFindings", "securityhub", Need.NOTHING, (e, r) -> obj("filters", obj("recordState",
        array(obj("value", "ACTIVE", "comparison", "EQUALS"))), "maxResults", 100));
    add("securityhub", "DescribeHub", "securityhub", Need.NOTHING, (e, r) -> null);
    add("access-analyzer", "ListAnalyzers", "accessanalyzer", Need.NOTHING, (e, r) -> null);
    // Lambda
    add("lambda", "ListFunctions20150331", "lambda", Need.NOTHING, (e, r) -> null);
    add("lambda", "GetFunction20150331v2", "lambda", Need.FUNCTION, (e, r) -> obj("functionName", pick(e.functions(), r)));
    add("lambda", "GetFunctionConfiguration20150331v2", "lambda", Need.FUNCTION,
        (e, r) -> obj("functionName", pick(e.functions(), r)));
    notFound("lambda", "GetPolicy20150331v2", "lambda", Need.FUNCTION, (e, r) -> obj("functionName", pick(e.functions(), r)),
        "ResourceNotFoundException", "The resource you requested does not exist.", 0.6);
    add("lambda", "ListEventSourceMappings20150331", "lambda", Need.FUNCTION,
        (e, r) -> obj("functionName", pick(e.functions(), r)));
    add("lambda", "ListTags20170331", "lambda", Need.FUNCTION, (e, r) -> obj("resource",
        "arn:aws:lambda:" + e.region() + ":" + e.accountId() + ":function:" + pick(e.functions(), r)));
    // Logs
    add("logs", "DescribeLogGroups", "logs", Need.NOTHING, (e, r) -> r.nextBoolean() ? null
        : obj("logGroupNamePrefix", pick(e.logGroups(), r)));
    add("logs", "DescribeLogStreams", "logs", Need.LOG_GROUP, (e, r) -> obj("logGroupName", pick(e.logGroups(), r),
        "orderBy", "LastEventTime", "descending", true, "limit", 50));
    add("logs", "FilterLogEvents", "logs", Need.LOG_GROUP, (e, r) -> obj("logGroupName", pick(e.logGroups(), r),
        "filterPattern", pick(List.of("ERROR", "\"timeout\"", "Exception", "status=500"), r), "interleaved", true));
    add("logs", "ListTagsLogGroup", "logs", Need.LOG_GROUP, (e, r) -> obj("logGroupName", pick(e.logGroups(), r)));
    // CloudWatch
    add("monitoring", "DescribeAlarms", "cloudwatch", Need.NOTHING, (e, r) -> obj("maxRecords", 100));
    add("monitoring", "DescribeAlarmHistory", "cloudwatch", Need.NOTHING,
        (e, r) -> obj("historyItemType", "StateUpdate", "maxRecords", 50));
    // ECS, EKS, ECR
    add("ecs", "ListClusters", "ecs", Need.NOTHING, (e, r) -> EMPTY);
    add("ecs", "DescribeClusters", "ecs", Need.ECS, (e, r) -> obj("clusters", array(e.ecsCluster())));
    add("ecs", "ListServices", "ecs", Need.ECS, (e, r) -> obj("cluster", e.ecsCluster()));
    add("ecs", "DescribeServices", "ecs", Need.ECS, (e, r) -> obj("cluster", e.ecsCluster(),
        "services", array(pick(e.ecsServices(), r))));
    add("ecs", "ListTasks", "ecs", Need.ECS, (e, r) -> obj("cluster", e.ecsCluster(), "serviceName", pick(e.ecsServices(), r)));
    add("ecs", "DescribeTaskDefinition", "ecs", Need.ECS,
        (e, r) -> obj("taskDefinition", pick(e.ecsServices(), r) + ":" + (40 + r.nextInt(20))));
    add("eks", "ListClusters", "eks", Need.NOTHING, (e, r) -> null);
    add("eks", "DescribeCluster", "eks", Need.EKS, (e, r) -> obj("name", e.eksCluster()));
    add("eks", "ListNodegroups", "eks", Need.EKS, (e, r) -> obj("name", e.eksCluster()));
    add("eks", "DescribeNodegroup", "eks", Need.EKS, (e, r) -> obj("name", e.eksCluster(), "nodegroupName", "general"));
    add("ecr", "DescribeRepositories", "ecr", Need.NOTHING, (e, r) -> null);
    add("ecr", "DescribeImages", "ecr", Need.REPOSITORY, (e, r) -> obj("repositoryName", pick(e.repositories(), r)));
    notFound("ecr", "GetLifecyclePolicy", "ecr", Need.REPOSITORY, (e, r) -> obj("repositoryName", pick(e.repositories(), r)),
        "LifecyclePolicyNotFoundException", "Lifecycle policy does not exist for the repository", 0.3);
    // Databases, queues, tables
    add("rds", "DescribeDBInstances", "rds", Need.NOTHING, (e, r) -> r.nextBoolean() || e.databases().isEmpty() ? null
        : obj("dBInstanceIdentifier", pick(e.databases(), r)));
    add("rds", "DescribeDBClusters", "rds", Need.NOTHING, (e, r) -> obj("includeShared", false));
    add("rds", "DescribeDBSnapshots", "rds", Need.DATABASE, (e, r) -> obj("dBInstanceIdentifier", pick(e.databases(), r),
        "includeShared", false, "includePublic", false));
    add("rds", "ListTagsForResource", "rds", Need.DATABASE, (e, r) -> obj("resourceName",
        "arn:aws:rds:" + e.region() + ":" + e.accountId() + ":db:" + pick(e.databases(), r)));
    add("dynamodb", "ListTables", "dynamodb", Need.NOTHING, (e, r) -> null);
    add("dynamodb", "DescribeTable", "dynamodb", Need.TABLE, (e, r) -> obj("tableName", pick(e.tables(), r)));
    add("dynamodb", "DescribeContinuousBackups", "dynamodb", Need.TABLE, (e, r) -> obj("tableName", pick(e.tables(), r)));
    add("dynamodb", "DescribeTimeToLive", "dynamodb", Need.TABLE, (e, r) -> obj("tableName", pick(e.tables(), r)));
    add("sqs", "ListQueues", "sqs", Need.NOTHING, (e, r) -> null);
    add("sqs", "GetQueueAttributes", "sqs", Need.QUEUE, (e, r) -> obj("queueUrl",
        "https://sqs." + e.region() + ".amazonaws.com/" + e.accountId() + "/" + pick(e.queues(), r),
        "attributeNames", array("All")));
    add("sns", "ListTopics", "sns", Need.NOTHING, (e, r) -> null);
    add("sns", "ListSubscriptions", "sns", Need.NOTHING, (e, r) -> null);
    // Secrets and parameters (metadata only; values are read by workloads)
    add("secretsmanager", "ListSecrets", "secretsmanager", Need.NOTHING, (e, r) -> null);
    add("secretsmanager", "DescribeSecret", "secretsmanager", Need.SECRET, (e, r) -> obj("secretId", pick(e.secrets(), r)));
    add("secretsmanager", "GetResourcePolicy", "secretsmanager", Need.SECRET,
        (e, r) -> obj("secretId", pick(e.secrets(), r)));
    add("ssm", "DescribeParameters", "ssm", Need.NOTHING, (e, r) -> obj("maxResults", 50));
    add("ssm", "DescribeInstanceInformation", "ssm", Need.NOTHING, (e, r) -> obj("maxResults", 50));
    add("ssm", "ListTagsForResource", "ssm", Need.PARAMETER, (e, r) -> obj("resourceType", "Parameter",
        "resourceId", pick(e.parameters(), r)));
    // Load balancers and scaling
    add("elasticloadbalancing", "DescribeLoadBalancers", "elbv2", Need.NOTHING, (e, r) -> obj("pageSize", 400));
    add("elasticloadbalancing", "DescribeTargetGroups", "elbv2", Need.LOAD_BALANCER, (e, r) -> obj("pageSize", 400));
    add("elasticloadbalancing", "DescribeTargetHealth", "elbv2", Need.LOAD_BALANCER,
        (e, r) -> obj("targetGroupArn", tgArn(e, r)));
    add("elasticloadbalancing", "DescribeListeners", "elbv2", Need.LOAD_BALANCER,
        (e, r) -> obj("loadBalancerArn", lbArn(e, r)));
    add("elasticloadbalancing", "DescribeLoadBalancerAttributes", "elbv2", Need.LOAD_BALANCER,
        (e, r) -> obj("loadBalancerArn", lbArn(e, r)));
    add("elasticloadbalancing", "DescribeTags", "elbv2", Need.LOAD_BALANCER,
        (e, r) -> obj("resourceArns", array(lbArn(e, r))));
    add("autoscaling", "DescribeAutoScalingGroups", "autoscaling", Need.NOTHING, (e, r) -> obj("maxRecords", 100));
    add("autoscaling", "DescribeScalingActivities", "autoscaling", Need.AUTO_SCALING,
        (e, r) -> obj("autoScalingGroupName", pick(e.autoScalingGroups(), r)));
    // CloudFormation
    add("cloudformation", "ListStacks", "cloudformation", Need.NOTHING, (e, r) -> obj("stackStatusFilter",
        array("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE")));
    add("cloudformation", "DescribeStacks", "cloudformation", Need.STACK, (e, r) -> obj("stackName", pick(e.stacks(), r)));
    add("cloudformation", "DescribeStackEvents", "cloudformation", Need.STACK,
        (e, r) -> obj("stackName", pick(e.stacks(), r)));
    add("cloudformation", "ListStackResources", "cloudformation", Need.STACK,
        (e, r) -> obj("stackName", pick(e.stacks(), r)));
    add("cloudformation", "GetTemplate", "cloudformation", Need.STACK,
        (e, r) -> obj("stackName", pick(e.stacks(), r), "templateStage", "Original"));
    // Tagging, health, cost, Route 53, Organizations
    add("tagging", "GetResources", "resourcegroupstaggingapi", Need.NOTHING, (e, r) -> obj("resourcesPerPage", 100,
        "resourceTypeFilters", array(pick(List.of("ec2:instance", "rds:db", "elasticloadbalancing:loadbalancer",
            "lambda:function", "sqs", "dynamodb:table"), r))));
    add("health", "DescribeEventAggregates", "health", Need.NOTHING, (e, r) -> obj("aggregateField", "eventTypeCategory",
        "filter", obj("eventStatusCodes", array("open", "upcoming"))));
    add("health", "DescribeEvents", "health", Need.NOTHING, (e, r) -> obj("filter",
        obj("eventStatusCodes", array("open", "upcoming")), "maxResults", 100));
    global("route53", "ListHostedZones", "route53", Need.NOTHING, (e, r) -> null);
    global("route53", "GetHostedZoneCount", "route53", Need.NOTHING, (e, r) -> null);
  }

  private static String role(Estate e, SplittableRandom r) {
    return pick(List.of("terraform-deploy", "cloudformation-exec", "datadog-integration", "security-audit",
        "OrganizationAccountAccessRole", "AWSServiceRoleForAutoScaling"), r);
  }

  private static String policy(Estate e, SplittableRandom r) {
    return "arn:aws:iam::" + e.accountId() + ":policy/" + pick(List.of("terraform-deploy-boundary", "app-read-secrets",
        "ci-artifacts-write", "datadog-integration-policy"), r);
  }

  private static String keyArn(Estate e, SplittableRandom r) {
    return "arn:aws:kms:" + e.region() + ":" + e.accountId() + ":key/" + pick(e.kmsKeys(), r);
  }

  private static String trail(Estate e) {
    return "arn:aws:cloudtrail:us-east-1:" + e.accountId() + ":trail/org-trail";
  }

  private static String detector(Estate e) {
    return Integer.toHexString(e.accountId().hashCode() & 0x7fffffff) + "c0ffee" + Integer.toHexString(e.region().hashCode() & 0xffff)
        + "ab12cd34ef56";
  }

  /** The call {@code service:name}. */
  public static ReadCall get(String key) {
    ReadCall c = ALL.get(key);
    if (c == null) {
      throw new IllegalArgumentException("no read call " + key);
    }
    return c;
  }

  /** The calls named, in order. */
  public static List<ReadCall> of(String... keys) {
    List<ReadCall> out = new ArrayList<>();
    for (String k : keys) {
      out.add(get(k));
    }
    return out;
  }

  /** Every call in the catalogue. */
  public static List<ReadCall> all() {
    return List.copyOf(ALL.values());
  }
}
