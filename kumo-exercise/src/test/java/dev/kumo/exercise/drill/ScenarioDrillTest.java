package dev.kumo.exercise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.report.TerminalReport;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped scenario, simulated on a seed and hunted with the built-in pack: each step the pack claims
 * to cover (a rule or detector carries its technique for its log source) is detected, but for the known gaps,
 * and every step of every scenario is scored.
 */
class ScenarioDrillTest {
  /**
   * Claimed steps the built-in pack is known to miss: the second half of the role chain, signed with assumed
   * role sessions rather than the stolen instance key the rules look for (reported with issue 6; the rules
   * are left as they are until they are improved).
   */
  private static final Set<String> KNOWN_GAPS = Set.of("instance-credentials-role-chain/discover-accounts",
      "instance-credentials-role-chain/assume-shared-services-role",
      "instance-credentials-role-chain/collect-state-and-backups");

  @TempDir
  Path dir;

  @Test
  void shippedScenarios_everyClaimedStepIsDetected() throws Exception {
    ScenarioSource.Run run = new SimulatedScenarios().run(List.of("all"), 11, dir);
    ExerciseResult r = Scorer.scoreWithBuiltinPack(run.logsDir(), run.labelsFile());

    StringWriter table = new StringWriter();
    new TerminalReport(false).write(r, new PrintWriter(table));
    System.out.println(table);

    Set<String> scored = r.steps().stream().map(s -> s.step().scenario() + "/" + s.step().id())
        .collect(Collectors.toSet());
    for (Scenario s : ScenarioLibrary.builtin()) {
      for (Scenario.Step step : s.steps()) {
        assertThat(scored).as("step %s/%s has labelled events", s.id(), step.id()).contains(s.id() + "/" + step.id());
      }
    }
    assertThat(r.claimed()).isNotEmpty();
    assertThat(r.claimed()).filteredOn(s -> !KNOWN_GAPS.contains(s.step().scenario() + "/" + s.step().id()))
        .allSatisfy(s -> assertThat(s.detected())
        .as("%s/%s (%s): %s", s.step().scenario(), s.step().id(), s.step().technique(), s.reasonDetail()).isTrue());
  }
}
