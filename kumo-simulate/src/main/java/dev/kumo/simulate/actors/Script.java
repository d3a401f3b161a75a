package dev.kumo.simulate.actors;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sequence of steps run one after the other on the timeline, each after its own delay: a
 * deployment, a backup run. Holds only its own pending steps.
 */
final class Script {
  /** One step: emits its events at {@code time}. */
  @FunctionalInterface
  interface Step {
    void run(long time);
  }

  private record Timed(long delay, Step step) {}

  private final Deque<Timed> steps = new ArrayDeque<>();

  /** Adds a step that runs {@code delay} ms after the previous one. */
  Script then(long delay, Step step) {
    steps.add(new Timed(delay, step));
    return this;
  }

  /** Starts the script at {@code start}. */
  void start(World w, long start) {
    runNext(w, start);
  }

  private void runNext(World w, long previous) {
    Timed next = steps.poll();
    if (next != null) {
      w.timeline().at(previous + next.delay(), t -> {
        next.step().run(t);
        runNext(w, t);
      });
    }
  }
}
