package dev.kumo.simulate.actors;

import dev.kumo.simulate.cur.CurRegions;
import dev.kumo.simulate.cur.CurRow;
import dev.kumo.simulate.org.Account;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * The daily cost and usage lines of every account: instance hours per instance, EBS storage, NAT
 * gateways, load balancers, databases, S3 storage and requests, Lambda, Fargate, KMS, CloudWatch,
 * CloudTrail, data transfer. Steady from day to day, with usage-driven lines lower on weekends.
 */
final class BillingActor implements Actor {
  private static final long DAY = 86_400_000L;

  private final SplittableRandom random;

  BillingActor(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    return 0;
  }

  @Override
  public double fixedEventsPerDay(World w) {
    return w.org().instances().size() + w.org().estates().size() * 9.0;
  }

  @Override
  public void start(World w) {
    long first = Math.floorDiv(w.timeline().now() + DAY - 1, DAY) * DAY;
    SplittableRandom r = random.split();
    w.timeline().at(first, t -> day(w, r, t));
  }

  private void day(World w, SplittableRandom r, long t) {
    DayOfWeek dow = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).getDayOfWeek();
    double usage = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.7 : 1.0;
    Account payer = w.org().account(AccountKind.MANAGEMENT);
    for (Estate e : w.org().estates()) {
      String p = CurRegions.prefix(e.region());
      String loc = CurRegions.location(e.region());
      for (Instance i : e.instances()) {
        String type = i.purpose().equals("eks-node") ? "m6i.xlarge" : i.purpose().equals("ci-runner") ? "c6i.2xlarge"
            : "m6i.large";
        double rate = type.equals("m6i.large") ? 0.096 : type.equals("m6i.xlarge") ? 0.192 : 0.34;
        w.emit(row(w, payer, e, t, "AmazonEC2", "Amazon Elastic Compute Cloud", p + "BoxUsage:" + type, "RunInstances",
            "$" + rate + " per On Demand Linux " + type + " Instance Hour", loc, e.region() + "a", i.id(), 24, "Hrs", rate,
            "Compute Instance", type));
      }
      double storage = 50 + 40 * e.volumes().size();
      w.emit(row(w, payer, e, t, "AmazonEC2", "Amazon Elastic Compute Cloud", p + "EBS:VolumeUsage.gp3", "CreateVolume-Gp3",
          "$0.08 per GB-month of General Purpose (gp3) provisioned storage", loc, "", "", storage / 30.4, "GB-Mo", 0.08,
          "Storage", ""));
      w.emit(row(w, payer, e, t, "AmazonEC2", "Amazon Elastic Compute Cloud", p + "EBS:SnapshotUsage", "CreateSnapshot",
          "$0.05 per GB-Month of snapshot data stored", loc, "", "", storage * 3 / 30.4, "GB-Mo", 0.05, "Storage Snapshot", ""));
      w.emit(row(w, payer, e, t, "AmazonEC2", "Amazon Elastic Compute Cloud", p + "NatGateway-Hours", "NatGateway",
          "$0.045 per NAT Gateway Hour", loc, "", "arn:aws:ec2:" + e.region() + ":" + e.accountId() + ":natgateway/nat-0"
              + Integer.toHexString(e.vpc().id().hashCode() & 0x7fffffff), 24, "Hrs", 0.045, "NAT Gateway", ""));
      w.emit(row(w, payer, e, t, "AmazonEC2", "Amazon Elastic Compute Cloud", p + "NatGateway-Bytes", "NatGateway",
          "$0.045 per GB Data Processed by NAT Gateways", loc, "", "", usage * (20 + 5 * e.instances().size())
              * jitter(r), "GB", 0.045, "NAT Gateway", ""));
      w.emit(row(w, payer, e, t, "AmazonS3", "Amazon Simple Storage Service", p + "TimedStorage-ByteHrs", "StandardStorage",
          "$0.023 per GB - first 50 TB / month of storage used", loc, "", "", (200 + 900 * e.buckets().size()) / 30.4,
          "GB-Mo", 0.023, "Storage", ""));
      w.emit(row(w, payer, e, t, "AmazonS3", "Amazon Simple Storage Service", p + "Requests-Tier1", "PutObject",
          "$0.005 per 1,000 PUT, COPY, POST, or LIST requests", loc, "", "", usage * 400_000 * jitter(r), "Requests",
          0.000005, "API Request", ""));
      w.emit(row(w, payer, e, t, "awskms", "AWS Key Management Service", p + "KMS-Requests", "Decrypt",
          "$0.03 per 10,000 requests", loc, "", "", usage * 300_000 * jitter(r), "Requests", 0.000003, "Encryption Key", ""));
      w.emit(row(w, payer, e, t, "AmazonCloudWatch", "AmazonCloudWatch", p + "TimedStorage-ByteHrs", "",
          "$0.03 per GB-mo of log storage", loc, "", "", 40 * jitter(r), "GB-Mo", 0.03 / 30.4 * 30.4 / 30.4, "Storage Snapshot",
          ""));
      if (!e.databases().isEmpty()) {
        for (String db : e.databases()) {
          w.emit(row(w, payer, e, t, "AmazonRDS", "Amazon Relational Database Service", p + "InstanceUsage:db.r6g.large",
              "CreateDBInstance:0014", "$0.225 per RDS db.r6g.large instance hour (or partial hour) running PostgreSQL",
              loc, e.region() + "a", "arn:aws:rds:" + e.region() + ":" + e.accountId() + ":db:" + db, 24, "Hrs", 0.225,
              "Database Instance", "db.r6g.large"));
        }
      }
      if (!e.functions().isEmpty()) {
        w.emit(row(w, payer, e, t, "AWSLambda", "AWS Lambda", p + "Lambda-GB-Second-ARM", "Invoke",
            "AWS Lambda - Total Compute - US East (Northern Virginia)", loc, "", "", usage * 900_000 * jitter(r),
            "Lambda-GB-Second", 0.0000133334, "Serverless", ""));
      }
      if (e.ecsCluster() != null) {
        w.emit(row(w, payer, e, t, "AmazonECS", "Amazon Elastic Container Service", p + "Fargate-vCPU-Hours:perCPU",
            "FargateTask", "AWS Fargate - vCPU - US East (N.Virginia)", loc, "", "", 9 * 24 * 0.5, "hours", 0.04048,
            "Compute", ""));
      }
      if (e.eksCluster() != null) {
        w.emit(row(w, payer, e, t, "AmazonEKS", "Amazon Elastic Container Service for Kubernetes",
            p + "AmazonEKS-Hours:perCluster", "CreateOperation", "Amazon EKS cluster usage", loc, "",
            "arn:aws:eks:" + e.region() + ":" + e.accountId() + ":cluster/" + e.eksCluster(), 24, "Hours", 0.10,
            "Compute", ""));
      }
      if (!e.vpc().albEnis().isEmpty()) {
        w.emit(row(w, payer, e, t, "AWSELB", "Elastic Load Balancing", p + "LoadBalancerUsage", "LoadBalancing:Application",
            "$0.0225 per Application LoadBalancer-hour (or partial hour)", loc, "", "", 24, "Hrs", 0.0225,
            "Load Balancer-Application", ""));
        w.emit(row(w, payer, e, t, "AWSDataTransfer", "AWS Data Transfer", p + "DataTransfer-Out-Bytes", "",
            "$0.09 per GB - first 10 TB / month data transfer out", loc, "", "", usage * 60 * jitter(r), "GB", 0.09,
            "Data Transfer", ""));
      }
    }
    w.timeline().at(t + DAY, x -> day(w, r, x));
  }

  private static double jitter(SplittableRandom r) {
    return 0.9 + 0.2 * r.nextDouble();
  }

  private static CurRow row(World w, Account payer, Estate e, long day, String code, String name, String usageType,
      String operation, String description, String location, String az, String resource, double amount, String unit,
      double rate, String family, String instanceType) {
    String team = e.account().kind() == AccountKind.PRODUCTION || e.account().kind() == AccountKind.STAGING
        ? "{\"user_team\":\"platform\",\"user_environment\":\"" + e.account().kind().name().toLowerCase() + "\"}" : "";
    return new CurRow(payer.id(), payer.name(), e.accountId(), e.account().name(), day, code, name, usageType, operation,
        description, e.region(), location, az, resource, amount, unit, rate, family, instanceType, team);
  }
}
