package dev.kumo.simulate.actors;

import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Errors;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.api.ReadCall;
import dev.kumo.simulate.cloudtrail.api.StsCalls;
import dev.kumo.simulate.cloudtrail.api.WriteCalls;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.Account;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Organisation;
import dev.kumo.simulate.org.PermissionSet;
import dev.kumo.simulate.org.Person;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.Team;
import dev.kumo.simulate.org.UserAgents;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * People at work: each signs in through IAM Identity Center a few times a day in office hours of
 * their own time zone (from the office NAT, or from home), into the accounts their team works in,
 * then browses the console or runs CLI commands: mostly reads, some everyday changes, a few calls
 * their permission set does not allow and some throttled ones.
 */
final class PeopleActor implements Actor {
  /** Sessions an hour of a person at peak. */
  private static final double PEAK_SESSIONS_PER_HOUR = 0.55;
  private static final double MEAN_CALLS_CONSOLE = 45;
  private static final double MEAN_CALLS_CLI = 18;

  private final SplittableRandom random;

  PeopleActor(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    double perSession = 2 + 0.6 * (1 + MEAN_CALLS_CONSOLE) + 0.4 * MEAN_CALLS_CLI;
    return w.org().people().size() * PEAK_SESSIONS_PER_HOUR * 24 * WorkWeek.officeMean() * perSession;
  }

  @Override
  public void start(World w) {
    for (Person p : w.org().people()) {
      SplittableRandom r = random.split();
      scheduleNext(w, p, r, w.timeline().now());
    }
  }

  private void scheduleNext(World w, Person p, SplittableRandom r, long now) {
    long t = Arrivals.next(now, PEAK_SESSIONS_PER_HOUR * w.scale(), time -> WorkWeek.office(time, p.zone()), r);
    if (t != Long.MAX_VALUE) {
      w.timeline().at(t, time -> {
        new Session(w, p, r, time).begin();
        scheduleNext(w, p, r, time);
      });
    }
  }

  /** One sign-in and the calls that follow, one task per call. */
  private static final class Session {
    private final World w;
    private final Person p;
    private final SplittableRandom r;
    private final Account account;
    private final PermissionSet set;
    private final boolean console;
    private final String ip;
    private final Identity.RoleSession identity;
    private int remaining;

    Session(World w, Person p, SplittableRandom r, long t) {
      this.w = w;
      this.p = p;
      this.r = r;
      Organisation org = w.org();
      this.account = org.account(targetKind(p.team(), r));
      this.set = effectiveSet(p, account);
      this.console = p.team() == Team.FINANCE || r.nextDouble() < 0.6;
      this.ip = address(p, t, r);
      Role role = org.ssoRole(account, set);
      this.identity = new Identity.RoleSession(account.id(), role.name(), role.arn(), role.id(), p.userName(),
          RandomIds.iam(r, "ASIA", 20), t, false, null, null, null);
      double mean = console ? MEAN_CALLS_CONSOLE : MEAN_CALLS_CLI;
      this.remaining = 1 + (int) (Arrivals.exponential(r) * mean);
    }

    void begin() {
      long t = identity.created();
      Organisation org = w.org();
      String idp = "AWSSSO_" + org.ssoSuffix(set).substring(0, 16) + "_DO_NOT_DELETE";
      Identity.SamlUser saml = new Identity.SamlUser(p.userName(), RandomIds.alnum(RandomIds.stable(org.seed(), "idp"), 28) + "=");
      w.emit(StsCalls.assumeRoleWithSaml(t, "us-east-1", saml, identity,
          "arn:aws:iam::" + account.id() + ":saml-provider/" + idp,
          "https://portal.sso.us-east-1.amazonaws.com/saml/assertion/" + RandomIds.alnum(RandomIds.stable(org.seed(), "issuer"), 36),
          r).from(ip, "aws-internal/3 aws-sdk-java/1.12.780 Linux/5.10.234-204.880.amzn2int.x86_64 "
          + "OpenJDK_64-Bit_Server_VM/25.442-b06 java/1.8.0_442 vendor/Oracle_Corporation cfg/retry-mode/standard"));
      if (console) {
        w.emit(new ApiEvent(t + 1500 + r.nextInt(3000), account.id(), "us-east-1", identity, "signin", "ConsoleLogin")
            .signIn().readOnly(false).from(ip, p.browser())
            .response(obj("ConsoleLogin", "Success"))
            .additional(obj("LoginTo", "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true"
                + "&state=hashArgsFromTB_us-east-1_" + RandomIds.hex(r, 16), "MobileVersion", "No", "MFAUsed", "No"))
            .host("signin.aws.amazon.com"));
      }
      w.timeline().at(t + 5000 + Arrivals.gap(20_000, r), this::call);
    }

    void call(long t) {
      List<Estate> estates = w.org().estates(account);
      Estate e = estates.size() == 1 || r.nextDouble() < 0.6 ? estates.get(0) : estates.get(1 + r.nextInt(estates.size() - 1));
      ApiEvent ev = r.nextDouble() < writeShare() ? write(t, e) : read(t, e);
      if (ev != null) {
        w.emit(ev);
      }
      if (--remaining > 0) {
        w.timeline().at(t + Arrivals.gap(console ? 22_000 : 9_000, r), this::call);
      }
    }

    private double writeShare() {
      return set.readOnly() ? 0.01 : p.team() == Team.PLATFORM ? 0.07 : 0.04;
    }

    private ApiEvent read(long t, Estate e) {
      ReadCall c = (p.team() == Team.SECURITY && r.nextBoolean() ? ReadMix.SECURITY_REVIEW : ReadMix.CONSOLE).pick(e, r);
      ApiEvent ev = c.event(t, e, identity, r);
      decorate(ev, c.cli());
      if (!ev.failed()) {
        double u = r.nextDouble();
        if (u < 0.012) {
          Errors.accessDenied(ev, "arn:aws:" + c.service() + ":" + e.region() + ":" + e.accountId() + ":*");
        } else if (u < 0.018) {
          Errors.throttled(ev);
        }
      }
      return ev;
    }

    private ApiEvent write(long t, Estate e) {
      ApiEvent ev;
      boolean staging = account.kind() == AccountKind.STAGING;
      int choice = r.nextInt(p.team() == Team.DATA ? 9 : 8);
      String cli;
      if (choice == 8 || p.team() == Team.FINANCE) {
        ev = WriteCalls.startQuery(t, e, identity, "SELECT order_date, count(*) FROM orders WHERE order_date >= date '"
            + Instant.ofEpochMilli(t - 7 * 86_400_000L).toString().substring(0, 10) + "' GROUP BY 1", r);
        cli = "athena";
      } else if (choice == 0 && e.ecsCluster() != null) {
        ev = WriteCalls.ecsUpdateService(t, e, identity, Pick.one(e.ecsServices(), r), 40 + r.nextInt(30));
        cli = "ecs";
      } else if (choice == 1 && !e.functions().isEmpty()) {
        ev = WriteCalls.lambdaUpdateConfiguration(t, e, identity, Pick.one(e.functions(), r), r);
        cli = "lambda";
      } else if (choice == 2 && !e.parameters().isEmpty()) {
        ev = WriteCalls.ssmPutParameter(t, e, identity, Pick.one(e.parameters(), r), 2 + r.nextInt(40));
        cli = "ssm";
      } else if (choice == 3 && staging && !e.instances().isEmpty()) {
        ev = WriteCalls.stopOrStart(t, e, identity, Pick.one(e.instances(), r).id(), isEvening(t), r);
        cli = "ec2";
      } else if (choice == 4 && !e.logGroups().isEmpty()) {
        ev = WriteCalls.putRetentionPolicy(t, e, identity, Pick.one(e.logGroups(), r), Pick.one(r, 14, 30, 90, 365));
        cli = "logs";
      } else if (choice == 5 && !e.buckets().isEmpty()) {
        ev = WriteCalls.putBucketTagging(t, e, identity, Pick.one(e.buckets(), r), p.team().name().toLowerCase(), r);
        cli = "s3api";
      } else if (choice == 6) {
        ev = WriteCalls.putMetricAlarm(t, e, identity, e.accountId().substring(8) + "-" + Pick.one(r, "high-cpu",
            "disk-usage", "5xx-rate", "latency-p99"));
        cli = "cloudwatch";
      } else if (!e.instances().isEmpty()) {
        ev = WriteCalls.createTags(t, e, identity, Pick.one(e.instances(), r).id(), "owner",
            p.userName().substring(0, p.userName().indexOf('@')), r);
        cli = "ec2";
      } else {
        return read(t, e);
      }
      decorate(ev, cli);
      if (set.readOnly() || set == PermissionSet.BILLING && !cli.equals("athena")) {
        Errors.accessDenied(ev, "arn:aws:" + cli + ":" + e.region() + ":" + e.accountId() + ":*");
      } else if (r.nextDouble() < 0.01) {
        Errors.throttled(ev);
      }
      return ev;
    }

    private void decorate(ApiEvent ev, String cli) {
      if (console) {
        ev.from(ip, p.browser()).console();
      } else if (p.team() == Team.DATA && r.nextBoolean()) {
        ev.from(ip, p.sdk());
      } else {
        ev.from(ip, UserAgents.withCommand(p.cli(), cli, ev.eventName()));
      }
    }

    private boolean isEvening(long t) {
      return Instant.ofEpochMilli(t).atZone(p.zone()).getHour() >= 17;
    }

    private static AccountKind targetKind(Team team, SplittableRandom r) {
      double u = r.nextDouble();
      return switch (team) {
        case ENGINEERING -> u < 0.55 ? AccountKind.STAGING : u < 0.9 ? AccountKind.PRODUCTION : AccountKind.SHARED_SERVICES;
        case PLATFORM -> u < 0.35 ? AccountKind.PRODUCTION : u < 0.6 ? AccountKind.STAGING
            : u < 0.8 ? AccountKind.SHARED_SERVICES : u < 0.9 ? AccountKind.SECURITY : AccountKind.MANAGEMENT;
        case SECURITY -> u < 0.5 ? AccountKind.SECURITY : u < 0.7 ? AccountKind.PRODUCTION
            : u < 0.85 ? AccountKind.MANAGEMENT : u < 0.95 ? AccountKind.SHARED_SERVICES : AccountKind.STAGING;
        case DATA -> u < 0.7 ? AccountKind.PRODUCTION : AccountKind.STAGING;
        case FINANCE -> AccountKind.MANAGEMENT;
      };
    }

    /** Developers get read-only access to production; everyone else works with their own set. */
    private static PermissionSet effectiveSet(Person p, Account a) {
      if (p.permissionSet() == PermissionSet.DEVELOPER && a.kind() == AccountKind.PRODUCTION) {
        return PermissionSet.READ_ONLY;
      }
      return p.permissionSet();
    }

    /** The office NAT on weekdays in office hours (most of the time), else home. */
    private static String address(Person p, long t, SplittableRandom r) {
      var local = Instant.ofEpochMilli(t).atZone(p.zone());
      boolean weekday = local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
      if (p.office() != null && weekday && local.getHour() >= 8 && local.getHour() < 18 && r.nextDouble() < 0.7) {
        List<String> nat = p.office().natIps();
        return nat.get(Math.floorMod(p.userName().hashCode(), 2));
      }
      return p.homeIp();
    }
  }
}
