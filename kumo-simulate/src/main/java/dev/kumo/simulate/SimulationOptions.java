package dev.kumo.simulate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import dev.kumo.simulate.scenario.Scenario;

/**
 * What to simulate.
 *
 * @param events how many events to write in all (the run stops at this count)
 * @param start the simulated time the organisation's activity starts
 * @param days the span the events should cover: sets how busy the organisation is
 * @param scenarios attack scenarios played into the background (their events come on top of {@code events}, and
 *     the run goes on until the last of them is written)
 */
public record SimulationOptions(long seed, long events, Instant start, int days, Set<Source> sources, Path output,
    List<Scenario> scenarios) {

  /** Background only. */
  public SimulationOptions(long seed, long events, Instant start, int days, Set<Source> sources, Path output) {
    this(seed, events, start, days, sources, output, List.of());
  }

  public SimulationOptions {
    if (events <= 0) {
      throw new IllegalArgumentException("--events must be positive, got " + events);
    }
    if (days <= 0) {
      throw new IllegalArgumentException("--days must be positive, got " + days);
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source to write");
    }
    sources = Set.copyOf(sources);
    scenarios = List.copyOf(scenarios);
  }
}
