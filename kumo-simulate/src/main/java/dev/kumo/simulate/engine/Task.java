package dev.kumo.simulate.engine;

/** Something that happens at one instant of simulated time. */
@FunctionalInterface
public interface Task {
  /** Runs at {@code time} (epoch milliseconds); may schedule further tasks. */
  void run(long time);
}
