package dev.kumo.detector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.Snapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Replays a detector test's observations with snapshots in the middle, as a checkpoint and restart
 * would: at evenly spaced points the detector runner (with every detector state), or the one
 * detector state, is serialized, and the run goes on with the copy restored from the bytes. Nothing
 * may change.
 */
public final class SnapshotReplay {
  /** Snapshots in a run at most, evenly spaced (before each observation and the end when fewer). */
  static final int MAX_SNAPSHOTS = 32;

  private SnapshotReplay() {}

  /**
   * Asserts that restoring from snapshots mid-run changes nothing: a batch run (ending with {@code
   * finish}, a last snapshot just before it) and a stream run (advanced to each observation's time,
   * then far past the last, as {@link StreamReplay} does; snapshots after advancing) raise exactly the
   * findings of the same run uninterrupted, in the same order. Also asserts that the scenario raises
   * findings and that some snapshot held state, so an empty state cannot meet the property.
   *
   * @return the uninterrupted batch run's findings
   */
  public static List<Finding> assertSnapshotMidwayChangesNothing(DetectorHarness harness,
      List<NormalizedEvent> events) {
    return assertChangesNothing(harness.observations(events), () -> new RunnerRun(harness));
  }

  /**
   * As {@link #assertSnapshotMidwayChangesNothing(DetectorHarness, List)}, for a state of {@code
   * detector} fed {@code observations} directly (a file detector's, recorded from a hunt).
   *
   * @return the uninterrupted batch run's alerts
   */
  public static List<Alert> assertSnapshotMidwayChangesNothing(Detector detector, List<Observation> observations) {
    return assertChangesNothing(observations, () -> new StateRun(detector.start()));
  }

  private static <T> List<T> assertChangesNothing(List<Observation> observations,
      Supplier<Run<T>> runs) {
    Set<Integer> cuts = cuts(observations.size());
    List<T> batch = runs.get().batch(observations, Set.of());
    assertThat(batch).as("the scenario raises findings").isNotEmpty();
    Run<T> restored = runs.get();
    assertThat(restored.batch(observations, cuts)).as("batch run restored from snapshots").isEqualTo(batch);
    assertThat(restored.largestState).as("some snapshot held detector state").isPositive();
    assertThat(runs.get().stream(observations, cuts)).as("stream run restored from snapshots")
        .isEqualTo(runs.get().stream(observations, Set.of()));
    return batch;
  }

  /** Indexes of the observations before which a snapshot is taken; {@code observations}: before the end. */
  static Set<Integer> cuts(int observations) {
    Set<Integer> cuts = new TreeSet<>();
    int k = Math.min(MAX_SNAPSHOTS, observations);
    for (int j = 1; j <= k; j++) {
      cuts.add((int) ((long) j * observations / k));
    }
    return cuts;
  }

  /** One run of a runner or a state, going on from a restored copy at the cuts; collects what it raises. */
  private abstract static class Run<T> {
    final List<T> raised = new ArrayList<>();
    long largestState;

    abstract void accept(Observation o);

    abstract void advance(Instant watermark);

    abstract void finish();

    abstract long size();

    /** Replaces what runs by a copy restored from its snapshot. */
    abstract void restore();

    List<T> batch(List<Observation> observations, Set<Integer> cuts) {
      for (int i = 0; i < observations.size(); i++) {
        snapshotAt(i, cuts);
        accept(observations.get(i));
      }
      snapshotAt(observations.size(), cuts);
      finish();
      return raised;
    }

    List<T> stream(List<Observation> observations, Set<Integer> cuts) {
      for (int i = 0; i < observations.size(); i++) {
        Observation o = observations.get(i);
        advance(o.time());
        snapshotAt(i, cuts);
        accept(o);
      }
      snapshotAt(observations.size(), cuts);
      if (!observations.isEmpty()) {
        advance(observations.get(observations.size() - 1).time().plus(StreamReplay.FAR));
      }
      return raised;
    }

    private void snapshotAt(int i, Set<Integer> cuts) {
      if (cuts.contains(i)) {
        largestState = Math.max(largestState, size());
        restore();
      }
    }
  }

  private static final class RunnerRun extends Run<Finding> {
    private DetectorRunner runner;

    RunnerRun(DetectorHarness harness) {
      runner = harness.engine().newDetectorRunner();
    }

    @Override
    void accept(Observation o) {
      runner.accept(o, (b, f) -> raised.add(f));
    }

    @Override
    void advance(Instant watermark) {
      runner.advance(watermark, (b, f) -> raised.add(f));
    }

    @Override
    void finish() {
      runner.finish((b, f) -> raised.add(f));
    }

    @Override
    long size() {
      return runner.stateSize();
    }

    @Override
    void restore() {
      runner = Snapshots.copy(runner);
    }
  }

  private static final class StateRun extends Run<Alert> {
    private DetectorState state;

    StateRun(DetectorState state) {
      this.state = state;
    }

    @Override
    void accept(Observation o) {
      state.accept(o, raised::add);
    }

    @Override
    void advance(Instant watermark) {
      state.advance(watermark, raised::add);
    }

    @Override
    void finish() {
      state.finish(raised::add);
    }

    @Override
    long size() {
      return state.size();
    }

    @Override
    void restore() {
      state = Snapshots.copy(state);
    }
  }
}
