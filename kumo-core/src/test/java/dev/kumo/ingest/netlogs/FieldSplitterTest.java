package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldSplitterTest {
  private static String[] fields(FieldSplitter f, String line) {
    assertThat(f.split(line)).isTrue();
    String[] out = new String[f.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.text(i);
    }
    return out;
  }

  @Test
  void spaces_runsOfSpacesSeparateAndQuotesKeepSpaces() {
    FieldSplitter f = FieldSplitter.spaces(false);
    assertThat(fields(f, "  a  b \"c d\"  \"\" e ")).containsExactly("a", "b", "c d", "", "e");
    assertThat(f.enclosed(2)).isTrue();
    assertThat(f.enclosed(0)).isFalse();
  }

  @Test
  void spaces_escapedQuotesAndBackslashesAreResolvedInsideQuotes() {
    FieldSplitter f = FieldSplitter.spaces(false);
    assertThat(fields(f, "\"say \\\"hi\\\"\" \"a\\\\b\" \"\\x41\" x\\\"y"))
        .containsExactly("say \"hi\"", "a\\b", "\\x41", "x\\\"y");
  }

  @Test
  void spaces_quoteInsideAValueDoesNotEndTheField() {
    FieldSplitter f = FieldSplitter.spaces(false);
    assertThat(fields(f, "\"a\"b c\" next")).containsExactly("a\"b c", "next");
  }

  @Test
  void spaces_bracketsWhenAsked() {
    assertThat(fields(FieldSplitter.spaces(true), "a [06/Feb/2019:00:00:38 +0000] b"))
        .containsExactly("a", "06/Feb/2019:00:00:38 +0000", "b");
    assertThat(fields(FieldSplitter.spaces(false), "a [x y] b")).containsExactly("a", "[x", "y]", "b");
  }

  @Test
  void split_unclosedQuoteOrBracket_isFalse() {
    assertThat(FieldSplitter.spaces(false).split("a \"b c")).isFalse();
    assertThat(FieldSplitter.spaces(false).split("a \"b\\\"")).isFalse();
    assertThat(FieldSplitter.spaces(true).split("a [b c")).isFalse();
  }

  @Test
  void tabs_everyTabSeparates() {
    FieldSplitter f = FieldSplitter.tabs();
    assertThat(fields(f, "a\t\tb c\t")).containsExactly("a", "", "b c", "");
    assertThat(f.isEmpty(1)).isTrue();
    assertThat(f.value(1)).isNull();
  }

  @Test
  void values_dashAndNumbers() {
    FieldSplitter f = FieldSplitter.spaces(false);
    f.split("- 42 -7 4x 1234567890123456789 \"-\"");
    assertThat(f.value(0)).isNull();
    assertThat(f.numberOrText(1)).isEqualTo(42L);
    assertThat(f.numberOrText(2)).isEqualTo(-7L);
    assertThat(f.numberOrText(3)).isEqualTo("4x");
    assertThat(f.numberOrText(4)).isEqualTo("1234567890123456789");
    assertThat(f.value(5)).isNull();
    assertThat(f.value(99)).isNull();
  }

  @Test
  void split_tooManyFields_areCappedAndFlagged() {
    FieldSplitter f = FieldSplitter.spaces(false);
    assertThat(f.split("x ".repeat(10_000))).isTrue();
    assertThat(f.count()).isEqualTo(FieldSplitter.MAX_FIELDS);
    assertThat(f.overflow()).isTrue();
    f.split("a b");
    assertThat(f.overflow()).isFalse();
    assertThat(f.count()).isEqualTo(2);
  }

  @Test
  void split_longHostileLines_finishQuickly() {
    FieldSplitter f = FieldSplitter.spaces(true);
    long start = System.nanoTime();
    assertThat(f.split("\"" + "\\\"".repeat(500_000))).isFalse();
    assertThat(f.split("[" + "x".repeat(1_000_000))).isFalse();
    assertThat(f.split("\"" + "a\" ".repeat(1).repeat(1) + "\"".repeat(200_000))).isTrue();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }
}
