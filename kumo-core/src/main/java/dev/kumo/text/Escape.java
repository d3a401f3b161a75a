package dev.kumo.text;

/**
 * Escaping for the media reports are written to. Log and label text is attacker-controlled: every
 * string from a log goes through one of these before it is written. Stateless and thread-safe.
 */
public final class Escape {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Escape() {}

  /**
   * For terminals: control characters (C0, DEL, C1) and bidirectional or invisible formatting
   * characters become visible escapes such as {@code \x1b}, so log text cannot drive the terminal.
   */
  public static String terminal(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        if (c < 0x100) {
          sb.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        } else {
          sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
              .append(HEX[c & 0xF]);
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /**
   * For HTML text and quoted attribute values (either quote): control and invisible characters are
   * made visible as by {@link #terminal}, then {@code & < > " '} become entities.
   */
  public static String html(String s) {
    return entities(terminal(s));
  }

  /** {@code & < > " '} as HTML entities, the rest as it is (the caller deals with control characters). */
  public static String entities(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * For a Markdown table cell: HTML-escaped (Markdown renders inline HTML), with the characters that
   * break cells or start formatting escaped.
   */
  public static String markdown(String s) {
    String t = html(s);
    StringBuilder sb = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ("|\\`*_[]()#!~".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * For a CSV field (RFC 4180): quoted when needed, and a single quote put before values a spreadsheet
   * would run as a formula ({@code = + - @}, tab, carriage return).
   */
  public static String csv(String s) {
    String v = s;
    if (!v.isEmpty()) {
      char c = v.charAt(0);
      if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
        v = "'" + v;
      }
    }
    boolean quote = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == ';') {
        quote = true;
        break;
      }
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /** Control characters (C0, DEL, C1) and bidirectional or invisible formatting characters. */
  public static boolean unsafe(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200b || c == 0xfeff
        || c == 0x2028 || c == 0x2029;
  }
}
