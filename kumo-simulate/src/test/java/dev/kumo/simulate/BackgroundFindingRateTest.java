package dev.kumo.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detection pack stays quiet on ordinary activity: over one million simulated background events (CloudTrail,
 * VPC flow logs and CUR over two weeks, no attack), the built-in rules and detectors report fewer than one
 * finding of level medium or above per 100,000 events. Prints every such finding.
 */
class BackgroundFindingRateTest {
  private static final long EVENTS = 1_000_000;

  @TempDir
  Path dir;

  @Test
  void hunt_millionBackgroundEvents_staysUnderOneMediumFindingPer100k() throws IOException {
    Simulation.run(new SimulationOptions(1, EVENTS, Instant.parse("2026-03-01T00:00:00Z"), 14,
        EnumSet.allOf(Source.class), dir));
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    Map<String, Integer> byRule = new TreeMap<>();
    long events;
    long mediumOrAbove = 0;
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), Clock.systemUTC())
        .run(Inputs.expand(List.of(dir)).files(), new Progress())) {
      assertThat(r.summary().problems()).as("problems: %s", r.summary().problemExamples()).isZero();
      events = r.summary().events();
      Iterator<Finding> it = r.findings();
      while (it.hasNext()) {
        Finding f = it.next();
        if (f.level().compareTo(Level.MEDIUM) >= 0) {
          mediumOrAbove++;
          byRule.merge(f.level().name().toLowerCase(java.util.Locale.ROOT) + "  " + f.ruleTitle(), 1, Integer::sum);
        }
      }
    }
    double per100k = mediumOrAbove * 100_000.0 / events;
    System.out.printf("Background hunt: %,d events, %d findings of medium or above (%.2f per 100,000)%n", events,
        mediumOrAbove, per100k);
    byRule.forEach((rule, n) -> System.out.printf("  %4d  %s%n", n, rule));
    assertThat(events).isGreaterThanOrEqualTo(EVENTS);
    assertThat(per100k).as("medium+ findings per 100,000 background events: %s", byRule).isLessThan(1.0);
  }
}
