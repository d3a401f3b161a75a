package dev.kumo.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapeTest {
  @Test
  void html_markupAndBothQuotes_becomeEntities() {
    assertThat(Escape.html("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void html_lineSeparatorsAndBidiControls_becomeVisibleEscapes() {
    assertThat(Escape.html("a\u2028b\u2029c\u202ed\u001be\n")).isEqualTo("a\\u2028b\\u2029c\\u202ed\\x1be\\x0a");
  }

  @Test
  void terminal_plainText_isReturnedAsItIs() {
    String s = "arn:aws:iam::123456789012:user/alice ${7*7}";
    assertThat(Escape.terminal(s)).isSameAs(s);
  }

  @Test
  void markdown_cellBreakersAndHtml_areEscaped() {
    assertThat(Escape.markdown("a|b <i>*x*</i>")).isEqualTo("a\\|b &lt;i&gt;\\*x\\*&lt;/i&gt;");
  }
}
