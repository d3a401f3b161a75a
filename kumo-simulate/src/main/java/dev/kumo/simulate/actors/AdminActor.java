package dev.kumo.simulate.actors;

import static dev.kumo.simulate.cloudtrail.Json.obj;

import dev.kumo.simulate.cloudtrail.ApiEvent;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.cloudtrail.api.WriteCalls;
import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Office;
import dev.kumo.simulate.org.PermissionSet;
import dev.kumo.simulate.org.Person;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.ServiceUser;
import java.util.SplittableRandom;

/**
 * Administrators' occasional changes, at the rates they happen: an IAM user for a new integration,
 * access key rotation of a service user, a security group rule for an office's address block, a new
 * bucket set up with public access blocked, encryption and versioning, and the monthly test of the
 * break-glass IAM user's console sign-in with MFA.
 */
final class AdminActor implements Actor {
  private static final double CHANGES_PER_DAY = 1.1;
  private static final double EVENTS_PER_CHANGE = 3.2;

  private final SplittableRandom random;

  AdminActor(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    return CHANGES_PER_DAY * EVENTS_PER_CHANGE;
  }

  @Override
  public void start(World w) {
    next(w, random.split(), w.timeline().now());
  }

  private void next(World w, SplittableRandom r, long now) {
    Person admin = w.org().people().stream().filter(p -> p.permissionSet() == PermissionSet.ADMINISTRATOR)
        .findFirst().orElseThrow();
    double peak = CHANGES_PER_DAY / 24 / WorkWeek.officeMean();
    long t = Arrivals.next(now, peak * w.scale(), x -> WorkWeek.office(x, admin.zone()), r);
    if (t != Long.MAX_VALUE) {
      w.timeline().at(t, time -> {
        change(w, r, time);
        next(w, r, time);
      });
    }
  }

  private void change(World w, SplittableRandom r, long t) {
    Person admin = Pick.one(w.org().people().stream().filter(p -> p.permissionSet() == PermissionSet.ADMINISTRATOR)
        .toList(), r);
    int kind = r.nextInt(100);
    AccountKind where = kind < 50 ? AccountKind.PRODUCTION : kind < 75 ? AccountKind.STAGING : AccountKind.SHARED_SERVICES;
    Estate e = w.org().estates(w.org().account(where)).get(0);
    Role role = w.org().ssoRole(e.account(), PermissionSet.ADMINISTRATOR);
    Identity.RoleSession s = new Identity.RoleSession(e.accountId(), role.name(), role.arn(), role.id(),
        admin.userName(), RandomIds.iam(r, "ASIA", 20), t - 600_000, false, null, null, null);
    Office office = admin.office() != null ? admin.office() : w.org().offices().get(0);
    String ip = admin.office() != null ? office.natIps().get(0) : admin.homeIp();
    Script script = new Script();
    int which = r.nextInt(100);
    if (which < 12) { // a new IAM user for a vendor integration, in a group, with an access key
      String user = "svc-" + Pick.one(r, "pagerduty", "snyk", "sentry", "fivetran", "looker") + "-" + RandomIds.hex(r, 4);
      script.then(0, x -> emit(w, WriteCalls.iamCreateUser(x, e, s, user, RandomIds.iam(r, "AIDA", 21),
          admin.userName()), ip, admin));
      script.then(20_000 + r.nextInt(30_000), x -> emit(w, WriteCalls.iamAddUserToGroup(x, e, s, user,
          "integrations-readonly"), ip, admin));
      script.then(30_000 + r.nextInt(60_000), x -> emit(w, WriteCalls.iamCreateAccessKey(x, e, s, user,
          RandomIds.iam(r, "AKIA", 20)), ip, admin));
    } else if (which < 30) { // rotate a service user's access key: new key, old one disabled, then deleted
      ServiceUser u = Pick.one(w.org().serviceUsers(), r);
      Estate home = w.org().estates().stream().filter(x -> x.accountId().equals(u.account())).findFirst().orElseThrow();
      Identity.RoleSession hs = new Identity.RoleSession(home.accountId(), role.name(),
          "arn:aws:iam::" + home.accountId() + ":role/aws-reserved/sso.amazonaws.com/" + role.name(), role.id(),
          admin.userName(), RandomIds.iam(r, "ASIA", 20), t - 600_000, false, null, null, null);
      String old = RandomIds.iam(r, "AKIA", 20);
      script.then(0, x -> emit(w, WriteCalls.iamListAccessKeys(x, home, hs, u.userName()), ip, admin));
      script.then(15_000, x -> emit(w, WriteCalls.iamCreateAccessKey(x, home, hs, u.userName(),
          RandomIds.iam(r, "AKIA", 20)), ip, admin));
      script.then(3_600_000L + r.nextLong(3_600_000L), x -> emit(w, WriteCalls.iamUpdateAccessKey(x, home, hs,
          u.userName(), old), ip, admin));
      script.then(86_400_000L + r.nextLong(86_400_000L), x -> emit(w, WriteCalls.iamDeleteAccessKey(x, home, hs,
          u.userName(), old), ip, admin));
    } else if (which < 55) { // a security group rule for an office's addresses
      Office o = Pick.one(w.org().offices(), r);
      int port = Pick.one(r, 443, 443, 22, 5432);
      script.then(0, x -> emit(w, WriteCalls.authorizeIngress(x, e, s, Pick.one(e.securityGroups(), r), port, o.cidr(),
          o.city() + " office", r), ip, admin));
    } else if (which < 85) { // a new bucket, private and encrypted
      String bucket = w.org().name() + "-" + Pick.one(r, "reports", "exports", "ml-datasets", "partner-drop", "backups")
          + "-" + RandomIds.hex(r, 6);
      String key = "arn:aws:kms:" + e.region() + ":" + e.accountId() + ":key/" + e.kmsKeys().get(0);
      script.then(0, x -> emit(w, WriteCalls.createBucket(x, e, s, bucket, r), ip, admin));
      script.then(2_000, x -> emit(w, WriteCalls.putPublicAccessBlock(x, e, s, bucket, r), ip, admin));
      script.then(8_000, x -> emit(w, WriteCalls.putBucketEncryption(x, e, s, bucket, key, r), ip, admin));
      script.then(6_000, x -> emit(w, WriteCalls.putBucketVersioning(x, e, s, bucket, r), ip, admin));
      script.then(9_000, x -> emit(w, WriteCalls.putBucketLifecycle(x, e, s, bucket, 365, r), ip, admin));
    } else { // the break-glass user's monthly sign-in test, with MFA
      Estate mgmt = w.org().estates(w.org().account(AccountKind.MANAGEMENT)).get(0);
      Identity.IamUser breakGlass = new Identity.IamUser(mgmt.accountId(), "break-glass-admin",
          RandomIds.iam(RandomIds.stable(w.org().seed(), "breakglass"), "AIDA", 21), null, 0, true);
      script.then(0, x -> w.emit(new ApiEvent(x, mgmt.accountId(), "us-east-1", breakGlass, "signin", "ConsoleLogin")
          .signIn().readOnly(false).from(ip, admin.browser()).response(obj("ConsoleLogin", "Success"))
          .additional(obj("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
              "MobileVersion", "No", "MFAIdentifier", "arn:aws:iam::" + mgmt.accountId() + ":mfa/break-glass-admin",
              "MFAUsed", "Yes"))
          .host("signin.aws.amazon.com")));
    }
    script.start(w, t);
  }

  private static void emit(World w, ApiEvent e, String ip, Person admin) {
    w.emit(e.from(ip, admin.browser()).console());
  }
}
