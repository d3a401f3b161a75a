package dev.kumo.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kumo.attack.Tactic;
import dev.kumo.detect.LoadedRules;
import dev.kumo.exercise.drill.DrillFixtures;
import dev.kumo.exercise.drill.ExerciseResult;
import dev.kumo.exercise.drill.Scorer;
import dev.kumo.exercise.drill.StratusLabels;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SharedData;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  static LoadedRules builtin;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    builtin = LoadedRules.load(true, List.of(), CompileOptions.defaults());
  }

  /** A drill with one detected step (T1562.008), one missed (T1001.003, no rule) and one absent source. */
  private ExerciseResult drill(String hostile) throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    f.stopLogging("e-2", "2026-03-02T10:05:00Z");
    f.label("e-2", "2026-03-02T10:05:00Z", "blind" + hostile, "T1562.008", "aws.cloudtrail");
    f.label("e-1", "2026-03-02T10:00:00Z", "hide" + hostile, "T1001.003", "aws.cloudtrail");
    f.label("flow-1", "2026-03-02T10:00:00Z", "scan", "T1046", "aws.vpcflow");
    f.rawLabel("{\"schema\":\"" + hostile + "\"}");
    Path logs = f.write(dir);
    return new Scorer(builtin, HuntOptions.defaults().withThreads(1)).score(logs, dir.resolve("labels.jsonl"));
  }

  private static JsonObject layerJson(ExerciseResult r) throws Exception {
    StringWriter w = new StringWriter();
    new NavigatorLayer().write(r, "Kumo drill", w);
    return (JsonObject) JsonTreeReader.lenient().read(w.toString());
  }

  @Test
  void navigatorLayer_drill_hasRequiredFieldsOfFormat45WithRightTypes() throws Exception {
    JsonObject layer = layerJson(drill(""));

    assertThat(layer.get("name")).isEqualTo("Kumo drill");
    assertThat(layer.get("domain")).isEqualTo("enterprise-attack");
    assertThat(layer.get("description")).isInstanceOf(String.class);
    JsonObject versions = layer.getObject("versions");
    assertThat(versions.get("layer")).isEqualTo("4.5");
    assertThat(versions.get("attack")).isEqualTo("18");
    assertThat(versions.get("navigator")).isInstanceOf(String.class);
    JsonObject gradient = layer.getObject("gradient");
    assertThat((JsonArray) gradient.get("colors")).hasSize(3).allMatch(c -> ((String) c).matches("#[0-9a-f]{6}"));
    assertThat(((Number) gradient.get("minValue")).intValue()).isZero();
    assertThat(((Number) gradient.get("maxValue")).intValue()).isEqualTo(100);
    assertThat((JsonArray) layer.get("legendItems")).isNotEmpty()
        .allSatisfy(i -> assertThat(((JsonObject) i).get("label")).isInstanceOf(String.class));
    assertThat(layer.get("showTacticRowBackground")).isInstanceOf(Boolean.class);
    JsonArray techniques = (JsonArray) layer.get("techniques");
    assertThat(techniques).hasSize(3);
    for (Object o : techniques) {
      JsonObject t = (JsonObject) o;
      assertThat((String) t.get("techniqueID")).matches("T\\d{4}(\\.\\d{3})?");
      assertThat(Tactic.parse((String) t.get("tactic"))).isNotNull();
      assertThat(((Number) t.get("score")).intValue()).isBetween(0, 100);
      assertThat(t.get("enabled")).isEqualTo(Boolean.TRUE);
      assertThat(t.get("comment")).isInstanceOf(String.class);
      assertThat((JsonArray) t.get("metadata")).allSatisfy(m -> {
        assertThat(((JsonObject) m).get("name")).isEqualTo("step");
        assertThat(((JsonObject) m).get("value")).isInstanceOf(String.class);
      });
    }
    JsonObject detected = find(techniques, "T1562.008");
    assertThat(((Number) detected.get("score")).intValue()).isEqualTo(100);
    assertThat(detected.get("tactic")).isEqualTo("defense-impairment");
    JsonObject missed = find(techniques, "T1001.003");
    assertThat(((Number) missed.get("score")).intValue()).isZero();
    assertThat((String) missed.get("comment")).contains("no rule");
    assertThat((String) find(techniques, "T1046").get("comment")).contains("log source absent");
  }

  @Test
  void navigatorLayer_sameDrill_isByteIdenticalExceptNothing() throws Exception {
    ExerciseResult r = drill("");
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    new NavigatorLayer().write(r, "x", a);
    new NavigatorLayer().write(r, "x", b);
    assertThat(a.toString()).isEqualTo(b.toString());
  }

  @Test
  void navigatorLayer_techniqueIds_existInSharedAttackData() throws Exception {
    Path attack = SharedData.require("data/mitre-attack-enterprise/enterprise-attack.reconstructed.json.gz");
    Set<String> ids = attackIds(attack);
    assertThat(ids).hasSizeGreaterThan(500);

    List<JsonObject> layers = List.of(layerJson(drill("")), layerJson(stratus()));

    for (JsonObject layer : layers) {
      assertThat((JsonArray) layer.get("techniques")).isNotEmpty().allSatisfy(o -> {
        String id = (String) ((JsonObject) o).get("techniqueID");
        assertThat(ids).as("technique %s in ATT&CK data", id).contains(id);
      });
    }
  }

  @Test
  void markdownReport_missedSteps_namedInGapTableWithReason() throws Exception {
    StringWriter w = new StringWriter();
    new MarkdownReport().write(drill(""), new PrintWriter(w));
    String md = w.toString();

    assertThat(md).contains("## Gaps: missed steps and why");
    assertThat(md).contains("| T1001.003 | drill/hide | aws.cloudtrail | no rule |");
    assertThat(md).contains("| T1046 | drill/scan | aws.vpcflow | log source absent |");
    assertThat(md).contains("detected");
  }

  @Test
  void htmlReport_hostileLabelsAndLogValues_areEscaped() throws Exception {
    // as written in the labels file (JSON escapes): <script>alert(1)</script>"'& ESC [31m
    String hostile = "<script>alert(1)</script>\\\"'&\\u001b[31m";
    ExerciseResult r = drill(hostile);
    StringWriter w = new StringWriter();
    new HtmlReport().write(r, new PrintWriter(w));
    String html = w.toString();

    assertThat(html).doesNotContain("<script").doesNotContain("\u001b");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;\\x1b[31m");
    assertThat(html).contains("<style>").doesNotContain("<link").doesNotContain("src=");
    assertThat(html).contains("missed: no rule");
  }

  @Test
  void terminalAndMarkdownReports_hostileValues_areEscaped() throws Exception {
    // as written in the labels file (JSON escapes): <script>| ESC ]0;pwned BEL
    String hostile = "<script>|\\u001b]0;pwned\\u0007x";
    ExerciseResult r = drill(hostile);
    StringWriter t = new StringWriter();
    new TerminalReport(false).write(r, new PrintWriter(t));
    StringWriter m = new StringWriter();
    new MarkdownReport().write(r, new PrintWriter(m));

    assertThat(t.toString()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\x1b]0;pwned\\x07x");
    assertThat(m.toString()).doesNotContain("<script>").doesNotContain("\u001b").contains("&lt;script&gt;\\|");
  }

  @Test
  void terminalReport_color_onlyWhenAsked() throws Exception {
    ExerciseResult r = drill("");
    StringWriter plain = new StringWriter();
    new TerminalReport(false).write(r, new PrintWriter(plain));
    StringWriter colored = new StringWriter();
    new TerminalReport(true).write(r, new PrintWriter(colored));

    assertThat(plain.toString()).doesNotContain("\u001b[");
    assertThat(colored.toString()).contains("\u001b[32m");
  }

  private ExerciseResult stratus() throws Exception {
    Path logs = SharedData.require("data/stratus-red-team-detonation-logs/detonation-logs");
    Path labels = dir.resolve("stratus.jsonl");
    StratusLabels.write(logs, labels);
    return new Scorer(builtin, HuntOptions.defaults().withThreads(2)).score(logs, labels);
  }

  private static JsonObject find(JsonArray techniques, String id) {
    return techniques.stream().map(o -> (JsonObject) o).filter(t -> id.equals(t.get("techniqueID"))).findFirst()
        .orElseThrow();
  }

  /** ATT&CK ids (external_id T...) of the attack-patterns in a STIX bundle, streamed. */
  private static Set<String> attackIds(Path bundle) throws Exception {
    Set<String> ids = new HashSet<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(bundle));
        JsonParser p = new JsonFactory().createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME && "external_id".equals(p.currentName())) {
          p.nextToken();
          String v = p.getText();
          if (v.matches("T\\d{4}(\\.\\d{3})?")) {
            ids.add(v);
          }
        }
      }
    }
    return ids;
  }
}
