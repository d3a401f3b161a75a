package dev.kumo.exercise.tabletop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {
  private static ScoreCard hostile() {
    return Scorer.score(Fixtures.tiny(), Fixtures.answers("""
        tabletop: tiny
        team:
          - {name: "<img src=x onerror=alert(1)>", role: incident-commander}
        injects:
          alert:
            at: 2026-03-10T10:00:00Z
            owners: [cloud-engineer]
            actions: [snapshot, terminate, "<script>alert('x')</script> | [link](javascript:alert(1))"]
        """));
  }

  @Test
  void html_hostileAnswerText_isEscaped() {
    String html = HtmlReport.render(hostile());
    assertThat(html).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;");
    assertThat(html).contains("Content-Security-Policy", "Harmful actions chosen", "Improvement plan",
        "docs/playbooks/ransomware.md#open-case");
  }

  @Test
  void markdown_hostileAnswerText_cannotAddHtmlLinksOrCells() {
    String md = MarkdownReport.render(hostile());
    assertThat(md).doesNotContain("<script>", "[link](").contains("&lt;script&gt;", "\\|");
  }

  @Test
  void markdown_listsWentWellMissedHarmfulOwnersAndPlan() {
    String md = MarkdownReport.render(hostile());
    assertThat(md).contains("## What went well", "- Snapshot the volumes — cloud-engineer",
        "## Missed decisions", "| `alert` | Open a case | incident-commander | "
            + "[docs/playbooks/ransomware.md#open-case](docs/playbooks/ransomware.md#open-case) |",
        "| `alert` | Terminate the instance now | -3 | destroys evidence |",
        "`incident-commander` at inject `alert`", "## Scores per role", "## Improvement plan",
        "played 2026-03-10T10:00:00Z");
    assertThat(TextSummary.render(hostile())).contains("score 1 / 12 (8%)", "harmful: Terminate the instance now");
  }
}
