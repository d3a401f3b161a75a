package dev.kumo.serve.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.finding.CorrelationInfo;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {
  @Test
  void of_correlationFinding_carriesFirstLastSeenAndCount() {
    Finding plain = Fixtures.finding(Level.HIGH, "r1", "alice", "trail");
    Finding corr = new Finding(plain.rule(), plain.event(), new CorrelationInfo("event_count", Map.of("p", "alice"),
        List.of("e1", "e2"), 42, 42, Fixtures.T0.minus(Duration.ofMinutes(5))), "42 failures", List.of("e1"));
    Alert a = Alert.of(corr, Fixtures.T0);
    assertThat(a.count()).isEqualTo(42);
    assertThat(a.firstSeen()).isEqualTo(Fixtures.T0.minus(Duration.ofMinutes(5)));
    assertThat(a.lastSeen()).isEqualTo(Fixtures.T0);
    Alert single = Alert.of(plain, Fixtures.T0);
    assertThat(single.count()).isEqualTo(1);
    assertThat(single.firstSeen()).isNull();
    assertThat(single.credit()).isEqualTo("Rule by Jane Doe (SigmaHQ) (DRL-1.1)");
    assertThat(single.techniques()).containsExactly("T1562.008");
    assertThat(single.tactics()).containsExactly("Defense Impairment");
  }

  @Test
  void dedupKey_isRuleActorAndResources() {
    Alert a = Alert.of(Fixtures.finding(Level.HIGH, "r1", "alice", "trail"), Fixtures.T0);
    assertThat(a.dedupKey()).isEqualTo(Alert.of(Fixtures.finding(Level.LOW, "r1", "alice", "trail"),
        Fixtures.T0.plusSeconds(5)).dedupKey());
    assertThat(a.dedupKey()).isNotEqualTo(Alert.of(Fixtures.finding(Level.HIGH, "r1", "alice", "other"),
        Fixtures.T0).dedupKey());
  }

  @Test
  void chatCut_neverSplitsAnEntityOrAMarkdownEscape() {
    assertThat(ChatText.cut("abc&amp;def", 6)).isEqualTo("abc\u2026");
    assertThat(ChatText.cut("abcd\\*ef", 6)).isEqualTo("abcd\u2026");
    assertThat(ChatText.cut("short", 10)).isEqualTo("short");
  }

  @Test
  void slackEscape_breaksBroadcastsAndBrackets() {
    assertThat(ChatText.slack("hi @Channel <!everyone> a&b")).isEqualTo("hi @\u2060Channel &lt;!everyone&gt; a&amp;b");
  }
}
