package dev.kumo.simulate.engine;

import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The simulation clock: runs scheduled tasks in time order, ties in the order they were scheduled,
 * so a run is fully determined by what is scheduled. Memory is bounded by the tasks pending at once
 * (each actor keeps one or a few), not by the events produced. Not thread-safe.
 */
public final class Timeline {
  private final PriorityQueue<Entry> queue = new PriorityQueue<>(1024);
  private long sequence;
  private long now;

  public Timeline(long start) {
    this.now = start;
  }

  /** Schedules {@code task} at {@code time}; a time in the past runs at the current time. */
  public void at(long time, Task task) {
    queue.add(new Entry(Math.max(time, now), sequence++, task));
  }

  /** The time of the task running now (or the start before any ran). */
  public long now() {
    return now;
  }

  /** Tasks waiting to run. */
  public int pending() {
    return queue.size();
  }

  /** Runs tasks in order until {@code stop} answers true before a task, or none is left. */
  public void run(BooleanSupplier stop) {
    while (!queue.isEmpty() && !stop.getAsBoolean()) {
      Entry e = queue.poll();
      now = e.time;
      e.task.run(e.time);
    }
  }

  private record Entry(long time, long sequence, Task task) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
