package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** kumo demo tells its story: the attack steps are found, the look-alikes are not, nothing is skipped. */
class DemoCommandTest {

  @Test
  void demo_findsTheAttackStoryWithoutSkippingInput() {
    Cli.Result r = Cli.run("demo", "--no-color");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("173 files", "2,105 events", "What to try next").doesNotContain("Skipped input");
    assertThat(r.out().chars().filter(c -> c == 0x1b)).as("no raw escape from the hostile user agent").isEmpty();
  }

  @Test
  void demo_jsonl_coversSeveralThreatsAndOnlyTheAttacker() {
    Cli.Result r = Cli.run("demo", "--format", "jsonl", "--min-level", "medium");
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
