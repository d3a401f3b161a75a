package dev.kumo.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.detect.CompiledRule;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detect.EngineBuilder;
import dev.kumo.detect.SourceMappings;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.RuleLoadResult;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.Events;
import dev.kumo.testing.SharedData;
import dev.kumo.time.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs the correlation cases of ../shared/sigma/conformance-cases.jsonl through the real engine. */
class CorrelationConformanceTest {

  @TestFactory
  Stream<DynamicTest> correlationCases_fireAsExpected() throws IOException {
    JsonTreeReader reader = JsonTreeReader.lenient();
    List<JsonObject> cases = Files.readAllLines(SharedData.require("sigma/conformance-cases.jsonl")).stream()
        .filter(l -> !l.isBlank()).map(l -> (JsonObject) reader.read(l))
        .filter(c -> "correlation".equals(c.getString("kind"))).toList();
    assertThat(cases).hasSize(12);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getString("id") + " " + c.getString("feature"), () -> {
      RuleLoadResult loaded = new RuleLoader().loadText(c.getString("rule"), c.getString("id"), false);
      assertThat(loaded.errors()).isEmpty();
      EngineBuilder.Result built = new EngineBuilder(SourceMappings.bundled(), CompileOptions.defaults(),
          AttackCatalog.bundled()).build(loaded.rules());
      assertThat(built.problems()).as("build problems").noneMatch(p -> p.isError());
      DetectionEngine engine = built.engine();
      Correlator correlator = engine.newCorrelator(CorrelationLimits.DEFAULTS);
      List<CorrelationHit> hits = new ArrayList<>();
      for (Object o : (JsonArray) c.get("events")) {
        JsonObject step = (JsonObject) o;
        var event = Events.raw(step.getObject("event"), Timestamps.parseIso(step.getString("ts")), "aws.cloudtrail");
        List<CompiledRule> matched = new ArrayList<>();
        engine.match(event, matched::add);
        assertThat(matched).as("base rules are consumed, not emitted").allMatch(r -> !r.emitsFindings());
        for (CompiledRule r : matched) {
          for (CorrelationFeed feed : r.feeds()) {
            correlator.accept(CorrelationInput.of(feed, event), hits::add);
          }
        }
      }
      correlator.finish(hits::add);
      assertThat(!hits.isEmpty()).as("fired").isEqualTo(c.get("expected"));
    }));
  }
}
