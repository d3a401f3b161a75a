package dev.kumo.simulate.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioLibraryTest {
  @Test
  void builtin_loadsEveryShippedScenario_withUniqueIds() {
    List<Scenario> all = ScenarioLibrary.builtin();
    assertThat(all).hasSizeGreaterThanOrEqualTo(8);
    assertThat(all.stream().map(Scenario::id).distinct().count()).isEqualTo(all.size());
  }

  @Test
  void builtin_coversEveryThreatOfTheReport() {
    Set<String> threats = ScenarioLibrary.builtin().stream().map(Scenario::threat).collect(Collectors.toSet());
    assertThat(threats).contains("app-exploitation", "misconfiguration", "upstream-movement", "ransomware",
        "data-theft", "cryptomining", "attack-infrastructure", "log-tampering");
  }

  @Test
  void builtin_everyStepHasATechniqueAndTactic() {
    for (Scenario s : ScenarioLibrary.builtin()) {
      for (Scenario.Step step : s.steps()) {
        assertThat(step.technique()).as(s.id() + "/" + step.id()).matches("T\\d{4}(\\.\\d{3})?");
        assertThat(ScenarioReader.TACTICS).as(s.id() + "/" + step.id()).contains(step.tactic());
      }
    }
  }
}
