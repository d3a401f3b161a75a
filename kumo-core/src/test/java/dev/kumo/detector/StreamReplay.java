package dev.kumo.detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.testing.DetectorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a detector test's events as a continuous stream (the service, where {@link
 * DetectorState#finish} never comes): the same observations, with watermarks between them and one
 * far past the last, for checking that {@link DetectorState#advance} raises exactly what a batch run
 * raises with {@code finish}.
 */
public final class StreamReplay {
  /** A watermark past every window and episode of the detectors (their longest lasts days). */
  public static final Duration FAR = Duration.ofDays(400);

  private StreamReplay() {}

  /**
   * The findings of a stream run: before each observation the runner is advanced (twice, watermarks
   * may repeat) to its time and, with {@code midpoints}, first to halfway from the previous one;
   * after the last, to {@link #FAR} past it. {@code finish} is never called.
   */
  public static List<Finding> streamed(DetectorHarness harness, List<NormalizedEvent> events, boolean midpoints) {
    List<Finding> findings = new ArrayList<>();
    DetectorRunner runner = harness.engine().newDetectorRunner();
    replay(harness.observations(events), midpoints, o -> runner.accept(o, (b, f) -> findings.add(f)),
        w -> runner.advance(w, (b, f) -> findings.add(f)));
    return findings;
  }

  /** As {@link #streamed}, for one detector state fed observations directly; returns its alerts. */
  public static List<Alert> streamed(DetectorState state, List<Observation> observations, boolean midpoints) {
    List<Alert> alerts = new ArrayList<>();
    replay(observations, midpoints, o -> state.accept(o, alerts::add), w -> state.advance(w, alerts::add));
    return alerts;
  }

  /** The alerts of a batch run of one detector state: every observation, then {@code finish}. */
  public static List<Alert> batch(DetectorState state, List<Observation> observations) {
    List<Alert> alerts = new ArrayList<>();
    observations.forEach(o -> state.accept(o, alerts::add));
    state.finish(alerts::add);
    return alerts;
  }

  private static void replay(List<Observation> observations, boolean midpoints, Consumer<Observation> accept,
      Consumer<Instant> advance) {
    Instant previous = null;
    for (Observation o : observations) {
      if (midpoints && previous != null) {
        advance.accept(previous.plus(Duration.between(previous, o.time()).dividedBy(2)));
      }
      advance.accept(o.time());
      advance.accept(o.time());
      accept.accept(o);
      previous = o.time();
    }
    if (previous != null) {
      advance.accept(previous.plus(FAR));
    }
  }

  /**
   * Asserts that the stream run ({@link #streamed}) raises the same findings as the batch run (in
   * any order: a watermark may close some episodes before others that a batch closes together), and
   * that there are some.
   *
   * @return the batch run's findings
   */
  public static List<Finding> assertStreamMatchesBatch(DetectorHarness harness, List<NormalizedEvent> events,
      boolean midpoints) {
    List<Finding> batch = harness.run(events);
    assertThat(batch).as("the scenario raises findings").isNotEmpty();
    assertThat(streamed(harness, events, midpoints)).containsExactlyInAnyOrderElementsOf(batch);
    return batch;
  }

  /** Feeds all the events' observations, then returns only what advancing to {@code watermark} raises. */
  public static List<Finding> raisedByAdvance(DetectorHarness harness, List<NormalizedEvent> events,
      Instant watermark) {
    DetectorRunner runner = harness.engine().newDetectorRunner();
    for (Observation o : harness.observations(events)) {
      runner.accept(o, (b, f) -> { });
    }
    List<Finding> raised = new ArrayList<>();
    runner.advance(watermark, (b, f) -> raised.add(f));
    return raised;
  }

  /** The time of the last observation of the events. */
  public static Instant lastTime(DetectorHarness harness, List<NormalizedEvent> events) {
    List<Observation> all = harness.observations(events);
    return all.get(all.size() - 1).time();
  }
}
