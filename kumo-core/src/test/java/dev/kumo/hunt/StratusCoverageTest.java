package dev.kumo.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hunting the Stratus Red Team detonation logs (35 AWS techniques, one file each) with the built-in
 * pack plus SigmaHQ's rules finds most techniques.
 */
class StratusCoverageTest {

  @Test
  void hunt_stratusDetonations_findsAtLeast20Of35Techniques() throws Exception {
    Path logs = SharedData.require("data/stratus-red-team-detonation-logs/detonation-logs");
    Path sigma = SharedData.require("sigma/rules");
    List<InputFile> inputs = Inputs.expand(List.of(logs)).files();
    Set<String> techniques = new TreeSet<>();
    try (Stream<Path> s = Files.list(logs)) {
      s.forEach(p -> techniques.add(p.getFileName().toString().replace(".json", "")));
    }
    assertThat(techniques).hasSize(35);

    LoadedRules rules = LoadedRules.load(true, List.of(sigma), CompileOptions.defaults());
    assertThat(rules.errorCount()).isZero();
    Map<String, Set<String>> rulesByTechnique = new TreeMap<>();
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), Clock.systemUTC())
        .run(inputs, new Progress())) {
      assertThat(r.summary().problems()).isZero();
      Iterator<Finding> it = r.findings();
      while (it.hasNext()) {
        Finding f = it.next();
        String technique = Path.of(f.event().file()).getFileName().toString().replace(".json", "");
        rulesByTechnique.computeIfAbsent(technique, k -> new TreeSet<>()).add(f.ruleTitle());
      }
    }
    Set<String> missed = new TreeSet<>(techniques);
    missed.removeAll(rulesByTechnique.keySet());
    System.out.printf("Stratus techniques with findings: %d/35%n", rulesByTechnique.size());
    rulesByTechnique.forEach((t, titles) -> System.out.println("  found   " + t + "  <- " + titles));
    missed.forEach(t -> System.out.println("  missed  " + t));
    assertThat(rulesByTechnique.size()).isGreaterThanOrEqualTo(20);
  }
}
