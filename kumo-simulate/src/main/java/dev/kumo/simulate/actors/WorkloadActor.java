package dev.kumo.simulate.actors;

import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.api.ServiceCalls;
import dev.kumo.simulate.cloudtrail.api.StsCalls;
import dev.kumo.simulate.cloudtrail.api.WriteCalls;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.UserAgents;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The applications of the production and staging estates, following customer traffic: ECS tasks
 * and Lambda functions reading secrets and parameters (with the KMS calls Secrets Manager makes for
 * them), services assuming the execution roles, new Lambda log streams, instances reading their
 * configuration, and S3 object writes to the data lake (data events, with the KMS data keys S3 asks
 * for).
 */
final class WorkloadActor implements Actor {
  private static final double PEAK_PER_HOUR_PROD = 900;
  private static final double PEAK_PER_HOUR_STAGING = 150;
  private static final double EVENTS_PER_ARRIVAL = 1.8;
  private static final ZoneId CUSTOMERS = ZoneId.of("America/New_York");

  private final SplittableRandom random;

  WorkloadActor(SplittableRandom random) {
    this.random = random;
  }

  private static double peak(Estate e) {
    double base = e.account().kind() == AccountKind.PRODUCTION ? PEAK_PER_HOUR_PROD : PEAK_PER_HOUR_STAGING;
    return e.home() ? base : base * 0.5;
  }

  private static boolean workload(Estate e) {
    return e.account().kind() == AccountKind.PRODUCTION || e.account().kind() == AccountKind.STAGING;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    double sum = 0;
    for (Estate e : w.org().estates()) {
      if (workload(e)) {
        sum += peak(e) * 24 * WorkWeek.trafficMean() * EVENTS_PER_ARRIVAL;
      }
    }
    return sum;
  }

  @Override
  public void start(World w) {
    for (Estate e : w.org().estates()) {
      if (workload(e)) {
        SplittableRandom r = random.split();
        next(w, e, r, w.timeline().now());
      }
    }
  }

  private void next(World w, Estate e, SplittableRandom r, long now) {
    long t = Arrivals.next(now, peak(e) * w.scale(), time -> WorkWeek.traffic(time, CUSTOMERS), r);
    if (t != Long.MAX_VALUE) {
      w.timeline().at(t, time -> {
        act(w, e, r, time);
        next(w, e, r, time);
      });
    }
  }

  private void act(World w, Estate e, SplittableRandom r, long t) {
    String account = e.accountId();
    int kind = r.nextInt(100);
    if (kind < 30) { // an ECS task reads a secret; Secrets Manager decrypts it with KMS
      String service = Pick.one(e.ecsServices(), r);
      Role role = w.org().role(account, "orders-api-task");
      String task = RandomIds.stable(w.org().seed(), e.region() + service + (t / 3_600_000L)).nextInt(1 << 30) + "";
      Identity.RoleSession s = w.sessions().role(role, Long.toHexString(task.hashCode() & 0xffffffffL)
          + RandomIds.hex(RandomIds.stable(w.org().seed(), task), 24), t);
      String secret = Pick.one(e.secrets(), r);
      String ip = e.vpc().cidrPrefix() + (2 + r.nextInt(2)) + "." + (10 + r.nextInt(240));
      ApiEvent get = ServiceCalls.getSecretValue(t, e, s, secret);
      if (e.account().kind() == AccountKind.PRODUCTION) {
        get.from(ip, UserAgents.ECS_JAVA).vpcEndpoint("vpce-0" + Integer.toHexString(e.vpc().id().hashCode() & 0x7fffffff)
            + "5ec7e75");
      } else {
        get.from(e.vpc().natIp(), UserAgents.ECS_JAVA);
      }
      w.emit(get);
      w.emit(ServiceCalls.kmsDecrypt(t + 20, e, s.invokedBy("secretsmanager.amazonaws.com"), e.kmsKeys().get(0),
              obj("SecretARN", "arn:aws:secretsmanager:" + e.region() + ":" + account + ":secret:" + secret + "-"
                  + RandomIds.alnum(RandomIds.stable(w.org().seed(), secret), 6), "SecretVersionId",
                  RandomIds.uuid(RandomIds.stable(w.org().seed(), secret + "v"))))
          .from("secretsmanager.amazonaws.com", "secretsmanager.amazonaws.com"));
    } else if (kind < 50) { // a Lambda function's new execution environment
      String fn = Pick.one(e.functions(), r);
      Role role = new Role(account, fn + "-role", "/service-role/", RandomIds.iam(
          RandomIds.stable(w.org().seed(), account + fn), "AROA", 21));
      Identity.RoleSession s = w.sessions().role(role, fn, t);
      w.emit(StsCalls.assumeRole(t, e.region(), new Identity.AwsService("lambda.amazonaws.com"), s, 43200, r)
          .from("lambda.amazonaws.com", "lambda.amazonaws.com"));
      String day = java.time.Instant.ofEpochMilli(t).toString().substring(0, 10).replace('-', '/');
      w.emit(ServiceCalls.createLogStream(t + 300 + r.nextInt(400), e, s, "/aws/lambda/" + fn,
          day + "/[$LATEST]" + RandomIds.hex(r, 32)).from("AWS Internal", "AWS Internal"));
      if (r.nextBoolean()) {
        w.emit(ServiceCalls.kmsDecrypt(t + 500, e, s, e.kmsKeys().get(1),
            obj("aws:lambda:FunctionArn", "arn:aws:lambda:" + e.region() + ":" + account + ":function:" + fn))
            .from("AWS Internal", "AWS Internal"));
      }
    } else if (kind < 65) { // an ECS service's task role is assumed by ECS tasks
      String service = Pick.one(e.ecsServices(), r);
      Role role = w.org().role(account, "orders-api-task");
      Identity.RoleSession s = w.sessions().role(role, RandomIds.hex(r, 32), t);
      w.emit(StsCalls.assumeRole(t, e.region(), new Identity.AwsService("ecs-tasks.amazonaws.com"), s, 21600, r)
          .from("ecs-tasks.amazonaws.com", "ecs-tasks.amazonaws.com"));
    } else if (kind < 80 && !e.instances().isEmpty()) { // an instance refreshes its configuration
      Instance i = Pick.one(e.instances(), r);
      var s = Machines.session(w, i, t);
      String agent = UserAgents.boto(RandomIds.stable(w.org().seed(), i.id()), false);
      if (!e.parameters().isEmpty() && r.nextBoolean()) {
        String p = Pick.one(e.parameters(), r);
        w.emit(Machines.from(ServiceCalls.getParametersByPath(t, e, s, p.substring(0, p.lastIndexOf('/'))), w.org(), i,
            "ssm", agent));
      } else {
        w.emit(Machines.from(ServiceCalls.kmsDecrypt(t, e, s, e.kmsKeys().get(2),
            obj("service", "orders", "purpose", "session-cookie")), w.org(), i, "kms", agent));
      }
    } else if (!e.instances().isEmpty()) { // a worker writes to the data lake, S3 asks KMS for a data key
      Instance i = Pick.one(e.instances(), r);
      var s = Machines.session(w, i, t);
      String bucket = e.buckets().get(r.nextInt(e.buckets().size()));
      String key = "events/dt=" + java.time.Instant.ofEpochMilli(t).toString().substring(0, 10) + "/part-"
          + RandomIds.hex(r, 12) + ".parquet";
      String agent = UserAgents.boto(RandomIds.stable(w.org().seed(), i.id()), false);
      ApiEvent put = Machines.from(WriteCalls.objectCall(t, e, s, "PutObject", bucket, key, 50_000 + r.nextInt(5_000_000),
          r), w.org(), i, "s3", agent);
      w.emit(ServiceCalls.kmsGenerateDataKey(t - 5, e, s.invokedBy("s3.amazonaws.com"), e.kmsKeys().get(0),
          obj("aws:s3:arn", "arn:aws:s3:::" + bucket)).from("s3.amazonaws.com", "s3.amazonaws.com"));
      w.emit(put);
    }
  }
}
