package dev.kumo.investigate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.attack.Tactic;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingOrder;
import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.Level;
import dev.kumo.text.Escape;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlCaseReportTest {
  /** A start tag as the renderer writes it; escaped log text cannot contain one (it has no {@code <}). */
  private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>");
  private static final Pattern ATTR = Pattern.compile("\\s([a-zA-Z:-]+)(?:=\"([^\"]*)\")?");

  static String render(CaseReportData d) throws IOException {
    StringWriter w = new StringWriter();
    HtmlCaseReport.write(d, w);
    return w.toString();
  }

  private static List<String[]> attributes(String html) {
    List<String[]> out = new ArrayList<>();
    Matcher t = TAG.matcher(html);
    while (t.find()) {
      Matcher a = ATTR.matcher(t.group(2));
      while (a.find()) {
        out.add(new String[] {t.group(1), a.group(1), a.group(2) == null ? "" : a.group(2)});
      }
    }
    return out;
  }

  @Test
  void write_sameData_sameBytes() throws IOException {
    assertThat(render(ReportFixture.data())).isEqualTo(render(ReportFixture.data()));
  }

  @Test
  void write_fixture_hasEverySection() throws IOException {
    String html = render(ReportFixture.data());
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    for (String id : List.of("summary", "incidents", "timeline", "attack", "principals", "findings")) {
      assertThat(html).contains("<section id=\"" + id + "\">");
    }
    assertThat(html).contains("<svg class=\"timeline\"", "class=\"heatmap\"", "id=\"findings-table\"",
        "id=\"filter-text\"", "id=\"filter-level\"", "id=\"filter-incident\"");
  }

  @Test
  void write_plantedMarkup_isEscapedEverywhere() throws IOException {
    String html = render(ReportFixture.data());
    for (String p : ReportFixture.PLANTED) {
      if (!Escape.html(p).equals(p)) {
        assertThat(html).as("raw %s", p).doesNotContain(p);
      }
      assertThat(html).as("escaped %s", p).contains(Escape.html(p));
    }
    assertThat(html).doesNotContain("\u2028", "\u2029", "onerror=\"", "onerror='");
    assertThat(html).containsOnlyOnce("<script>").containsOnlyOnce("</script>");
    assertThat(html).contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
  }

  @Test
  void write_plantedQuotes_neverEndAnAttribute() throws IOException {
    for (String[] a : attributes(render(ReportFixture.data()))) {
      assertThat(a[1]).as("attribute of <%s>", a[0]).doesNotStartWithIgnoringCase("on").isNotEqualTo("style")
          .isNotEqualTo("src");
    }
  }

  @Test
  void write_links_areInPageFragmentsOnly() throws IOException {
    String html = render(ReportFixture.data());
    List<String[]> attrs = attributes(html);
    assertThat(attrs).filteredOn(a -> a[1].equals("href")).isNotEmpty()
        .allSatisfy(a -> assertThat(a[2]).startsWith("#"));
    assertThat(attrs).filteredOn(a -> List.of("src", "srcset", "action", "xlink:href", "poster", "data", "formaction")
        .contains(a[1])).isEmpty();
    assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("<img")
        .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("@import")
        .doesNotContainIgnoringCase("url(");
    assertThat(HtmlCaseReport.CSS + HtmlCaseReport.SCRIPT).doesNotContain("http:", "https:", "//cdn", "fetch(",
        "XMLHttpRequest", "innerHTML", "eval(", "new Function");
  }

  @Test
  void write_csp_forbidsNetworkAndAllowsOnlyOwnScriptAndStyleByHash() throws IOException {
    String html = render(ReportFixture.data());
    String csp = HtmlCaseReport.CSP;
    assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">");
    assertThat(csp).startsWith("default-src 'none';").contains("img-src data:").doesNotContain("unsafe");
    String script = between(html, "<script>", "</script>");
    String style = between(html, "<style>", "</style>");
    assertThat(csp).contains("script-src '" + HtmlCaseReport.sha256(script) + "'")
        .contains("style-src '" + HtmlCaseReport.sha256(style) + "'");
    assertThat(HtmlCaseReport.sha256("")).isEqualTo("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void write_incident_showsScopeNarrativeWhyAndFindings() throws IOException {
    CaseReportData d = ReportFixture.data();
    String html = render(d);
    String first = between(html, "<article class=\"incident lv-critical\" id=\"incident-1\">", "</article>");
    assertThat(first).contains(Escape.html(ReportFixture.TITLE_1), "INC-000000000001",
        "2026-03-01 10:00:00Z", "same access key AKIA1", "Attack chain", "Why these findings belong together",
        "data-incident=\"INC-000000000001\"");
    int persistence = first.indexOf("class=\"tactic\">Persistence ");
    assertThat(persistence).isNotNegative().isLessThan(first.indexOf("class=\"tactic\">Discovery "));
    assertThat(first.indexOf("class=\"tactic\">Discovery ")).isLessThan(first.indexOf("class=\"tactic\">Impact "));
    assertThat(first).contains(Escape.html(d.findings().get(0).reason()), Escape.html(d.findings().get(2).reason()));
    assertThat(html.indexOf("id=\"incident-1\"")).isLessThan(html.indexOf("id=\"incident-2\""));
  }

  @Test
  void write_findingsTable_hasOneRowPerFindingWithLevelRankAndIncidents() throws IOException {
    String html = render(ReportFixture.data());
    String body = between(html, "<table id=\"findings-table\"", "</table>");
    assertThat(body.split("<tr data-rank=", -1)).hasSize(9);
    assertThat(body).contains("<tr data-rank=\"4\" data-incidents=\"INC-000000000001\">",
        "<tr data-rank=\"0\" data-incidents=\"-\">");
    assertThat(html).contains("<option value=\"INC-000000000002\">INC-000000000002: "
        + Escape.html(ReportFixture.TITLE_2.substring(0, 79)) + "\u2026</option>");
  }

  @Test
  void write_heatMap_tacticsInKillChainOrderWithCounts() throws IOException {
    String map = between(render(ReportFixture.data()), "<div class=\"heatmap\"", "<p class=\"muted heatkey\">");
    List<Integer> heads = Arrays.stream(Tactic.values())
        .map(t -> map.indexOf("<div class=\"thead\">" + AttackHeatMap.breakable(t.displayName()) + "<"))
        .toList();
    assertThat(heads).doesNotContain(-1).isSorted();
    assertThat(AttackHeatMap.breakable("Privilege Escalation")).isEqualTo("Privi&shy;lege Esca&shy;la&shy;tion");
    assertThat(map).contains("<span class=\"tid\">T1485</span><span class=\"count\">2</span>",
        "<span class=\"tid\">T1098.001</span><span class=\"count\">2</span>", "heat-5", "tcol none");
    assertThat(map).contains("<span class=\"tid\">-</span><span class=\"count\">2</span>");
  }

  @Test
  void write_timeline_drawsBarsPerBucketWithAxisLabels() throws IOException {
    String svg = between(render(ReportFixture.data()), "<svg class=\"timeline\"", "</svg>");
    assertThat(svg.split("<rect class=\"ev\"", -1)).hasSize(5);
    assertThat(svg).contains("<rect class=\"lv-critical\"", "<rect class=\"lv-low\"", ">03-01 10:00<",
        ">03-01 14:00<", ">500<", "2026-03-01 12:00:00Z: 300 events", "Events and findings per hour");
    assertThat(svg).doesNotContain("2026-03-01 12:00:00Z: 1 critical");
  }

  @Test
  void nice_roundsAxisMaximumUpToEvenSteps() {
    assertThat(List.of(0L, 1L, 3L, 10L, 11L, 21L, 400L, 501L).stream().map(TimelineChart::nice).toList())
        .containsExactly(2L, 2L, 4L, 10L, 20L, 50L, 500L, 1000L);
  }

  @Test
  void write_emptyCase_rendersEmptyStates() throws IOException {
    CaseReportData empty = new CaseReportData(new CaseSummary("Empty", "empty", ReportFixture.GENERATED, 0,
        Map.of(), Map.of(), List.of(), List.of(), null, null, List.of()), List.of(), List.of(), List.of(), List.of());
    String html = render(empty);
    assertThat(html).contains("No incidents", "No events in the case.", "No findings name an ATT&amp;CK",
        "No principals in the case.", "No findings.", "<script>").doesNotContain("<svg");
  }

  @Test
  void rows_moreThanMax_keepsMostSevereInFindingOrder() {
    List<Finding> many = new ArrayList<>();
    FindingRule low = ReportFixture.rule("low", Level.LOW, "low", List.of(), List.of());
    FindingRule high = ReportFixture.rule("high", Level.HIGH, "high", List.of(), List.of());
    for (int i = 0; i < FindingTable.MAX_ROWS + 5; i++) {
      many.add(ReportFixture.finding(i, i % 1000 == 0 ? high : low));
    }
    List<Finding> rows = FindingTable.rows(many);
    assertThat(rows).hasSize(FindingTable.MAX_ROWS).isSortedAccordingTo(FindingOrder.ORDER);
    assertThat(rows.stream().filter(f -> f.ruleId().equals("high")).count()).isEqualTo(21);
  }

  @Test
  void write_failingWriter_throwsIOException() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> HtmlCaseReport.write(ReportFixture.data(), broken)).isInstanceOf(IOException.class)
        .hasMessage("disk full");
  }

  static String between(String s, String from, String to) {
    int a = s.indexOf(from);
    assertThat(a).as("%s in output", from).isNotNegative();
    int b = s.indexOf(to, a + from.length());
    assertThat(b).as("%s after %s", to, from).isNotNegative();
    return s.substring(a + from.length(), b);
  }
}
