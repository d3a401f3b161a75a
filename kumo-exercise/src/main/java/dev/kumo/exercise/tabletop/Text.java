package dev.kumo.exercise.tabletop;

/** Escaping for the media reports are written to; scenario and answer text is user-written. */
final class Text {
  private Text() {}

  /** HTML text and attribute values: {@code & < > " '} become entities; control characters are dropped. */
  static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (!unsafe(c) || c == '\n') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * One line of Markdown text: control characters and newlines become spaces, and characters Markdown or its
   * embedded HTML would interpret ({@code \ ` * _ [ ] < > | #}) are backslash-escaped or entity-encoded.
   */
  static String md(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c)) {
        sb.append(' ');
      } else if (c == '<') {
        sb.append("&lt;");
      } else if (c == '>') {
        sb.append("&gt;");
      } else if (c == '&') {
        sb.append("&amp;");
      } else if ("\\`*_[]|#".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Terminal text: control characters other than newline, and bidi/invisible format characters, become '?'. */
  static String terminal(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c != '\n' && unsafe(c) ? '?' : c);
    }
    return sb.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
  }
}
