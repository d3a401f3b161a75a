package dev.kumo.simulate.actors;

import dev.kumo.simulate.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The actors of a simulation, chosen by the sources asked for, and the volume scale they need. */
public final class Actors {
  private final List<Actor> actors;

  private Actors(List<Actor> actors) {
    this.actors = List.copyOf(actors);
  }

  /** The actors that write to any of {@code sources}, each with its own random source split from {@code random}. */
  public static Actors forSources(SplittableRandom random, Set<Source> sources) {
    List<Actor> list = new ArrayList<>();
    if (sources.contains(Source.CLOUDTRAIL)) {
      list.add(new PeopleActor(random.split()));
      list.add(new AdminActor(random.split()));
      list.add(new PipelineActor(random.split()));
      list.add(new AgentActor(random.split()));
      list.add(new WorkloadActor(random.split()));
      list.add(new ServiceActor(random.split()));
      list.add(new JobsActor(random.split()));
    }
    if (sources.contains(Source.VPCFLOW)) {
      list.add(new FlowActor(random.split()));
    }
    if (sources.contains(Source.CUR)) {
      list.add(new BillingActor(random.split()));
    }
    if (sources.contains(Source.ALB)) {
      list.add(new WebActor(random.split()));
    }
    if (sources.contains(Source.AUDITD)) {
      list.add(new FileServerActor(random.split()));
    }
    if (sources.contains(Source.DNS)) {
      list.add(new DnsActor(random.split()));
    }
    return new Actors(list);
  }

  /**
   * The scale that makes {@code events} cover about {@code days}: the part of the activity that does
   * not scale (agents, nightly jobs) is taken first; at least 0.02.
   */
  public double scaleFor(World w, long events, int days) {
    double fixed = 0;
    double scaled = 0;
    for (Actor a : actors) {
      fixed += a.fixedEventsPerDay(w);
      scaled += a.scaledEventsPerDay(w);
    }
    double perDay = (double) events / days;
    return scaled <= 0 ? 1.0 : Math.max(0.02, (perDay - fixed) / scaled);
  }

  /** Starts every actor. */
  public void start(World w) {
    for (Actor a : actors) {
      a.start(w);
    }
  }
}
