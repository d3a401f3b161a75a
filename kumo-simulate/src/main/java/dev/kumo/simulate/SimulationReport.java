package dev.kumo.simulate;

import dev.kumo.simulate.io.Tally;
import java.time.Instant;
import java.util.Map;

/**
 * What a run wrote.
 *
 * @param counts per source id: events, files, bytes, events per account and region
 * @param end the simulated time of the last event
 * @param scale how busy the organisation was made to cover the span asked for
 * @param elapsedNanos wall-clock time of the run
 */
public record SimulationReport(long seed, Instant start, Instant end, double scale, Map<String, Tally.Counts> counts,
    long totalEvents, long elapsedNanos) {

  public double eventsPerSecond() {
    return elapsedNanos == 0 ? 0 : totalEvents * 1e9 / elapsedNanos;
  }
}
