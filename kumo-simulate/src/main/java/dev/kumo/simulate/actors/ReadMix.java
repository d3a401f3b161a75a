package dev.kumo.simulate.actors;

import dev.kumo.simulate.cloudtrail.api.ReadCall;
import dev.kumo.simulate.cloudtrail.api.ReadCalls;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.org.Estate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A weighted mix of read calls that one kind of reader makes, written {@code "ec2:DescribeInstances=10"}. */
final class ReadMix {
  private final Pick.Weighted<ReadCall> calls;

  ReadMix(String... weighted) {
    List<ReadCall> items = new ArrayList<>();
    double[] weights = new double[weighted.length];
    for (int i = 0; i < weighted.length; i++) {
      int eq = weighted[i].indexOf('=');
      items.add(ReadCalls.get(eq < 0 ? weighted[i] : weighted[i].substring(0, eq)));
      weights[i] = eq < 0 ? 1 : Double.parseDouble(weighted[i].substring(eq + 1));
    }
    this.calls = new Pick.Weighted<>(items, weights);
  }

  /** A call of the mix that {@code estate} can answer. */
  ReadCall pick(Estate estate, SplittableRandom r) {
    for (int i = 0; i < 20; i++) {
      ReadCall c = calls.pick(r);
      if (c.need().metBy(estate)) {
        return c;
      }
    }
    return ReadCalls.get("sts:GetCallerIdentity");
  }

  static final ReadMix CONSOLE = new ReadMix("ec2:DescribeInstances=12", "ec2:DescribeInstanceStatus=4",
      "ec2:DescribeSecurityGroups=5", "ec2:DescribeVolumes=3", "ec2:DescribeVpcs=2", "ec2:DescribeSubnets=2",
      "ec2:DescribeAddresses=1", "ec2:DescribeImages=1", "ec2:DescribeSnapshots=1", "ec2:DescribeAccountAttributes=2",
      "ec2:DescribeRegions=2", "ec2:DescribeAvailabilityZones=1", "ec2:DescribeNetworkInterfaces=1",
      "ec2:DescribeRouteTables=1", "ec2:DescribeLaunchTemplates=1", "ec2:DescribeInstanceTypes=1",
      "s3:ListBuckets=4", "s3:GetBucketLocation=3", "s3:GetBucketPolicy=1", "s3:GetBucketAcl=1",
      "s3:GetBucketVersioning=1", "s3:GetBucketTagging=1", "s3:GetBucketEncryption=1", "s3:GetBucketLifecycle=1",
      "s3:GetBucketPublicAccessBlock=1", "iam:ListRoles=2", "iam:GetRole=2", "iam:ListAttachedRolePolicies=2",
      "iam:ListRolePolicies=1", "iam:GetAccountSummary=1", "iam:ListPolicies=1", "monitoring:DescribeAlarms=5",
      "monitoring:DescribeAlarmHistory=1", "logs:DescribeLogGroups=5", "logs:DescribeLogStreams=5",
      "logs:FilterLogEvents=6", "lambda:ListFunctions20150331=3", "lambda:GetFunction20150331v2=3",
      "lambda:GetFunctionConfiguration20150331v2=1", "lambda:GetPolicy20150331v2=1",
      "lambda:ListEventSourceMappings20150331=1", "ecs:ListClusters=2", "ecs:DescribeClusters=2",
      "ecs:ListServices=3", "ecs:DescribeServices=5", "ecs:ListTasks=3", "ecs:DescribeTaskDefinition=2",
      "eks:ListClusters=1", "eks:DescribeCluster=2", "eks:ListNodegroups=1", "rds:DescribeDBInstances=3",
      "rds:DescribeDBClusters=1", "rds:DescribeDBSnapshots=1", "dynamodb:ListTables=2", "dynamodb:DescribeTable=2",
      "cloudformation:ListStacks=2", "cloudformation:DescribeStacks=4", "cloudformation:DescribeStackEvents=3",
      "cloudformation:ListStackResources=1", "cloudformation:GetTemplate=1", "ssm:DescribeInstanceInformation=2",
      "ssm:DescribeParameters=1", "secretsmanager:ListSecrets=1", "secretsmanager:DescribeSecret=1",
      "sqs:ListQueues=1", "sqs:GetQueueAttributes=2", "sns:ListTopics=1", "route53:ListHostedZones=1",
      "elasticloadbalancing:DescribeLoadBalancers=3", "elasticloadbalancing:DescribeTargetGroups=2",
      "elasticloadbalancing:DescribeTargetHealth=3", "elasticloadbalancing:DescribeListeners=1",
      "autoscaling:DescribeAutoScalingGroups=2", "autoscaling:DescribeScalingActivities=1", "kms:ListAliases=1",
      "kms:DescribeKey=1", "cloudtrail:LookupEvents=2", "cloudtrail:DescribeTrails=1",
      "health:DescribeEventAggregates=3", "sts:GetCallerIdentity=2", "ecr:DescribeRepositories=1",
      "ecr:DescribeImages=1", "tagging:GetResources=1");

  static final ReadMix SECURITY_REVIEW = new ReadMix("guardduty:ListDetectors=2", "guardduty:GetDetector=2",
      "guardduty:ListFindings=6", "securityhub:GetFindings=8", "securityhub:DescribeHub=1",
      "access-analyzer:ListAnalyzers=1", "cloudtrail:LookupEvents=6", "cloudtrail:DescribeTrails=2",
      "cloudtrail:GetTrailStatus=2", "config:DescribeComplianceByConfigRule=3", "iam:ListRoles=2", "iam:GetRole=2",
      "iam:ListUsers=2", "iam:GetCredentialReport=1", "ec2:DescribeSecurityGroups=3", "ec2:DescribeInstances=3",
      "s3:GetBucketPolicy=2", "s3:GetBucketPublicAccessBlock=2", "kms:GetKeyPolicy=1", "logs:FilterLogEvents=3");

  static final ReadMix MONITORING = new ReadMix("tagging:GetResources=10", "ec2:DescribeInstances=6",
      "ec2:DescribeInstanceStatus=4", "ec2:DescribeVolumes=2", "ec2:DescribeSecurityGroups=1",
      "elasticloadbalancing:DescribeLoadBalancers=3", "elasticloadbalancing:DescribeTargetHealth=2",
      "elasticloadbalancing:DescribeTags=2", "rds:DescribeDBInstances=3", "rds:ListTagsForResource=2",
      "lambda:ListFunctions20150331=3", "lambda:ListTags20170331=2", "ecs:ListClusters=2", "ecs:DescribeClusters=2",
      "ecs:ListServices=2", "ecs:DescribeServices=3", "autoscaling:DescribeAutoScalingGroups=2",
      "dynamodb:ListTables=2", "dynamodb:DescribeTable=2", "sqs:ListQueues=2", "sqs:GetQueueAttributes=2",
      "sns:ListTopics=1", "monitoring:DescribeAlarms=2", "health:DescribeEvents=2", "eks:ListClusters=1");

  static final ReadMix CONFIG = new ReadMix("ec2:DescribeInstances=4", "ec2:DescribeSecurityGroups=4",
      "ec2:DescribeVolumes=3", "ec2:DescribeNetworkInterfaces=3", "ec2:DescribeVpcs=1", "ec2:DescribeSubnets=2",
      "ec2:DescribeRouteTables=2", "ec2:DescribeNetworkAcls=1", "ec2:DescribeInternetGateways=1",
      "ec2:DescribeVpcEndpoints=1", "ec2:DescribeSecurityGroupRules=2", "iam:GetRole=3",
      "iam:ListAttachedRolePolicies=3", "iam:ListRolePolicies=3", "iam:GetPolicy=2", "iam:GetPolicyVersion=2",
      "iam:ListInstanceProfilesForRole=1", "s3:GetBucketAcl=2", "s3:GetBucketPolicy=2", "s3:GetBucketVersioning=2",
      "s3:GetBucketEncryption=2", "s3:GetBucketPublicAccessBlock=2", "s3:GetBucketLogging=1", "s3:GetBucketTagging=2",
      "s3:GetBucketLifecycle=1", "s3:GetBucketReplication=1", "s3:GetBucketNotification=1",
      "s3:GetBucketOwnershipControls=1", "s3:GetBucketObjectLockConfiguration=1", "s3:GetBucketCors=1",
      "s3:GetBucketWebsite=1", "s3:GetAccelerateConfiguration=1", "kms:DescribeKey=2", "kms:GetKeyRotationStatus=1",
      "kms:ListResourceTags=1", "lambda:GetFunction20150331v2=2", "lambda:GetPolicy20150331v2=1",
      "rds:DescribeDBInstances=2", "rds:DescribeDBSnapshots=1", "dynamodb:DescribeTable=1",
      "dynamodb:DescribeContinuousBackups=1", "sqs:GetQueueAttributes=1", "secretsmanager:DescribeSecret=1",
      "elasticloadbalancing:DescribeLoadBalancers=1", "elasticloadbalancing:DescribeLoadBalancerAttributes=1",
      "elasticloadbalancing:DescribeListeners=1", "autoscaling:DescribeAutoScalingGroups=1",
      "ecs:DescribeClusters=1", "ecs:DescribeServices=1", "eks:DescribeCluster=1", "logs:DescribeLogGroups=1",
      "ecr:DescribeRepositories=1", "ecr:GetLifecyclePolicy=1");

  static final ReadMix TRUSTED_ADVISOR = new ReadMix("ec2:DescribeInstances=3", "ec2:DescribeVolumes=2",
      "ec2:DescribeAddresses=2", "ec2:DescribeSecurityGroups=3", "ec2:DescribeSnapshots=1", "iam:GetAccountSummary=1",
      "iam:GetAccountPasswordPolicy=1", "rds:DescribeDBInstances=2", "cloudtrail:DescribeTrails=1",
      "elasticloadbalancing:DescribeLoadBalancers=2", "s3:ListBuckets=1", "s3:GetBucketAcl=2", "s3:GetBucketPolicy=2",
      "s3:GetBucketVersioning=1", "s3:GetBucketLogging=1", "autoscaling:DescribeAutoScalingGroups=1",
      "route53:ListHostedZones=1", "route53:GetHostedZoneCount=1");

  static final ReadMix SCANNER = new ReadMix("ec2:DescribeInstances=3", "ec2:DescribeSecurityGroups=4",
      "ec2:DescribeVolumes=2", "ec2:DescribeSnapshots=2", "ec2:DescribeImages=1", "ec2:DescribeVpcs=1",
      "ec2:DescribeFlowLogs=2", "ec2:DescribeNetworkAcls=2", "ec2:DescribeVpcEndpoints=1",
      "ec2:GetEbsEncryptionByDefault=1", "ec2:DescribeRegions=1", "iam:ListRoles=2", "iam:ListUsers=2",
      "iam:ListPolicies=2", "iam:GetAccountPasswordPolicy=1", "iam:GetAccountSummary=1",
      "iam:GenerateCredentialReport=1", "iam:GetCredentialReport=1", "iam:ListAttachedRolePolicies=2",
      "iam:ListOpenIDConnectProviders=1", "iam:ListSAMLProviders=1", "s3:ListBuckets=1", "s3:GetBucketAcl=2",
      "s3:GetBucketPolicy=2", "s3:GetBucketPolicyStatus=1", "s3:GetBucketPublicAccessBlock=2",
      "s3:GetBucketEncryption=2", "s3:GetBucketLogging=2", "s3:GetBucketVersioning=1",
      "s3:GetBucketObjectLockConfiguration=1", "kms:ListKeys=1", "kms:DescribeKey=2", "kms:GetKeyRotationStatus=2",
      "kms:GetKeyPolicy=2", "cloudtrail:DescribeTrails=2", "cloudtrail:GetTrailStatus=2",
      "cloudtrail:GetEventSelectors=2", "config:DescribeConfigurationRecorders=1",
      "config:DescribeConfigurationRecorderStatus=1", "config:DescribeDeliveryChannels=1",
      "guardduty:ListDetectors=1", "guardduty:GetDetector=1", "securityhub:DescribeHub=1",
      "access-analyzer:ListAnalyzers=1", "lambda:ListFunctions20150331=1", "lambda:GetPolicy20150331v2=1",
      "rds:DescribeDBInstances=1", "rds:DescribeDBSnapshots=1", "logs:DescribeLogGroups=1",
      "secretsmanager:ListSecrets=1", "secretsmanager:GetResourcePolicy=1", "sns:ListTopics=1",
      "sqs:ListQueues=1", "ecr:DescribeRepositories=1", "eks:ListClusters=1", "dynamodb:ListTables=1");

  static final ReadMix TERRAFORM = new ReadMix("sts:GetCallerIdentity=2", "ec2:DescribeVpcs=2",
      "ec2:DescribeSubnets=3", "ec2:DescribeSecurityGroups=4", "ec2:DescribeSecurityGroupRules=3",
      "ec2:DescribeRouteTables=2", "ec2:DescribeLaunchTemplates=1", "ec2:DescribeVpcEndpoints=1",
      "iam:GetRole=5", "iam:ListRolePolicies=3", "iam:ListAttachedRolePolicies=3", "iam:GetPolicy=2",
      "iam:GetPolicyVersion=2", "s3:GetBucketAcl=1", "s3:GetBucketPolicy=1", "s3:GetBucketVersioning=1",
      "s3:GetBucketEncryption=1", "s3:GetBucketPublicAccessBlock=1", "s3:GetBucketTagging=1", "s3:GetBucketLogging=1",
      "s3:GetBucketLifecycle=1", "s3:GetBucketCors=1", "s3:GetBucketWebsite=1", "s3:GetAccelerateConfiguration=1",
      "s3:GetBucketReplication=1", "s3:GetBucketObjectLockConfiguration=1", "s3:GetBucketOwnershipControls=1",
      "lambda:GetFunction20150331v2=3", "lambda:GetPolicy20150331v2=1", "lambda:ListTags20170331=1",
      "kms:DescribeKey=2", "kms:GetKeyPolicy=1", "kms:GetKeyRotationStatus=1", "kms:ListResourceTags=1",
      "logs:DescribeLogGroups=2", "logs:ListTagsLogGroup=1", "rds:DescribeDBInstances=1",
      "elasticloadbalancing:DescribeLoadBalancers=1", "elasticloadbalancing:DescribeLoadBalancerAttributes=1",
      "elasticloadbalancing:DescribeTargetGroups=1", "elasticloadbalancing:DescribeListeners=1",
      "ecs:DescribeServices=2", "ecs:DescribeTaskDefinition=2", "sqs:GetQueueAttributes=2",
      "dynamodb:DescribeTable=1", "dynamodb:DescribeContinuousBackups=1", "dynamodb:DescribeTimeToLive=1",
      "secretsmanager:DescribeSecret=1", "secretsmanager:GetResourcePolicy=1", "ecr:DescribeRepositories=1",
      "ecr:GetLifecyclePolicy=1", "ssm:ListTagsForResource=1");
}
