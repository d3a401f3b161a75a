package dev.kumo.posture.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
  private static final String HOSTILE = "<img src=x onerror=alert(1)>\u001b[31m|=cmd|' /C calc'!A0";
  private static final Doc DOC = new Doc("Report " + HOSTILE, List.of(new Doc.Heading("Section"),
      new Doc.Para(HOSTILE), new Doc.Bullets(List.of(HOSTILE)),
      new Doc.Table(List.of("a", "b"), List.of(List.of("1", HOSTILE)), List.of(1))));

  @Test
  void text_controlCharactersAreMadeVisible() {
    String out = new TextRenderer(TextRenderer.UNLIMITED).render(DOC);
    assertThat(out).doesNotContain("\u001b").contains("\\x1b[31m");
  }

  @Test
  void text_narrowTerminal_cutsWideColumnsFirst() {
    Doc.Table t = new Doc.Table(List.of("id", "long"), List.of(List.of("x", "y".repeat(300))), List.of(1));
    String out = new TextRenderer(80).render(new Doc("t", List.of(t)));
    assertThat(out.lines().skip(1)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(new TextRenderer(TextRenderer.UNLIMITED).render(new Doc("t", List.of(t)))).contains("y".repeat(300));
  }

  @Test
  void html_everyValueIsEscapedAndScriptsAreForbidden() {
    String out = new HtmlRenderer().render(DOC);
    assertThat(out).doesNotContain("<img").contains("&lt;img").doesNotContain("\u001b")
        .contains("default-src 'none'");
  }

  @Test
  void markdown_cellsCannotBreakTheTable() {
    String out = new MarkdownRenderer().render(DOC);
    assertThat(out).doesNotContain("<img").contains("\\|=cmd\\|");
  }

  @Test
  void csv_formulaIsNeutralised() {
    Doc.Table t = new Doc.Table(List.of("a"), List.of(List.of("=HYPERLINK(\"http://x\")"), List.of("+1")), List.of());
    assertThat(new CsvRenderer().render(t)).isEqualTo("a\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+1\r\n");
  }
}
