package dev.kumo.json;

import java.math.BigDecimal;

/** Writes tree values as compact JSON text (RFC 8259), escaping control characters. */
public final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Returns the compact JSON text of any tree value. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder(64);
    append(sb, value);
    return sb.toString();
  }

  /** Appends the compact JSON text of any tree value to {@code sb}. */
  public static void append(StringBuilder sb, Object value) {
    if (value instanceof String s) {
      appendString(sb, s);
    } else if (value instanceof JsonObject o) {
      sb.append('{');
      for (int i = 0; i < o.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        appendString(sb, o.keyAt(i));
        sb.append(':');
        append(sb, o.valueAt(i));
      }
      sb.append('}');
    } else if (value instanceof JsonArray a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        append(sb, a.get(i));
      }
      sb.append(']');
    } else {
      sb.append(scalarText(value));
    }
  }

  /**
   * The text of a scalar as Sigma compares it: strings as they are, numbers in their JSON form,
   * booleans as {@code true}/{@code false}, JSON null as {@code null}.
   */
  public static String scalarText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toString(); // never toPlainString(): 1e999999999 would expand to a billion digits
    }
    return String.valueOf(value);
  }

  /** Appends {@code s} as a quoted JSON string. */
  public static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            if (c >= 0x100) {
              sb.setLength(sb.length() - 4);
              sb.append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                  .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
