package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.detector.intel.IntelMatchDetector;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Sighting;
import dev.kumo.intel.misp.MispSightingsWriter;
import dev.kumo.intel.stix.StixWriter;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kumo intel export}: turns the intel hits of a hunt's findings (JSON Lines) into sightings
 * for a threat-intel platform: a STIX 2.1 bundle of sighting objects, or MISP sightings JSON.
 */
@Command(name = "export", description = "Write sightings of the indicators a hunt matched (from its findings, "
    + "--format jsonl) as a STIX 2.1 bundle (sighting objects referencing the indicators) or MISP sightings JSON.")
final class IntelExportCommand implements Callable<Integer> {
  enum Format { stix, misp }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FINDINGS", arity = "1..*", description = "Findings files written by kumo hunt --format jsonl.")
  List<Path> findings;

  @Option(names = "--format", defaultValue = "stix", description = "stix or misp (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
  Path output;

  /** One indicator's sighting, as it accumulates. */
  private static final class Seen {
    final Indicator indicator;
    final Set<String> events = new HashSet<>();
    final Set<String> where = new TreeSet<>();
    Instant first;
    Instant last;

    Seen(Indicator indicator) {
      this.indicator = indicator;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Seen> seen = new TreeMap<>();
    JsonTreeReader json = JsonTreeReader.lenient();
    int bad = 0;
    for (Path file : findings) {
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          try {
            if (json.read(line) instanceof JsonObject f) {
              add(seen, f);
            }
          } catch (RuntimeException e) {
            err.println("kumo: " + Sanitize.terminal(file + ":" + n + ": " + e.getMessage()));
            bad++;
          }
        }
      }
    }
    List<Sighting> sightings = new ArrayList<>();
    for (Seen s : seen.values()) {
      sightings.add(new Sighting(s.indicator, s.events.size(), s.first, s.last, "kumo",
          s.where.isEmpty() ? null : String.join(", ", s.where)));
    }
    Writer w = output == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
        : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    try {
      if (format == Format.stix) {
        StixWriter.writeSightings(sightings, w, Clock.systemUTC().instant());
      } else {
        MispSightingsWriter.write(sightings, w);
      }
    } finally {
      if (output == null) {
        w.flush();
      } else {
        w.close();
      }
    }
    err.println(sightings.size() + " indicators sighted" + (bad > 0 ? "; " + bad + " lines could not be read" : ""));
    err.flush();
    return bad > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  private static void add(Map<String, Seen> seen, JsonObject f) throws IOException {
    if (!(f.get("intel") instanceof JsonArray hits) || hits.isEmpty()) {
      return;
    }
    Instant t = Instant.parse(String.valueOf(f.getString("time")));
    String event = String.valueOf(f.getString("event_id"));
    String account = f.getString("account");
    for (Object o : hits) {
      if (!(o instanceof JsonObject h)) {
        continue;
      }
      IndicatorType type = IndicatorType.fromId(String.valueOf(h.getString("type")));
      String value = h.getString("indicator");
      String feed = h.getString("feed");
      if (type == null || value == null || feed == null) {
        throw new IOException("intel entry without type, indicator or feed");
      }
      Object c = h.get("confidence");
      List<String> context = new ArrayList<>();
      if (h.get("context") instanceof JsonArray a) {
        a.forEach(x -> context.add(String.valueOf(x)));
      }
      Indicator ind = new Indicator(type, value, feed, h.getString("indicator_id"),
          c instanceof Number num ? num.intValue() : null, null, null, List.of(), List.of(), context, null);
      Seen s = seen.computeIfAbsent(type.id() + "\u001f" + value + "\u001f" + feed + "\u001f" + ind.id(),
          k -> new Seen(ind));
      s.events.add(event);
      if (IntelMatchDetector.NAME.equals(f.getString("rule_name")) && f.get("evidence") instanceof JsonArray ev) {
        ev.forEach(x -> s.events.add(String.valueOf(x)));
      }
      if (account != null) {
        s.where.add(account);
      }
      s.first = s.first == null || t.isBefore(s.first) ? t : s.first;
      s.last = s.last == null || t.isAfter(s.last) ? t : s.last;
    }
  }
}
