package dev.kumo.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioAction;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios played into the background: ground truth that matches the files exactly, and determinism. */
class ScenarioSimulationTest {
  @TempDir
  Path dir;

  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  /** Scenarios are moved to the start of the period: a short span writes few files. */
  private static final java.time.Duration HOURS_2 = java.time.Duration.ofHours(2);

  private void run(Path out, long seed, List<Scenario> scenarios) throws IOException {
    Simulation.run(new SimulationOptions(seed, 3_000, START, 1, EnumSet.of(Source.CLOUDTRAIL), out, scenarios));
  }

  @Test
  void labels_nameExactlyTheScenarioEventsInTheFiles_atTheirTimes() throws IOException {
    List<Scenario> scenarios = List.of(ScenarioLibrary.byId("s3-ransomware").orElseThrow().withStart(HOURS_2),
        ScenarioLibrary.byId("ssm-upstream-movement").orElseThrow().withStart(HOURS_2));
    run(dir, 5, scenarios);
    Map<String, Instant> events = new HashMap<>();
    try (Stream<Path> s = Files.walk(dir.resolve("AWSLogs"))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        for (var e : SourceTesting.read(p).events()) {
          events.put(e.id(), e.time());
        }
      }
    }
    List<String> lines = Files.readAllLines(Simulation.labelsFile(dir));
    Map<String, Integer> perStep = new HashMap<>();
    for (String line : lines) {
      JsonObject l = (JsonObject) JsonTreeReader.lenient().read(line);
      assertThat(l.getString("schema")).isEqualTo("kumo.labels/1");
      String id = l.getString("event_id");
      assertThat(events).as("labelled event %s is in the files", id).containsKey(id);
      assertThat(events.get(id)).isEqualTo(Instant.parse(l.getString("time")));
      perStep.merge(l.getString("scenario") + "/" + l.getString("step"), 1, Integer::sum);
    }
    for (Scenario s : scenarios) {
      for (Scenario.Step step : s.steps()) {
        int expected = step.actions().stream().filter(a -> a instanceof ScenarioAction.ApiCall)
            .mapToInt(ScenarioAction::count).sum();
        assertThat(perStep.getOrDefault(s.id() + "/" + step.id(), 0)).as(s.id() + "/" + step.id()).isEqualTo(expected);
      }
    }
    assertThat(lines).hasSize(perStep.values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void labels_ofSourcesWithoutIds_pointAtTheLineKumoReadsEachEventAt() throws IOException {
    List<Scenario> scenarios = List.of(
        ScenarioLibrary.byId("qnapcrypt-file-server").orElseThrow().withStart(HOURS_2),
        ScenarioLibrary.byId("ddos-from-instances").orElseThrow().withStart(HOURS_2),
        ScenarioLibrary.byId("app-exploit-instance-credentials").orElseThrow().withStart(HOURS_2));
    Simulation.run(new SimulationOptions(6, 3_000, START, 1, EnumSet.allOf(Source.class), dir, scenarios));
    Map<String, java.util.Set<Long>> linesByFile = new HashMap<>();
    Map<String, Integer> bySource = new HashMap<>();
    for (String line : Files.readAllLines(Simulation.labelsFile(dir))) {
      JsonObject l = (JsonObject) JsonTreeReader.lenient().read(line);
      if (l.get("file") instanceof String file) {
        String source = l.getString("source");
        java.util.Set<Long> lines = linesByFile.computeIfAbsent(file, f -> {
          java.util.Set<Long> found = new java.util.HashSet<>();
          for (var e : SourceTesting.read(dir.resolve(f)).events()) {
            assertThat(e.source()).isEqualTo(source);
            found.add(e.origin().line());
          }
          return found;
        });
        assertThat(lines).as("%s:%s (%s) is where Kumo reads an event", file, l.get("line"), source)
            .contains(((Number) l.get("line")).longValue());
        bySource.merge(source, 1, Integer::sum);
      }
    }
    assertThat(bySource).containsKeys("linux.auditd", "aws.vpcflow", "aws.elb");
  }

  @Test
  void run_sameSeedWithScenarios_writesByteIdenticalFilesAndLabels() throws IOException {
    List<Scenario> all = ScenarioLibrary.builtin().stream().map(x -> x.withStart(HOURS_2)).toList();
    run(dir.resolve("a"), 9, all);
    run(dir.resolve("b"), 9, all);
    List<Path> a = files(dir.resolve("a"));
    assertThat(a).isEqualTo(files(dir.resolve("b"))).contains(Path.of(".simulate/labels.jsonl"));
    for (Path p : a) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(p))).as(p.toString())
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(p)));
    }
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
