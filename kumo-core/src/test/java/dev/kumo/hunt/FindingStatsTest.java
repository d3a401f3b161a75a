package dev.kumo.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingStatsTest {
  private static final FindingRule A = new FindingRule(Level.HIGH, "a", null, "A", null, null, "builtin:a",
      List.of(), List.of(), List.of());
  private static final FindingRule B = new FindingRule(Level.LOW, "b", null, "B", null, null, "builtin:b",
      List.of(), List.of(), List.of());

  private static EventSummary event(String id, String principal, String ip) {
    return new EventSummary(id, Instant.EPOCH, "aws.cloudtrail", null, null, principal, null, null, ip, null, null,
        null, null, null, List.of(), "f", 1);
  }

  private static Finding finding(FindingRule rule, EventSummary e) {
    return new Finding(rule, e, null, "r", List.of(e.id()));
  }

  @Test
  void add_countsEveryFindingUnderItsPrincipal_evenWhenAnEventHasSeveral() {
    EventSummary e1 = event("1", "alice", "1.1.1.1");
    EventSummary e2 = event("2", "bob", "2.2.2.2");
    FindingStats stats = new FindingStats();
    stats.add(finding(A, e1));
    stats.add(finding(B, e1));
    stats.add(finding(A, e2));
    stats.add(finding(A, e1));
    assertThat(stats.principals().top(5)).containsExactly(new TopCounter.Entry("alice", 3),
        new TopCounter.Entry("bob", 1));
    assertThat(stats.sourceIps().top(1)).containsExactly(new TopCounter.Entry("1.1.1.1", 3));
    assertThat(stats.total()).isEqualTo(4);
  }

  @Test
  void merge_includesFindingsNotYetCountedOnEitherSide() {
    FindingStats a = new FindingStats();
    FindingStats b = new FindingStats();
    a.add(finding(A, event("1", "alice", "1.1.1.1")));
    b.add(finding(B, event("2", "alice", "1.1.1.1")));
    a.merge(b);
    assertThat(a.principals().top(1)).containsExactly(new TopCounter.Entry("alice", 2));
    assertThat(a.rules()).extracting(RuleCount::ruleId).containsExactlyInAnyOrder("a", "b");
  }
}
