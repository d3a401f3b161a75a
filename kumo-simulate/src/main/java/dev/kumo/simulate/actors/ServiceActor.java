package dev.kumo.simulate.actors;

import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Errors;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.api.ReadCall;
import dev.kumo.simulate.cloudtrail.api.ServiceCalls;
import dev.kumo.simulate.cloudtrail.api.StsCalls;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.Addresses;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.UserAgents;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * AWS services and integrations acting in every estate: AWS Config recording resources through its
 * service-linked role, Trusted Advisor checks, the Datadog integration polling through its
 * cross-account role, CloudTrail asking KMS for data keys to encrypt log files, and EC2 Auto
 * Scaling adding instances in the morning and removing them at night.
 */
final class ServiceActor implements Actor {
  /** Datadog's AWS account, which assumes the integration role. */
  static final String DATADOG_ACCOUNT = "464622532012";
  private static final double CONFIG_PER_HOUR = 40;
  private static final double TA_PER_HOUR = 12;
  private static final double DATADOG_PER_HOUR = 90;
  private static final double SCALING_PER_HOUR = 0.4;
  private static final ZoneId CUSTOMERS = ZoneId.of("America/New_York");

  private final SplittableRandom random;

  ServiceActor(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    double perEstate = (CONFIG_PER_HOUR + TA_PER_HOUR + DATADOG_PER_HOUR * 1.02) * 24;
    return w.org().estates().size() * perEstate + 2 * 24 * SCALING_PER_HOUR * WorkWeek.trafficMean() * 4;
  }

  @Override
  public double fixedEventsPerDay(World w) {
    return w.org().estates().size() * 288;
  }

  @Override
  public void start(World w) {
    for (Estate e : w.org().estates()) {
      poisson(w, e, random.split(), CONFIG_PER_HOUR, this::config);
      poisson(w, e, random.split(), TA_PER_HOUR, this::trustedAdvisor);
      poisson(w, e, random.split(), DATADOG_PER_HOUR, this::datadog);
      SplittableRandom r = random.split();
      w.timeline().at(w.timeline().now() + r.nextLong(300_000), new TrailKeys(w, e, r)::run);
      if (!e.autoScalingGroups().isEmpty()) {
        poissonWeighted(w, e, random.split(), SCALING_PER_HOUR * 4, this::scale);
      }
    }
  }

  private interface Act {
    void act(World w, Estate e, SplittableRandom r, long t);
  }

  private void poisson(World w, Estate e, SplittableRandom r, double perHour, Act act) {
    long t = Arrivals.next(w.timeline().now(), perHour * w.scale(), x -> 1.0, r);
    w.timeline().at(t, time -> {
      act.act(w, e, r, time);
      poisson(w, e, r, perHour, act);
    });
  }

  private void poissonWeighted(World w, Estate e, SplittableRandom r, double perHour, Act act) {
    long t = Arrivals.next(w.timeline().now(), perHour * w.scale(), x -> WorkWeek.traffic(x, CUSTOMERS), r);
    w.timeline().at(t, time -> {
      act.act(w, e, r, time);
      poissonWeighted(w, e, r, perHour, act);
    });
  }

  private void config(World w, Estate e, SplittableRandom r, long t) {
    Role role = w.org().role(e.accountId(), "AWSServiceRoleForConfig");
    Identity.RoleSession s = w.sessions().role(role, "AWSConfig-Describe", t, 3_600_000L, false, null,
        "config.amazonaws.com");
    ReadCall c = ReadMix.CONFIG.pick(e, r);
    ApiEvent ev = c.event(t, e, s, r).from("config.amazonaws.com", "config.amazonaws.com");
    if (!ev.failed() && r.nextDouble() < 0.01) {
      Errors.throttled(ev);
    }
    w.emit(ev);
  }

  private void trustedAdvisor(World w, Estate e, SplittableRandom r, long t) {
    Role role = w.org().role(e.accountId(), "AWSServiceRoleForTrustedAdvisor");
    Identity.RoleSession s = w.sessions().role(role, "TrustedAdvisor_" + e.accountId() + "_"
        + RandomIds.uuid(RandomIds.stable(w.org().seed(), e.accountId() + (t / 3_600_000L))), t, 3_600_000L, false,
        null, "trustedadvisor.amazonaws.com");
    w.emit(ReadMix.TRUSTED_ADVISOR.pick(e, r).event(t, e, s, r)
        .from("trustedadvisor.amazonaws.com", "trustedadvisor.amazonaws.com"));
  }

  private void datadog(World w, Estate e, SplittableRandom r, long t) {
    Role role = w.org().role(e.accountId(), "datadog-integration");
    long hour = t / 3_600_000L;
    Identity.RoleSession s = w.sessions().role(role, "DatadogAWSIntegration", t);
    String ip = Addresses.ec2("us-east-1", RandomIds.stable(w.org().seed(), "datadog" + (hour % 7)));
    if (r.nextInt(90) == 0) {
      w.emit(StsCalls.assumeRole(t, e.region(), new Identity.AwsAccount(DATADOG_ACCOUNT,
              "AROAZAJ7TRUSTDATADOG:" + RandomIds.hex(r, 8)), s, 3600, r)
          .from(ip, UserAgents.DATADOG));
    }
    ReadCall c = ReadMix.MONITORING.pick(e, r);
    ApiEvent ev = c.event(t, e, s, r).from(ip, UserAgents.DATADOG);
    if (!ev.failed()) {
      double u = r.nextDouble();
      if (u < 0.02) {
        Errors.throttled(ev);
      } else if (u < 0.025) {
        Errors.accessDenied(ev, "arn:aws:" + c.service() + ":" + e.region() + ":" + e.accountId() + ":*");
      }
    }
    w.emit(ev);
  }

  /** CloudTrail asks the security account's key for a data key for each log file. */
  private record TrailKeys(World w, Estate e, SplittableRandom r) {
    void run(long t) {
      Estate security = w.org().estates(w.org().account(AccountKind.SECURITY)).get(0);
      w.emit(ServiceCalls.kmsGenerateDataKey(t, security, new Identity.AwsService("cloudtrail.amazonaws.com"),
              security.kmsKeys().get(0), obj("aws:cloudtrail:arn", "arn:aws:cloudtrail:us-east-1:"
                  + w.org().account(AccountKind.MANAGEMENT).id() + ":trail/org-trail", "aws:cloudtrail:accountId",
                  e.accountId(), "aws:cloudtrail:region", e.region()))
          .from("cloudtrail.amazonaws.com", "cloudtrail.amazonaws.com"));
      w.timeline().at(t + 300_000 - 5_000 + r.nextInt(10_000), this::run);
    }
  }

  /** EC2 Auto Scaling follows traffic: launches when busy, terminates when quiet. */
  private void scale(World w, Estate e, SplittableRandom r, long t) {
    Role role = w.org().role(e.accountId(), "AWSServiceRoleForAutoScaling");
    Identity.RoleSession s = w.sessions().role(role, "AutoScaling", t, 3_600_000L, false, null,
        "autoscaling.amazonaws.com");
    String group = Pick.one(e.autoScalingGroups(), r);
    String instance = "i-0" + RandomIds.hex(r, 16);
    if (WorkWeek.traffic(t, CUSTOMERS) > 0.65) {
      w.emit(ServiceCalls.autoScalingRunInstances(t, e, s, group, instance,
          e.vpc().cidrPrefix() + (2 + r.nextInt(2)) + "." + (10 + r.nextInt(240)), r));
    } else {
      w.emit(ServiceCalls.autoScalingTerminate(t, e, s, instance, r));
    }
  }
}
