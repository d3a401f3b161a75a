package dev.kumo.serve.ingest;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one push: HTTP status, the spool unit id when accepted (202), or the reason otherwise.
 * The reason never contains the token or the body.
 */
public record PushResult(int status, @Nullable String unit, int records, @Nullable String error) {
  static PushResult accepted(String unit, int records) {
    return new PushResult(202, unit, records, null);
  }

  static PushResult refused(int status, String error) {
    return new PushResult(status, null, 0, error);
  }

  /** The response body, JSON: {@code {"unit":..,"records":n}} or {@code {"error":".."}}. */
  public String json() {
    if (unit != null) {
      return "{\"unit\":\"" + jsonText(unit) + "\",\"records\":" + records + "}";
    }
    return "{\"error\":\"" + jsonText(String.valueOf(error)) + "\"}";
  }

  private static String jsonText(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
