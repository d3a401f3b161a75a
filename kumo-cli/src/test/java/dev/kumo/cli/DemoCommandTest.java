package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kumo demo hunts a simulated dataset it generates once and then reuses; {@code --bundled} tells the hand-made
 * story: the attack steps are found, the look-alikes are not, nothing is skipped.
 */
class DemoCommandTest {

  @Test
  void demo_generatesOnce_findsTheScenarios_thenReusesTheCache(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("demo");
    Cli.Result first = Cli.run("demo", "--no-color", "--data", data.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("Generating the demo dataset (first run)");
    assertThat(first.out()).contains("What to try next", "./kumo exercise --scenario all", "./kumo tabletop list")
        .doesNotContain("Skipped input");
    assertThat(first.out().chars().filter(c -> c == 0x1b)).as("no raw escape in terminal output").isEmpty();
    assertThat(data.resolve(".simulate").resolve("manifest.json")).isRegularFile();
    assertThat(data.resolve(".simulate").resolve("labels.jsonl")).isRegularFile();
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).as("no temporary folder left").containsExactly("demo");
    }

    Cli.Result second = Cli.run("demo", "--format", "jsonl", "--min-level", "medium", "--data", data.toString());
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).doesNotContain("Generating");
    Set<String> threats = new TreeSet<>();
    for (String line : second.out().lines().toList()) {
      JsonObject f = (JsonObject) JsonTreeReader.lenient().read(line);
      for (Object t : (List<?>) f.get("threats")) {
        threats.add((String) t);
      }
    }
    assertThat(threats).contains("ransomware", "data-theft", "log-tampering", "upstream-movement",
        "misconfiguration", "app-exploitation", "attack-infrastructure", "cryptomining");
  }

  @Test
  void demo_refusesAFolderThatHoldsSomethingElse(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("notes.txt"), "mine");
    Cli.Result r = Cli.run("demo", "--data", tmp.toString());
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("holds no demo dataset");
    assertThat(tmp.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void bundled_findsTheAttackStoryWithoutSkippingInput() {
    Cli.Result r = Cli.run("demo", "--bundled", "--no-color");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("173 files", "2,105 events", "What to try next").doesNotContain("Skipped input");
    assertThat(r.out().chars().filter(c -> c == 0x1b)).as("no raw escape from the hostile user agent").isEmpty();
  }

  @Test
  void bundled_jsonl_coversSeveralThreatsAndOnlyTheAttacker() {
    Cli.Result r = Cli.run("demo", "--bundled", "--format", "jsonl", "--min-level", "medium");
    assertThat(r.exit()).isZero();
    List<JsonObject> findings = r.out().lines().map(l -> (JsonObject) JsonTreeReader.lenient().read(l)).toList();
    Set<String> threats = new TreeSet<>();
    for (JsonObject f : findings) {
      for (Object t : (List<?>) f.get("threats")) {
        threats.add((String) t);
      }
      assertThat(f.getString("source_ip")).as(f.getString("rule_title")).isEqualTo("45.61.136.20");
    }
    assertThat(threats).contains("log-tampering", "ransomware", "data-theft", "cryptomining", "persistence",
        "misconfiguration", "upstream-movement");
  }
}
