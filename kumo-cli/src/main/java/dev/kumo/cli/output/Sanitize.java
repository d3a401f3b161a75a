package dev.kumo.cli.output;

/**
 * Makes log content safe for one output medium. Log fields are written by attackers: a user agent
 * can carry terminal escape sequences, a principal name can start a spreadsheet formula.
 */
public final class Sanitize {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Sanitize() {}

  /**
   * For terminals: every control character (C0, DEL, C1) and every bidirectional or invisible
   * formatting character is replaced by a visible escape such as {@code \x1b} or {@code \u202e}, so
   * nothing in a log can move the cursor, recolour the screen or reorder text.
   */
  public static String terminal(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isUnsafe(c)) {
        if (sb == null) {
          sb = new StringBuilder(s.length() + 8);
          sb.append(s, 0, i);
        }
        if (c < 0x100) {
          sb.append("\\x").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        } else {
          sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
              .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
      } else if (sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  static boolean isUnsafe(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
        || c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x200b || c == 0xfeff || c == 0x2028 || c == 0x2029;
  }

  /**
   * For CSV (RFC 4180): quotes the field when needed, and prefixes a single quote to values that a
   * spreadsheet would run as a formula ({@code = + - @}, tab, carriage return).
   */
  public static String csv(String s) {
    return dev.kumo.text.Escape.csv(s);
  }
}
