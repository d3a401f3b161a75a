package dev.kumo.exercise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.exercise.report.TerminalReport;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.detect.LoadedRules;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores the built-in pack against a real labelled dataset: the Stratus Red Team detonation logs
 * (35 AWS techniques, one file each, every record labelled with its technique).
 */
class StratusExerciseTest {
  @TempDir
  Path dir;

  /** Scores the Stratus logs with the built-in pack (labels written into {@code dir}). */
  static ExerciseResult scoreStratus(Path dir) throws Exception {
    Path logs = SharedData.require("data/stratus-red-team-detonation-logs/detonation-logs");
    Path labels = dir.resolve("stratus.labels.jsonl");
    assertThat(StratusLabels.write(logs, labels)).isGreaterThan(300);
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    return new Scorer(rules, HuntOptions.defaults().withThreads(2)).score(logs, labels);
  }

  @Test
  void score_stratusDetonations_detectsMostTechniquesAndExplainsEveryMiss() throws Exception {
    ExerciseResult r = scoreStratus(dir);

    StringWriter table = new StringWriter();
    new TerminalReport(false).write(r, new PrintWriter(table));
    System.out.println(table);

    assertThat(r.labelsSkipped()).isZero();
    assertThat(r.steps()).hasSize(35);
    assertThat(r.detected()).isGreaterThanOrEqualTo(32);
    assertThat(r.claimedCoveragePercent()).isGreaterThanOrEqualTo(90.0);
    assertThat(r.missed()).allSatisfy(s -> {
      assertThat(s.reason()).isNotNull();
      assertThat(s.reasonDetail()).isNotBlank();
    });
    assertThat(r.steps()).filteredOn(StepResult::detected)
        .allSatisfy(s -> assertThat(s.timeToDetect()).isNotNull().matches(d -> !d.isNegative()));
    assertThat(table.toString()).contains("aws.defense-evasion.cloudtrail-stop").contains("steps detected");
  }
}
