package dev.kumo.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.SigmaRule;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningProfileTest {
  private static final String RULES = """
      title: Noisy
      id: 11111111-1111-4111-8111-111111111111
      name: noisy
      status: stable
      logsource: {product: aws, service: cloudtrail}
      detection:
          selection: {eventName: AssumeRole}
          condition: selection
      level: high
      ---
      title: Loud
      id: 22222222-2222-4222-8222-222222222222
      status: stable
      logsource: {product: aws, service: cloudtrail}
      detection:
          selection: {eventName: SendCommand}
          condition: selection
      level: high
      ---
      title: Untouched
      id: 33333333-3333-4333-8333-333333333333
      status: stable
      logsource: {product: aws, service: cloudtrail}
      detection:
          selection: {eventName: StopLogging}
          condition: selection
      level: high
      """;

  private static List<SigmaRule> rules() {
    return new RuleLoader().loadText(RULES, "rules.yml", false).rules();
  }

  private static TuningProfile profile(String yaml, String file) {
    return TuningProfile.read(new StringReader(yaml), file);
  }

  @Test
  void apply_disableLevelAndExperimental_changeOnlyTheNamedRules() {
    TuningProfile p = profile("""
        tuning:
          - rule: noisy
            action: disable
            reason: fires on every assumed role
          - rule: 22222222-2222-4222-8222-222222222222
            action: level
            level: low
            reason: routine maintenance windows
        """, "mine.yml");
    TuningProfile.Result r = p.apply(rules());
    assertThat(r.rules()).extracting(x -> x.meta().title()).containsExactly("Loud", "Untouched");
    assertThat(r.rules().get(0).meta().level()).isEqualTo(Level.LOW);
    assertThat(r.rules().get(1).meta().level()).isEqualTo(Level.HIGH);
    assertThat(r.applied()).extracting(a -> a.entry().reason())
        .containsExactly("fires on every assumed role", "routine maintenance windows");
    assertThat(r.unmatched()).isEmpty();
  }

  @Test
  void apply_experimental_setsTheStatusSoTheRuleRunsDry() {
    TuningProfile p = profile("""
        tuning:
          - rule: noisy
            action: experimental
            reason: measuring it first
        """, "mine.yml");
    SigmaRule tuned = p.apply(rules()).rules().get(0);
    assertThat(tuned.meta().status()).isEqualTo("experimental");
  }

  @Test
  void apply_userEntryNamingNoLoadedRule_isReportedUnmatched() {
    TuningProfile p = profile("""
        tuning:
          - rule: nosiy
            action: disable
            reason: typo in the name
        """, "mine.yml");
    TuningProfile.Result r = p.apply(rules());
    assertThat(r.rules()).hasSize(3);
    assertThat(r.unmatched()).singleElement().satisfies(e -> {
      assertThat(e.rule()).isEqualTo("nosiy");
      assertThat(e.file()).isEqualTo("mine.yml");
      assertThat(e.line()).isPositive();
    });
  }

  @Test
  void apply_builtinProfileWithoutSigmaHqRules_reportsNothingUnmatched() {
    TuningProfile.Result r = TuningProfile.builtin().apply(rules());
    assertThat(r.applied()).isEmpty();
    assertThat(r.unmatched()).isEmpty();
  }

  @Test
  void builtin_everyEntryHasAReasonAndAValidAction() {
    assertThat(TuningProfile.builtin().entries()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.reason()).isNotBlank();
      if (e.action() == TuningEntry.Action.LEVEL) {
        assertThat(e.level()).isNotNull();
      }
    });
  }
}
