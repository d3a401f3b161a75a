package dev.kumo.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The findings of a real hunt (built-in rules over the Stratus fixtures) in every export format. */
class ExportsOfRealHuntTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static List<Finding> findings;

  @BeforeAll
  static void hunt() throws Exception {
    Path fixtures = Path.of(ExportsOfRealHuntTest.class.getResource("/stratus-fixtures").toURI());
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    findings = new ArrayList<>();
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults().withThreads(1),
        Clock.systemUTC()).run(Inputs.expand(List.of(fixtures)).files(), new Progress())) {
      Iterator<Finding> it = r.findings();
      it.forEachRemaining(findings::add);
    }
  }

  @Test
  void ocsf_realFindings_validateAgainstTheSchema() throws Exception {
    StringWriter w = new StringWriter();
    OcsfFindingWriter.writeAll(findings, w, false);

    List<String> lines = w.toString().lines().toList();
    assertThat(lines).hasSize(findings.size()).hasSizeGreaterThan(5);
    for (String line : lines) {
      Schemas.assertValid(Schemas.OCSF, line);
    }
  }

  @Test
  void stixAndNavigator_realFindings_validateAgainstTheirSchemas() throws Exception {
    StringWriter stix = new StringWriter();
    new StixBundleWriter().write(findings, stix);
    Schemas.assertValid(Schemas.STIX, stix.toString());
    assertThat(JSON.readTree(stix.toString()).get("objects")).anyMatch(o -> o.get("type").asText().equals("sighting"));

    StringWriter layer = new StringWriter();
    new NavigatorFindingsLayer().write(findings, List.of("T1098.001", "T1530"), "Stratus fixtures", layer);
    Schemas.assertValid(Schemas.KUMO_NAVIGATOR, layer.toString());
    JsonNode techniques = JSON.readTree(layer.toString()).get("techniques");
    assertThat(techniques).anyMatch(t -> t.get("score").asInt() > 0);
  }
}
