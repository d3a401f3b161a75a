package dev.kumo.simulate.actors;

/** One kind of activity in the organisation. Schedules its own first tasks when started. */
public interface Actor {
  /** Schedules the actor's first tasks on the world's timeline. */
  void start(World world);

  /** Events a day it produces on average at scale 1, for the part that grows with the scale. */
  double scaledEventsPerDay(World world);

  /** Events a day it produces on average whatever the scale (periodic agents, nightly jobs). */
  default double fixedEventsPerDay(World world) {
    return 0;
  }
}
