package dev.kumo.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncidentGrouperTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final FindingRule STEAL = rule("steal", Level.MEDIUM, Tactic.CREDENTIAL_ACCESS, "T1552.005");
  private static final FindingRule HOP = rule("hop", Level.LOW, Tactic.PRIVILEGE_ESCALATION, "T1078.004");
  private static final FindingRule READ = rule("read", Level.HIGH, Tactic.COLLECTION, "T1530");
  private static final FindingRule WIPE = rule("wipe", Level.HIGH, Tactic.IMPACT, "T1485");
  private static final FindingRule INFO = rule("info", Level.INFORMATIONAL, Tactic.DISCOVERY, "T1580");
  private static final String WEB = "arn:aws:sts::111111111111:assumed-role/web/i-0abc";
  private static final String DEPLOY = "arn:aws:sts::111111111111:assumed-role/deploy/x";
  private static final String DATA = "arn:aws:sts::222222222222:assumed-role/data/y";
  private static final IdentityChains CHAIN = new IdentityChains(List.of(
      link("l1", 5, WEB, "ASIAWEB", DEPLOY, "ASIADEPLOY"),
      link("l2", 9, DEPLOY, "ASIADEPLOY", DATA, "ASIADATA")));
  private final IncidentGrouper grouper = new IncidentGrouper(GroupingOptions.DEFAULTS, AttackCatalog.bundled());

  private static FindingRule rule(String id, Level level, Tactic tactic, String technique) {
    return new FindingRule(level, id, null, "Rule " + id, null, null, "builtin:" + id, List.of(technique),
        List.of(tactic), List.of("data-theft"));
  }

  private static IdentityLink link(String id, int minute, String from, String fromKey, String to, String toKey) {
    return new IdentityLink(id, T0.plusSeconds(60L * minute), "AssumeRole", "111111111111", from, fromKey,
        "AssumedRole", to, toKey, null, "203.0.113.9");
  }

  private static Finding finding(FindingRule rule, String eventId, int minute, String principal, String key,
      String ip) {
    EventSummary e = new EventSummary(eventId, T0.plusSeconds(60L * minute), "aws.cloudtrail", "111111111111",
        "us-east-1", principal, principal == null ? null : "AssumedRole", key, ip, null, null, null, null, null,
        List.of(), "f", 1);
    return new Finding(rule, e, null, "reason", List.of(eventId));
  }

  @Test
  void group_roleChainFromStolenKey_becomesOneIncident() {
    List<Finding> fs = List.of(
        finding(STEAL, "e1", 1, WEB, "ASIAWEB", "203.0.113.9"),
        finding(HOP, "e2", 10, DEPLOY, "ASIADEPLOY", "198.51.100.4"),
        finding(READ, "e3", 30, DATA, "ASIADATA", "198.51.100.5"));

    List<Incident> incidents = grouper.group(fs, CHAIN);

    assertThat(incidents).hasSize(1);
    Incident i = incidents.get(0);
    assertThat(i.findings()).extracting(FindingKey::eventId).containsExactly("e1", "e2", "e3");
    assertThat(i.narrative()).extracting(NarrativeStep::tactic)
        .containsExactly(Tactic.PRIVILEGE_ESCALATION, Tactic.CREDENTIAL_ACCESS, Tactic.COLLECTION);
    assertThat(i.why()).anyMatch(w -> w.startsWith("joined by identity chain from " + WEB));
    assertThat(i.why()).anyMatch(w -> w.contains(WEB + " -> AssumeRole -> " + DEPLOY + " -> AssumeRole -> " + DATA));
    assertThat(i.level()).isEqualTo(Level.HIGH);
    assertThat(i.principals()).containsExactly(DEPLOY, WEB, DATA);
    assertThat(i.id()).matches("INC-[0-9a-f]{12}");
  }

  @Test
  void group_unrelatedIdentitiesAtSameTime_stayApart() {
    List<Finding> fs = List.of(
        finding(STEAL, "e1", 1, WEB, "ASIAWEB", "203.0.113.9"),
        finding(WIPE, "e2", 2, "arn:aws:iam::111111111111:user/ops", "AKIAOPS", "192.0.2.77"));

    assertThat(grouper.group(fs, CHAIN)).hasSize(2)
        .allSatisfy(i -> assertThat(i.why()).singleElement().asString().startsWith("a single finding"));
  }

  @Test
  void group_sameIdentityBeyondWindow_splits() {
    List<Finding> fs = List.of(
        finding(STEAL, "e1", 0, WEB, "ASIAWEB", "10.0.0.5"),
        finding(READ, "e2", 60 * 7, WEB, "ASIAWEB", "10.0.0.5"));

    assertThat(grouper.group(fs, CHAIN)).hasSize(2);
    assertThat(new IncidentGrouper(new GroupingOptions(Level.LOW, Duration.ofHours(8), 2), AttackCatalog.bundled()).group(fs, CHAIN))
        .hasSize(1);
  }

  @Test
  void group_sharedPublicAddress_joinsFindingWithoutIdentity() {
    List<Finding> fs = List.of(
        finding(STEAL, "alb", 0, null, null, "203.0.113.9"),
        finding(READ, "e2", 4, WEB, "ASIAWEB", "203.0.113.9"));

    assertThat(grouper.group(fs, CHAIN)).singleElement()
        .satisfies(i -> assertThat(i.why()).anyMatch(w -> w.startsWith("joined by source address 203.0.113.9")));
  }

  @Test
  void group_addressSharedByManyIdentities_doesNotJoin() {
    List<Finding> fs = List.of(
        finding(STEAL, "e1", 0, "arn:aws:iam::1:user/a", "AKIAA", "192.0.2.1"),
        finding(STEAL, "e2", 1, "arn:aws:iam::1:user/b", "AKIAB", "192.0.2.1"),
        finding(STEAL, "e3", 2, "arn:aws:iam::1:user/c", "AKIAC", "192.0.2.1"));

    assertThat(grouper.group(fs, CHAIN)).hasSize(3);
  }

  @Test
  void group_informationalAndSuppressedFindings_areLeftOut() {
    List<Finding> fs = List.of(
        finding(INFO, "e1", 0, WEB, "ASIAWEB", "203.0.113.9"),
        finding(WIPE, "e2", 1, WEB, "ASIAWEB", "203.0.113.9").suppressed("known-test"));

    assertThat(grouper.group(fs, CHAIN)).isEmpty();
  }

  @Test
  void group_entryThenImpact_raisesLevel() {
    List<Finding> fs = List.of(
        finding(STEAL, "e1", 0, WEB, "ASIAWEB", "203.0.113.9"),
        finding(WIPE, "e2", 3, WEB, "ASIAWEB", "203.0.113.9"));

    Incident i = grouper.group(fs, CHAIN).get(0);

    assertThat(i.level()).isEqualTo(Level.CRITICAL);
    assertThat(i.title()).isEqualTo("Impact: Rule wipe by web/i-0abc");
  }

  @Test
  void group_inputOrder_doesNotChangeResult() {
    List<Finding> fs = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      String who = n % 3 == 0 ? WEB : n % 3 == 1 ? DEPLOY : "arn:aws:iam::1:user/u" + (n % 5);
      fs.add(finding(n % 2 == 0 ? READ : WIPE, "e" + n, n * 17 % 500, who, null, "198.51.100." + (n % 7)));
    }
    List<Incident> expected = grouper.group(fs, CHAIN);
    Collections.shuffle(fs, new Random(3));

    assertThat(grouper.group(fs, CHAIN)).isEqualTo(expected);
  }
}
