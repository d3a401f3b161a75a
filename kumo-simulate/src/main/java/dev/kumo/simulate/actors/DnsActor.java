package dev.kumo.simulate.actors;

import dev.kumo.simulate.dns.DnsQuery;
import dev.kumo.simulate.dns.DnsQuery.Answer;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Addresses;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DNS queries of each VPC's instances as the Route 53 Resolver logs them: AWS service endpoints (the
 * SDKs, the SSM agent, the CloudWatch agent), the estate's RDS clusters, package mirrors and GitHub,
 * the SaaS the applications call (Datadog, Stripe, SendGrid, Slack, Sentry), AAAA look-ups that have
 * no answer, search-domain expansions that end in NXDOMAIN, and reverse look-ups of private addresses.
 */
final class DnsActor implements Actor {
  private static final ZoneId CUSTOMERS = ZoneId.of("America/New_York");
  private static final double PEAK_PER_HOUR = 500;
  private static final String[] AWS_SERVICES = {"sts", "ssm", "ssmmessages", "ec2messages", "logs", "monitoring",
      "secretsmanager", "kms", "dynamodb", "sqs", "ec2", "api.ecr", "sns"};
  /** Hosts outside AWS and the addresses they resolve to (CNAME target first where they have one). */
  private static final String[][] EXTERNAL = {
      {"archive.ubuntu.com.", "", "91.189.91.38", "185.125.190.36"},
      {"security.ubuntu.com.", "", "91.189.91.39", "185.125.190.39"},
      {"pypi.org.", "", "151.101.0.223", "151.101.64.223"},
      {"files.pythonhosted.org.", "dualstack.python.map.fastly.net.", "151.101.0.223"},
      {"registry.npmjs.org.", "", "104.16.24.35", "104.16.25.35"},
      {"github.com.", "", "140.82.112.4"},
      {"api.github.com.", "", "140.82.114.6"},
      {"objects.githubusercontent.com.", "", "185.199.108.133", "185.199.109.133"},
      {"api.datadoghq.com.", "alb-api-datadoghq-com.datadoghq.com.", "3.233.146.22", "3.233.146.103"},
      {"http-intake.logs.datadoghq.com.", "alb-logs-http-shard0.datadoghq.com.", "3.233.158.48"},
      {"api.stripe.com.", "", "54.187.174.169", "54.187.205.235"},
      {"api.sendgrid.com.", "", "149.72.123.1"},
      {"hooks.slack.com.", "", "34.226.36.11"},
      {"o450713.ingest.sentry.io.", "", "34.120.195.249"}};
  private static final Pick.Weighted<String[]> BY_USE = new Pick.Weighted<>(List.of(EXTERNAL),
      new double[] {3, 2, 2, 2, 2, 1, 1, 1, 6, 8, 3, 1, 1, 2});

  private final SplittableRandom random;

  DnsActor(SplittableRandom random) {
    this.random = random;
  }

  private static double peak(Estate e) {
    double p = e.account().kind() == AccountKind.PRODUCTION ? PEAK_PER_HOUR : PEAK_PER_HOUR * 0.3;
    return e.home() ? p : p * 0.5;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    double sum = 0;
    for (Estate e : w.org().estates()) {
      if (!e.instances().isEmpty()) {
        sum += peak(e) * 24 * WorkWeek.trafficMean();
      }
    }
    return sum;
  }

  @Override
  public void start(World w) {
    for (Estate e : w.org().estates()) {
      if (!e.instances().isEmpty()) {
        next(w, e, random.split(), w.timeline().now());
      }
    }
  }

  private void next(World w, Estate e, SplittableRandom r, long now) {
    long t = Arrivals.next(now, peak(e) * w.scale(), x -> WorkWeek.traffic(x, CUSTOMERS), r);
    if (t != Long.MAX_VALUE) {
      w.timeline().at(t, time -> {
        w.emit(query(w, e, r, time));
        next(w, e, r, time);
      });
    }
  }

  private static DnsQuery query(World w, Estate e, SplittableRandom r, long t) {
    Instance i = Pick.one(e.instances(), r);
    String region = e.region();
    String zone = region.equals("us-east-1") ? "ec2.internal." : region + ".compute.internal.";
    int k = r.nextInt(100);
    String name;
    String type = "A";
    String rcode = "NOERROR";
    List<Answer> answers = new ArrayList<>(3);
    if (k < 42) {
      String service = Pick.one(r, AWS_SERVICES);
      name = service + "." + region + ".amazonaws.com.";
      for (int n = 1 + r.nextInt(3); n > 0; n--) {
        answers.add(new Answer(Addresses.awsEndpoint(region, r), "A"));
      }
    } else if (k < 50) {
      name = "s3." + region + ".amazonaws.com.";
      answers.add(new Answer("s3-r-w." + region + ".amazonaws.com.", "CNAME"));
      answers.add(new Answer(Addresses.awsEndpoint(region, r), "A"));
    } else if (k < 58 && !e.databases().isEmpty()) {
      String db = Pick.one(e.databases(), r);
      String id = RandomIds.alnum(RandomIds.stable(w.org().seed(), e.accountId() + region), 12).toLowerCase();
      name = db + ".cluster-" + id + "." + region + ".rds.amazonaws.com.";
      answers.add(new Answer(db + "-1." + id + "." + region + ".rds.amazonaws.com.", "CNAME"));
      answers.add(new Answer(e.vpc().cidrPrefix() + "3." + (100 + r.nextInt(20)), "A"));
    } else if (k < 84) {
      String[] host = BY_USE.pick(r);
      name = host[0];
      if (!host[1].isEmpty()) {
        answers.add(new Answer(host[1], "CNAME"));
      }
      for (int n = 2; n < host.length; n++) {
        answers.add(new Answer(host[n], "A"));
      }
    } else if (k < 92) { // the same names over IPv6: most have no AAAA record
      type = "AAAA";
      name = r.nextBoolean() ? Pick.one(r, AWS_SERVICES) + "." + region + ".amazonaws.com." : Pick.one(r, EXTERNAL)[0];
    } else if (k < 97) { // a resolver library tries the search domain first
      name = Pick.one(r, EXTERNAL)[0] + zone;
      rcode = "NXDOMAIN";
    } else {
      String peer = e.vpc().cidrPrefix() + r.nextInt(4) + "." + (10 + r.nextInt(240));
      String[] o = peer.split("\\.");
      name = o[3] + "." + o[2] + "." + o[1] + "." + o[0] + ".in-addr.arpa.";
      type = "PTR";
      answers.add(new Answer("ip-" + peer.replace('.', '-') + "." + zone, "PTR"));
    }
    return new DnsQuery(e.accountId(), region, e.vpc().id(), t, name, type, rcode, answers, i.privateIp(),
        32_768 + r.nextInt(28_000), r.nextInt(200) == 0 ? "TCP" : "UDP", i.id());
  }
}
