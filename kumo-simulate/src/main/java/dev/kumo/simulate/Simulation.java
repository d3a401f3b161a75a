package dev.kumo.simulate;

import dev.kumo.simulate.actors.Actors;
import dev.kumo.simulate.actors.World;
import dev.kumo.simulate.cloudtrail.CloudTrailWriter;
import dev.kumo.simulate.cloudtrail.Sessions;
import dev.kumo.simulate.cur.CurWriter;
import dev.kumo.simulate.engine.Timeline;
import dev.kumo.simulate.io.Deflation;
import dev.kumo.simulate.io.Manifest;
import dev.kumo.simulate.io.Tally;
import dev.kumo.simulate.org.Organisation;
import dev.kumo.simulate.org.OrganisationFactory;
import dev.kumo.simulate.vpcflow.FlowWriter;
import dev.kumo.simulate.scenario.LabelWriter;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioPlayer;
import dev.kumo.simulate.alb.AlbWriter;
import dev.kumo.simulate.auditd.AuditWriter;
import dev.kumo.simulate.dns.DnsWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Runs a background simulation: builds the seed's organisation, scales its busyness so the events
 * asked for cover the days asked for, runs every actor in event-time order until that many events
 * are written, and writes the manifest. Memory stays constant: actors hold a few pending tasks
 * each, writers one open file per stream. The same options give byte-identical files.
 */
public final class Simulation {
  private Simulation() {}

  /** Where a run with scenarios writes its ground truth. */
  public static Path labelsFile(Path output) {
    return output.resolve(".simulate").resolve("labels.jsonl");
  }

  public static SimulationReport run(SimulationOptions o) throws IOException {
    long began = System.nanoTime();
    Organisation org = OrganisationFactory.build(o.seed());
    SplittableRandom root = new SplittableRandom(o.seed());
    Deflation deflation = Deflation.background();
    Tally tally = new Tally(deflation);
    long start = o.start().toEpochMilli();
    Timeline timeline = new Timeline(start);
    SplittableRandom writerRandom = root.split();
    CloudTrailWriter ct = o.sources().contains(Source.CLOUDTRAIL)
        ? new CloudTrailWriter(o.output(), writerRandom.split(), tally) : null;
    FlowWriter flows = o.sources().contains(Source.VPCFLOW) ? new FlowWriter(o.output(), writerRandom.split(), tally) : null;
    CurWriter cur = o.sources().contains(Source.CUR) ? new CurWriter(o.output(), org.name() + "-cur2", tally) : null;
    AlbWriter alb = o.sources().contains(Source.ALB) ? new AlbWriter(o.output(), writerRandom.split(), tally) : null;
    AuditWriter audit = o.sources().contains(Source.AUDITD)
        ? new AuditWriter(o.output(), writerRandom.split(), tally) : null;
    DnsWriter dns = o.sources().contains(Source.DNS) ? new DnsWriter(o.output(), writerRandom.split(), tally) : null;
    Actors actors = Actors.forSources(root.split(), o.sources());
    World probe = new World(org, timeline, new Sessions(o.seed()), 1.0, ct, flows, cur, alb, audit, dns);
    double scale = actors.scaleFor(probe, o.events(), o.days());
    World world = new World(org, timeline, new Sessions(o.seed()), scale, ct, flows, cur, alb, audit,
        dns);
    actors.start(world);
    LabelWriter labels = new LabelWriter();
    ScenarioPlayer player = new ScenarioPlayer(world, labels);
    SplittableRandom scenarioRandom = root.split();
    long lastScenarioRecord = Long.MIN_VALUE;
    for (Scenario s : o.scenarios()) {
      lastScenarioRecord = Math.max(lastScenarioRecord, player.schedule(s, start, scenarioRandom));
    }
    long scenariosEnd = lastScenarioRecord;
    long end;
    try {
      timeline.run(() -> tally.totalEvents() >= o.events() && timeline.now() > scenariosEnd);
      end = timeline.now();
    } finally {
      try {
        closeAll(ct, flows, cur, alb, audit, dns);
      } finally {
        deflation.finish(); // every file complete before the manifest counts them
      }
    }
    Manifest.write(o.output(), o.seed(), o.start(), Instant.ofEpochMilli(end), scale, tally);
    if (!o.scenarios().isEmpty()) {
      labels.write(labelsFile(o.output()));
    }
    return new SimulationReport(o.seed(), o.start(), Instant.ofEpochMilli(end), scale, tally.sources(),
        tally.totalEvents(), System.nanoTime() - began);
  }

  /** Closes every writer there is, even when one fails; rethrows the first failure. */
  private static void closeAll(@org.jspecify.annotations.Nullable Closeable... writers) throws IOException {
    IOException first = null;
    for (Closeable c : writers) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
