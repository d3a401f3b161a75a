package dev.kumo.exercise.tabletop;

import dev.kumo.text.Escape;

/** Escaping for the media reports are written to; scenario and answer text is user-written. */
final class Text {
  private Text() {}

  /** HTML text and attribute values: {@code & < > " '} become entities; control characters are dropped. */
  static String html(String s) {
    StringBuilder kept = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unsafe(c) || c == '\n') {
        kept.append(c);
      }
    }
    return Escape.entities(kept.toString());
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
    return Escape.unsafe(c);
  }
}
