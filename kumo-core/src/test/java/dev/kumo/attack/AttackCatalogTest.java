package dev.kumo.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackCatalogTest {
  private final AttackCatalog catalog = AttackCatalog.bundled();

  @Test
  void bundledCatalog_matchesSharedMitreData() throws IOException {
    Path bundle = SharedData.require("data/mitre-attack-enterprise/enterprise-attack.reconstructed.json.gz");
    String expected = AttackCatalogGenerator.generate(bundle, "18.0");
    String actual;
    try (InputStream in = AttackCatalog.class.getResourceAsStream("/dev/kumo/attack/enterprise-attack.tsv")) {
      actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual).as("regenerate with AttackCatalogGenerator").isEqualTo(expected);
  }

  @Test
  void technique_knownId_hasNameAndTactics() {
    assertThat(catalog.name("T1078.004")).isEqualTo("Cloud Accounts");
    assertThat(catalog.tacticsFor("T1078.004"))
        .contains(Tactic.INITIAL_ACCESS, Tactic.PERSISTENCE, Tactic.PRIVILEGE_ESCALATION, Tactic.STEALTH);
  }

  @Test
  void tacticsFor_impairDefenses_isDefenseImpairmentNotStealth() {
    assertThat(catalog.tacticsFor("T1562.008")).containsExactly(Tactic.DEFENSE_IMPAIRMENT);
  }

  @Test
  void fromTags_oldDefenseEvasionTag_mapsByTechnique() {
    AttackInfo cloudLogs = catalog.fromTags(List.of("attack.defense-evasion", "attack.t1562.008"));
    assertThat(cloudLogs.tactics()).containsExactly(Tactic.DEFENSE_IMPAIRMENT);
    AttackInfo masquerade = catalog.fromTags(List.of("attack.defense_evasion", "attack.t1036.005"));
    assertThat(masquerade.tactics()).containsExactly(Tactic.STEALTH);
  }

  @Test
  void fromTags_newTechniqueIdAlias_isKnown() {
    AttackInfo info = catalog.fromTags(List.of("attack.defense-impairment", "attack.t1685.002"));
    assertThat(info.unknownTechniques()).isEmpty();
    assertThat(info.techniques()).containsExactly("T1685.002");
    assertThat(catalog.name("T1685.002")).isEqualTo("Disable or Modify Cloud Logs");
  }

  @Test
  void fromTags_unknownTechnique_isReported() {
    assertThat(catalog.fromTags(List.of("attack.t9999")).unknownTechniques()).containsExactly("T9999");
  }

  @Test
  void fromTags_noTacticTag_usesTechniqueTactics() {
    assertThat(catalog.fromTags(List.of("attack.t1485")).tactics()).containsExactly(Tactic.IMPACT);
  }
}
