package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kumo.hunt.FindingGate;
import dev.kumo.hunt.HuntOptions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RulesUpdateTest {
  private static final String RULE = "title: T\\nid: 33333333-3333-4333-8333-333333333333\\nlogsource: {product: aws, "
      + "service: cloudtrail}\\ndetection:\\n  sel:\\n    eventName: X\\n  condition: sel\\nlevel: low\\n";

  @Test
  void parse_message_givesVersionBuiltinAndRules() {
    RulesUpdate u = RulesUpdate.parse("{\"schema\": \"kumo.rules/1\", \"version\": \"v7\", \"builtin\": false, "
        + "\"rules\": {\"x.yml\": \"" + RULE + "\"}, \"note\": {\"ignored\": true}}");

    assertThat(u.version()).isEqualTo("v7");
    assertThat(u.builtin()).isFalse();
    assertThat(u.rules()).containsOnlyKeys("x.yml");
    RuleSet compiled = RuleBook.compile(u, new FindingGate(HuntOptions.defaults(), LocalDate.of(2026, 1, 1)));
    assertThat(compiled.version()).isEqualTo("v7");
    assertThat(compiled.engine().rules()).hasSize(1);
  }

  @Test
  void parse_messageWithIntel_compilesAnEngineThatMatchesTheIndicators() {
    RulesUpdate u = RulesUpdate.parse("{\"schema\": \"kumo.rules/1\", \"version\": \"v8\", \"builtin\": false, "
        + "\"intel\": {\"bad-ips.txt\": \"203.0.113.66\\n\"}}");

    RuleSet compiled = RuleBook.compile(u, new FindingGate(HuntOptions.defaults(), LocalDate.of(2026, 1, 1)));
    assertThat(u.intel()).containsOnlyKeys("bad-ips.txt");
    assertThat(compiled.engine().detectors()).extracting(b -> b.detector().getClass().getSimpleName())
        .containsExactly("IntelMatchDetector");
    assertThatIllegalArgumentException().isThrownBy(() -> RulesUpdate.parse("{\"schema\": \"kumo.rules/1\", "
        + "\"version\": \"v\", \"intel\": {\"../x\": \"1.2.3.4\"}}")).withMessageContaining("plain file name");
  }

  @Test
  void parse_badMessages_areRefusedWithTheReason() {
    assertThatIllegalArgumentException().isThrownBy(() -> RulesUpdate.parse("{\"schema\": \"other/1\", \"version\": \"v\"}"))
        .withMessageContaining("schema must be kumo.rules/1");
    assertThatIllegalArgumentException().isThrownBy(() -> RulesUpdate.parse("{\"schema\": \"kumo.rules/1\"}"))
        .withMessageContaining("'version' is missing");
    assertThatIllegalArgumentException().isThrownBy(() -> RulesUpdate.parse("{\"schema\": \"kumo.rules/1\", "
        + "\"version\": \"v\", \"rules\": {\"../../etc/x.yml\": \"a\"}}")).withMessageContaining("plain name");
    assertThatIllegalArgumentException().isThrownBy(() -> RulesUpdate.parse("[1]"))
        .withMessageContaining("JSON object");
    assertThatIllegalArgumentException().isThrownBy(() -> RuleBook.compile(RulesUpdate.parse("{\"schema\": "
        + "\"kumo.rules/1\", \"version\": \"v\", \"builtin\": false, \"rules\": {\"b.yml\": \"title: [\"}}"),
        new FindingGate(HuntOptions.defaults(), LocalDate.of(2026, 1, 1)))).withMessageContaining("do not compile");
  }
}
