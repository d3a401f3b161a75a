package dev.kumo.testing;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSources;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Helpers for source tests: read samples through the real reader, and run real rules on events. */
public final class SourceTesting {
  private SourceTesting() {}

  /** Events read from an input, and what the reader counted. */
  public record Read(List<NormalizedEvent> events, IngestStats stats) {
    public List<IngestProblem> problems() {
      return stats.allExamples();
    }
  }

  /** Reads bytes as a file named {@code name}, detecting the source from content. */
  public static Read read(String name, byte[] content) {
    List<NormalizedEvent> events = new ArrayList<>();
    IngestStats stats = new IngestStats(100);
    new LogReader(LogSources.defaults(), IngestLimits.DEFAULTS, null)
        .read(InputFile.ofStream(name, () -> new ByteArrayInputStream(content)), events::add, stats, null);
    return new Read(events, stats);
  }

  /** Reads a file, detecting the source from content. */
  public static Read read(Path file) {
    List<NormalizedEvent> events = new ArrayList<>();
    IngestStats stats = new IngestStats(100);
    new LogReader(LogSources.defaults(), IngestLimits.DEFAULTS, null).read(InputFile.of(file), events::add, stats, null);
    return new Read(events, stats);
  }

  /**
   * One Panther test case: its expectation, the raw log record and the rule's ATT&CK tags
   * ({@code TA0040:T1485}).
   */
  public record PantherCase(String ruleId, String testName, boolean expected, JsonObject log, List<String> mitre) {
    /** The ATT&CK tactic ids of the rule ({@code TA0040}). */
    public java.util.Set<String> tactics() {
      java.util.Set<String> out = new java.util.TreeSet<>();
      for (String m : mitre) {
        out.add(m.split(":")[0].trim());
      }
      return out;
    }
  }

  /** The cases of a Panther test file ({@code tests_<LogType>.jsonl.gz} under panther-analysis-tests). */
  public static List<PantherCase> pantherCases(String relativeFile) throws IOException {
    Path file = SharedData.require("data/panther-analysis-tests/" + relativeFile);
    List<PantherCase> out = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonObject c = (JsonObject) JsonTreeReader.lenient().read(line);
        List<String> mitre = new ArrayList<>();
        if (c.get("mitre") instanceof dev.kumo.json.JsonArray a) {
          for (int i = 0; i < a.size(); i++) {
            mitre.add(String.valueOf(a.get(i)));
          }
        }
        out.add(new PantherCase(c.getString("rule_id"), c.getString("test_name"),
            Boolean.TRUE.equals(c.get("expected_result")), c.getObject("log"), mitre));
      }
    }
    return out;
  }

  /** The raw records of a Panther test file as JSON Lines, ready for {@link #read(String, byte[])}. */
  public static byte[] pantherLogsAsJsonLines(String relativeFile) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (PantherCase c : pantherCases(relativeFile)) {
      sb.append(c.log().toJson()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The built-in pack plus every rule under ../shared/sigma/rules. */
  public static LoadedRules builtinAndSigmaHq() {
    return LoadedRules.load(true, List.of(SharedData.require("sigma/rules")), CompileOptions.defaults());
  }

  /** Titles of the rules that match {@code e} (detection rules only). */
  public static List<String> matchingRuleTitles(LoadedRules rules, NormalizedEvent e) {
    List<String> out = new ArrayList<>();
    rules.engine().match(e, r -> out.add(r.meta().title()));
    return out;
  }

  /** The loaded rule whose file name is {@code fileName}, for asserting a specific SigmaHQ rule. */
  public static SigmaRule ruleFromFile(LoadedRules rules, String fileName) {
    return rules.rules().stream().filter(r -> r.meta().origin().file().endsWith("/" + fileName)).findFirst()
        .orElseThrow(() -> new AssertionError("no rule loaded from " + fileName));
  }
}
