package dev.kumo.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the detection and load-error cases of ../shared/sigma/conformance-cases.jsonl. */
class SigmaConformanceTest {

  static List<JsonObject> cases(String kind) throws IOException {
    Path file = SharedData.require("sigma/conformance-cases.jsonl");
    JsonTreeReader reader = JsonTreeReader.lenient();
    return Files.readAllLines(file).stream()
        .filter(l -> !l.isBlank())
        .map(l -> (JsonObject) reader.read(l))
        .filter(c -> kind.equals(c.getString("kind")))
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> detectionCases_matchExpectedResult() throws IOException {
    List<JsonObject> cases = cases("detection");
    assertThat(cases).hasSize(116);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getString("id") + " " + c.getString("feature"), () -> {
      RuleLoadResult loaded = new RuleLoader().loadText(c.getString("rule"), c.getString("id"), false);
      assertThat(loaded.errors()).as("load errors").isEmpty();
      assertThat(loaded.rules()).hasSize(1);
      DetectionRule rule = (DetectionRule) loaded.rules().get(0);
      boolean expected = (Boolean) c.get("expected");
      assertThat(rule.condition().matches(c.getObject("event")))
          .as("%s: %s", c.getString("id"), c.getString("notes"))
          .isEqualTo(expected);
    }));
  }

  @TestFactory
  Stream<DynamicTest> loadErrorCases_areRejectedWithReason() throws IOException {
    List<JsonObject> cases = cases("detection_error");
    assertThat(cases).hasSize(11);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getString("id") + " " + c.getString("feature"), () -> {
      RuleLoadResult loaded = new RuleLoader().loadText(c.getString("rule"), c.getString("id"), false);
      assertThat(loaded.rules()).as("rules loaded").isEmpty();
      assertThat(loaded.errors()).hasSize(1);
      assertThat(loaded.errors().get(0).message()).isNotBlank();
      assertThat(loaded.errors().get(0).line()).isPositive();
    }));
  }
}
