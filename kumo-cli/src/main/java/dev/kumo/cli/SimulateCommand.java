package dev.kumo.cli;

import dev.kumo.cli.output.Numbers;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.config.DataSize;
import dev.kumo.simulate.Simulation;
import dev.kumo.simulate.SimulationOptions;
import dev.kumo.simulate.SimulationReport;
import dev.kumo.simulate.Source;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioException;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import dev.kumo.simulate.io.Tally;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kumo simulate}: write a synthetic organisation's ordinary cloud activity as real log files. */
@Command(name = "simulate", sortOptions = false,
    description = "Write a seeded synthetic organisation's ordinary cloud activity (CloudTrail, VPC flow logs, CUR) "
        + "in each source's real delivery layout: the clean baseline detections must stay quiet on.",
    footer = {"", "Example:",
        "  kumo simulate --background-only --events 1000000 -o /tmp/sim && kumo hunt /tmp/sim --min-level medium"})
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--background-only", description = "Only ordinary activity, no attack scenarios.")
  boolean backgroundOnly;

  @Option(names = "--events", paramLabel = "N", converter = EventCountConverter.class,
      description = "Background events to write in all, e.g. 20000, 500K, 10M (required).")
  Long events;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed writes the same files "
      + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--start", paramLabel = "DATE", defaultValue = "2026-03-01",
      description = "First day, UTC (default: ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(names = "--days", paramLabel = "D", defaultValue = "7",
      description = "Days the events should span; sets how busy the organisation is (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder to write (created; required).")
  Path output;

  @Option(names = "--sources", paramLabel = "LIST", split = ",", defaultValue = "cloudtrail,vpcflow,cur,alb,auditd,dns",
      description = "Sources to write: cloudtrail, vpcflow, cur, alb (ALB access logs), auditd (a file server's "
          + "audit.log), dns (Route 53 Resolver query logs) (default: ${DEFAULT-VALUE}).")
  List<String> sources;

  @Option(names = "--scenario", paramLabel = "ID|FILE", split = ",",
      description = "Attack scenarios to play into the background: shipped ids, scenario files, or 'all' "
          + "(default: all; see --list-scenarios). Their events are labelled in .simulate/labels.jsonl.")
  List<String> scenarios;

  @Option(names = "--list-scenarios", description = "List the shipped scenarios and exit.")
  boolean listScenarios;

  @Override
  public Integer call() throws Exception {
    if (listScenarios) {
      for (Scenario s : ScenarioLibrary.builtin()) {
        System.out.println(String.format(Locale.ROOT, "%-34s %-22s %2d steps  %s", s.id(), s.threat(), s.steps().size(),
            s.title()));
      }
      return ExitCode.OK;
    }
    if (output == null || events == null) {
      System.err.println("kumo: simulate needs --events and --output");
      return ExitCode.USAGE;
    }
    if (backgroundOnly && scenarios != null) {
      System.err.println("kumo: --background-only and --scenario exclude each other");
      return ExitCode.USAGE;
    }
    List<Scenario> played;
    try {
      played = backgroundOnly ? List.of() : ScenarioLibrary.resolve(scenarios == null ? List.of("all") : scenarios);
    } catch (ScenarioException e) {
      System.err.println("kumo: invalid scenario:");
      e.problems().forEach(p -> System.err.println("  " + Sanitize.terminal(p))); // quotes the file's text
      return ExitCode.USAGE;
    } catch (IllegalArgumentException e) {
      System.err.println("kumo: " + Sanitize.terminal(String.valueOf(e.getMessage())));
      return ExitCode.USAGE;
    }
    Set<Source> chosen = EnumSet.noneOf(Source.class);
    for (String s : sources) {
      chosen.add(Source.parse(s));
    }
    Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
    SimulationReport r = Simulation.run(new SimulationOptions(seed, events, from, days, chosen, output, played));
    double seconds = r.elapsedNanos() / 1e9;
    System.out.println("Simulated " + Numbers.count(r.totalEvents()) + " events from " + r.start() + " to "
        + r.end() + " (seed " + r.seed() + ") under " + output);
    if (!played.isEmpty()) {
      System.out.println("  " + played.size() + " scenario" + (played.size() == 1 ? "" : "s") + " played ("
          + String.join(", ", played.stream().map(Scenario::id).toList()) + "); ground truth: "
          + Simulation.labelsFile(output));
    }
    for (Map.Entry<String, Tally.Counts> e : r.counts().entrySet()) {
      Tally.Counts c = e.getValue();
      System.out.println(String.format(Locale.ROOT, "  %-19s %12s events  %8s files  %10s on disk  (%s of text)",
          e.getKey(), Numbers.count(c.events()), Numbers.count(c.files()), DataSize.format(c.bytes()),
          DataSize.format(c.uncompressedBytes())));
    }
    System.out.println(String.format(Locale.ROOT, "  %s events/s in %.1f s; manifest: %s",
        Numbers.count((long) r.eventsPerSecond()), seconds, output.resolve(".simulate").resolve("manifest.json")));
    return ExitCode.OK;
  }
}
