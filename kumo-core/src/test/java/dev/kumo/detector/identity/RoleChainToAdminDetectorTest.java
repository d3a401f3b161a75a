package dev.kumo.detector.identity;

import static dev.kumo.testing.CloudTrailEvents.event;
import static dev.kumo.testing.CloudTrailEvents.instanceRole;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleChainToAdminDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final String PROD = "111122223333";
  private static final String DEV = "444455556666";
  private static final String WEB = instanceRole("webapp-ec2-role", "i-0a1b2c3d4e5f60718");
  private static int clock;

  private final DetectorHarness harness = DetectorHarness.of(
      new RoleChainToAdminDetector(DetectorConfig.DEFAULTS, INTEL));

  private static String roleArn(String account, String name) {
    return "arn:aws:iam::" + account + ":role/" + name;
  }

  /** The userIdentity of a session of {@code role} in {@code account} using {@code key}. */
  private static String session(String account, String role, String key) {
    return CloudTrailEvents.role(role, "s-" + key, key).replace(PROD, account);
  }

  private static String next() {
    return Instant.parse("2026-03-11T02:00:00Z").plusSeconds(10L * ++clock).toString();
  }

  /** An AssumeRole call by {@code caller} into {@code account}/{@code role} that yields {@code newKey}. */
  private static String assume(String id, String caller, String account, String role, String newKey) {
    return event().identity(caller).time(next()).id(id).call("sts.amazonaws.com", "AssumeRole")
        .request("{\"roleArn\":\"" + roleArn(account, role) + "\",\"roleSessionName\":\"s-" + newKey + "\"}")
        .response("{\"credentials\":{\"accessKeyId\":\"" + newKey + "\",\"sessionToken\":\"t\",\"expiration\":"
            + "\"Mar 11, 2026, 3:00:00 AM\"},\"assumedRoleUser\":{\"assumedRoleId\":\"AROAX:s-" + newKey + "\","
            + "\"arn\":\"arn:aws:sts::" + account + ":assumed-role/" + role + "/s-" + newKey + "\"}}")
        .json();
  }

  @Test
  void observe_instanceRoleChainsIntoAnotherAccountsAdminRole_firesHigh() {
    List<Finding> f = harness.run(CloudTrailEvents.parse(List.of(
        assume("h1", WEB, PROD, "jump-role", "ASIAJUMP0000000001"),
        assume("h2", session(PROD, "jump-role", "ASIAJUMP0000000001"), DEV, "OrganizationAccountAccessRole",
            "ASIAORG00000000001"))));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("role chain of 2 hops from EC2 instance role "
          + "assumed-role/webapp-ec2-role/i-0a1b2c3d4e5f60718 reached administrative role "
          + "OrganizationAccountAccessRole (by its name), crossing accounts: "
          + "assumed-role/webapp-ec2-role/i-0a1b2c3d4e5f60718 → role/jump-role (111122223333) → "
          + "role/OrganizationAccountAccessRole (444455556666)");
      assertThat(x.evidence()).containsExactly("h1", "h2");
      assertThat(x.techniques()).contains("T1078.004", "T1550.001");
      assertThat(x.threats()).containsExactly("upstream-movement");
    });
  }

  @Test
  void observe_chainReachesRoleGrantedAdministratorAccessEarlier_firesHigh() {
    String grant = event().identity(CloudTrailEvents.user("mallory")).time(next()).account(DEV)
        .call("iam.amazonaws.com", "AttachRolePolicy")
        .request("{\"roleName\":\"reporting\",\"policyArn\":\"arn:aws:iam::aws:policy/AdministratorAccess\"}").json();
    String alice = CloudTrailEvents.user("alice");

    List<Finding> f = harness.run(CloudTrailEvents.parse(List.of(grant,
        assume("u1", alice, DEV, "build", "ASIABUILD000000001"),
        assume("u2", session(DEV, "build", "ASIABUILD000000001"), DEV, "reporting", "ASIAREPORT00000001"))));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).startsWith("role chain of 2 hops from user user/alice reached administrative role "
          + "reporting (granted AdministratorAccess earlier), crossing accounts:");
    });
  }

  @Test
  void observe_workloadChainReachesRoleWithInlineStarPolicy_firesHigh() {
    String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    String grant = event().time(next()).call("iam.amazonaws.com", "PutRolePolicy")
        .request("{\"roleName\":\"etl-helper\",\"policyName\":\"p\",\"policyDocument\":\""
            + URLEncoder.encode(doc, StandardCharsets.UTF_8) + "\"}").json();
    String lambda = event().identity("{\"type\":\"AWSService\",\"invokedBy\":\"lambda.amazonaws.com\"}").time(next())
        .ip("lambda.amazonaws.com").call("sts.amazonaws.com", "AssumeRole")
        .request("{\"roleArn\":\"" + roleArn(PROD, "fn-role") + "\",\"roleSessionName\":\"fn\"}")
        .response("{\"credentials\":{\"accessKeyId\":\"ASIAFN000000000001\"},\"assumedRoleUser\":{\"arn\":"
            + "\"arn:aws:sts::111122223333:assumed-role/fn-role/fn\"}}").json();

    List<Finding> f = harness.run(CloudTrailEvents.parse(List.of(grant, lambda,
        assume("w1", session(PROD, "fn-role", "ASIAFN000000000001"), PROD, "etl", "ASIAETL00000000001"),
        assume("w2", session(PROD, "etl", "ASIAETL00000000001"), PROD, "etl-helper", "ASIAHELP0000000001"))));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).startsWith("role chain of 2 hops from workload role lambda.amazonaws.com → role/fn-role "
          + "reached administrative role etl-helper (granted inline policy allowing Action * earlier):");
      assertThat(x.evidence()).hasSize(3);
    });
  }

  @Test
  void observe_ordinaryAdminAccess_doesNotFire() {
    String alice = CloudTrailEvents.user("alice");
    String sso = CloudTrailEvents.role("AWSReservedSSO_AdministratorAccess_0123456789abcdef", "priya", "ASIASSO0000000001");
    assertThat(harness.run(CloudTrailEvents.parse(List.of(
        // One hop from a person or an instance into an admin role, even across accounts.
        assume("a", sso, DEV, "OrganizationAccountAccessRole", "ASIAX0000000000001"),
        assume("b", WEB, DEV, "DeployAdmin", "ASIAX0000000000002"),
        // Two hops by a person within one account.
        assume("c", alice, PROD, "ops", "ASIAX0000000000003"),
        assume("d", session(PROD, "ops", "ASIAX0000000000003"), PROD, "AdminRole", "ASIAX0000000000004"),
        // Two hops from an instance, across accounts, to a role that is not administrative.
        assume("e", WEB, PROD, "jump-role", "ASIAX0000000000005"),
        assume("f", session(PROD, "jump-role", "ASIAX0000000000005"), DEV, "read-metrics", "ASIAX0000000000006"),
        // A failed hop makes no session.
        event().identity(session(PROD, "jump-role", "ASIAX0000000000005")).time(next()).error("AccessDenied")
            .call("sts.amazonaws.com", "AssumeRole").request("{\"roleArn\":\"" + roleArn(DEV, "Admin") + "\"}")
            .json())))).isEmpty();
  }

  @Test
  void observe_roleJuggling_firesMediumOnceAtMaxDepth() {
    List<String> records = new ArrayList<>();
    String caller = CloudTrailEvents.user("alice");
    for (int i = 0; i < 8; i++) {
      String role = i % 2 == 0 ? "blue" : "green";
      String key = String.format("ASIAJUGGLE%08d", i);
      records.add(assume("j" + i, caller, PROD, role, key));
      caller = session(PROD, role, key);
    }

    assertThat(harness.run(CloudTrailEvents.parse(records))).singleElement().satisfies(x -> {
      assertThat(x.rule().level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("role chain of 4 hops from user user/alice reached green: user/alice → "
          + "role/blue (111122223333) → role/green (111122223333) → role/blue (111122223333) → "
          + "role/green (111122223333)");
      assertThat(x.evidence()).containsExactly("j0", "j1", "j2", "j3");
    });
  }

  @Test
  void observe_samePathOnLaterDays_isRoutineAndLow() {
    List<String> records = new ArrayList<>();
    for (int day = 0; day < 3; day++) {
      String user = CloudTrailEvents.user("alice");
      String jumpKey = String.format("ASIAHUB%011d", day);
      String t = "2026-03-1" + day + "T09:00:";
      records.add(event().identity(user).time(t + "00Z").id("hub" + day).call("sts.amazonaws.com", "AssumeRole")
          .request("{\"roleArn\":\"" + roleArn(PROD, "jump") + "\"}")
          .response("{\"credentials\":{\"accessKeyId\":\"" + jumpKey + "\"}}").json());
      records.add(event().identity(session(PROD, "jump", jumpKey)).time(t + "30Z").id("spoke" + day)
          .call("sts.amazonaws.com", "AssumeRole").request("{\"roleArn\":\"" + roleArn(DEV, "PlatformAdmin") + "\"}")
          .response("{\"credentials\":{\"accessKeyId\":\"ASIASPOKE" + jumpKey + "\"}}").json());
    }

    List<Finding> f = harness.run(CloudTrailEvents.parse(records));

    assertThat(f).extracting(x -> x.rule().level()).containsExactly(Level.HIGH, Level.LOW, Level.LOW);
    assertThat(f.get(2).reason()).endsWith("; the same since 2026-03-10 09:00");
  }

  @Test
  void observe_crossAccountCallLoggedInBothAccounts_isFollowedOnce() {
    // The role's account logs the caller as AWSAccount, with the same new session.
    String first = assume("x1", WEB, DEV, "jump-role", "ASIAJUMP0000000009");
    // At the same time, and sorted first (by event id).
    String copy = first.replace(WEB, "{\"type\":\"AWSAccount\",\"principalId\":\"AROAEXAMPLE:i-0a1b2c3d4e5f60718\","
        + "\"accountId\":\"111122223333\"}").replace("x1", "x0");
    String second = assume("x2", session(DEV, "jump-role", "ASIAJUMP0000000009"), DEV, "Administrator",
        "ASIAADMIN000000009");

    assertThat(harness.run(CloudTrailEvents.parse(List.of(copy, first, second)))).singleElement()
        .satisfies(x -> assertThat(x.reason()).startsWith("role chain of 2 hops from EC2 instance role"));
  }

  @Test
  void thirtyDaysOfOrdinaryRoleUse_raiseNothing() {
    List<String> records = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      String day = String.format("2026-04-%02dT", d + 1);
      // A person signs in through SSO and switches into the admin role of another account.
      String sso = CloudTrailEvents.role("AWSReservedSSO_AdministratorAccess_0123456789abcdef", "priya",
          "ASIASSO" + d);
      records.add(assumeAt(sso, day + "09:00:00Z", DEV, "OrganizationAccountAccessRole", "ASIAORG" + d));
      // CI: web identity into the deploy role, which assumes each account's deploy role.
      records.add(event().identity("{\"type\":\"WebIdentityUser\",\"principalId\":\"repo:nw/app\","
          + "\"userName\":\"repo:nw/app\",\"identityProvider\":\"token.actions.githubusercontent.com\"}")
          .time(day + "10:00:00Z").call("sts.amazonaws.com", "AssumeRoleWithWebIdentity")
          .request("{\"roleArn\":\"" + roleArn(PROD, "github-actions-deploy") + "\"}")
          .response("{\"credentials\":{\"accessKeyId\":\"ASIAGH" + d + "\"}}").json());
      for (String account : List.of(PROD, DEV)) {
        records.add(assumeAt(session(PROD, "github-actions-deploy", "ASIAGH" + d), day + "10:00:05Z", account,
            "deploy", "ASIADEPLOY" + account + d));
      }
      // Functions and tasks get their roles from the services, hourly.
      for (int h = 0; h < 24; h++) {
        records.add(event().identity("{\"type\":\"AWSService\",\"invokedBy\":\"ecs-tasks.amazonaws.com\"}")
            .time(day + String.format("%02d:05:00Z", h)).ip("ecs-tasks.amazonaws.com")
            .call("sts.amazonaws.com", "AssumeRole").request("{\"roleArn\":\"" + roleArn(PROD, "etl-task") + "\"}")
            .response("{\"credentials\":{\"accessKeyId\":\"ASIAETL" + d + "X" + h + "\"}}").json());
      }
    }
    assertThat(harness.run(CloudTrailEvents.parse(records))).isEmpty();
  }

  private static String assumeAt(String caller, String time, String account, String role, String newKey) {
    return event().identity(caller).time(time).call("sts.amazonaws.com", "AssumeRole")
        .request("{\"roleArn\":\"" + roleArn(account, role) + "\"}")
        .response("{\"credentials\":{\"accessKeyId\":\"" + newKey + "\"}}").json();
  }

  @Test
  void manySessions_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new RoleChainToAdminDetector(
        new DetectorConfig(Map.of(RoleChainToAdminDetector.NAME, Map.of("max-sessions", "100")), "test"), INTEL));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      records.add(assume("m" + i, CloudTrailEvents.user("u" + i), PROD, "r" + i, String.format("ASIAMANY%010d", i)));
    }

    assertThat(small.run(CloudTrailEvents.parse(records))).isEmpty();
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(100 + 10 + 10);
    assertThat(small.lastRunner().evicted()).isEqualTo(3_000 - 100);
  }

  @Test
  void allowsEverything_readsPlainAndEncodedPolicies() {
    assertThat(RoleChainToAdminDetector.allowsEverything(
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"*\"],\"Resource\":\"*\"}}")).isTrue();
    assertThat(RoleChainToAdminDetector.allowsEverything(
        "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%7D%5D%7D")).isTrue();
    assertThat(RoleChainToAdminDetector.allowsEverything(
        "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\"},{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}"))
        .isFalse();
    assertThat(RoleChainToAdminDetector.allowsEverything("not json")).isFalse();
  }

  @Test
  void advance_nothingWaitsForTime_streamRaisesWhatTheBatchRaises() {
    assertThat(StreamReplay.assertStreamMatchesBatch(harness, CloudTrailEvents.parse(List.of(
        assume("h1", WEB, PROD, "jump-role", "ASIAJUMP0000000001"),
        assume("h2", session(PROD, "jump-role", "ASIAJUMP0000000001"), DEV, "OrganizationAccountAccessRole",
            "ASIAORG00000000001"))), true)).hasSize(1);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, CloudTrailEvents.parse(List.of(
        assume("h1", WEB, PROD, "jump-role", "ASIAJUMP0000000001"),
        assume("h2", session(PROD, "jump-role", "ASIAJUMP0000000001"), DEV, "OrganizationAccountAccessRole",
            "ASIAORG00000000001"))));
  }
}
