package dev.kumo.ingest.netlogs;

import dev.kumo.ingest.support.Derived;
import dev.kumo.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Derived fields of web request records, so that one rule reads every web log alike whatever it
 * encodes: {@code kumo.url}, the request's URL (path and query, or the full URL where the log has
 * it) {@linkplain #decode decoded}, and {@code kumo.user_agent}, the decoded user agent, for logs
 * that URL-encode it (CloudFront, S3 server access).
 */
public final class WebFields {
  /** Rounds of decoding: {@code %252e} (double encoding) and {@code %25252e} still decode to '.'. */
  private static final int MAX_ROUNDS = 3;

  private WebFields() {}

  /**
   * {@code record} with {@code kumo.url} and {@code kumo.user_agent} set to the decoded values;
   * {@code record} itself when both are null.
   */
  public static JsonObject attach(JsonObject record, @Nullable String url, @Nullable String encodedUserAgent) {
    if (url == null && encodedUserAgent == null) {
      return record;
    }
    JsonObject.Builder derived = JsonObject.builder();
    if (url != null) {
      derived.put("url", decode(url));
    }
    if (encodedUserAgent != null) {
      derived.put("user_agent", decodeUserAgent(encodedUserAgent));
    }
    return Derived.attach(record, derived);
  }

  /**
   * {@code s} URL-decoded the way a permissive server would read it: {@code %XX} escapes as UTF-8,
   * repeated while that changes the text (up to three rounds, for double encoding), '+' as a space,
   * and overlong two-byte UTF-8 forms of ASCII ({@code %c0%ae} for '.', {@code %c0%af} for '/') as
   * that ASCII character. Invalid escapes are kept as they are. Returns {@code s} itself when there
   * is nothing to decode.
   */
  public static String decode(String s) {
    return decodeRounds(s.indexOf('+') >= 0 ? s.replace('+', ' ') : s);
  }

  /** A URL-encoded user agent decoded like {@link #decode}, but '+' kept: user agents encode spaces as %20. */
  public static String decodeUserAgent(String s) {
    return decodeRounds(s);
  }

  private static String decodeRounds(String s) {
    String out = s;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String next = decodeEscapes(out);
      if (next == out) {
        break;
      }
      out = next;
    }
    return out;
  }

  /** One round of %XX decoding; {@code s} itself when it has no valid escape. */
  private static String decodeEscapes(String s) {
    int pct = firstEscape(s, 0);
    if (pct < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    sb.append(s, 0, pct);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = pct;
    while (i < s.length()) {
      if (isEscape(s, i)) {
        bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 3;
      } else {
        flush(bytes, sb);
        sb.append(s.charAt(i++));
      }
    }
    flush(bytes, sb);
    return sb.toString();
  }

  /** Appends the escaped bytes as UTF-8, overlong forms of ASCII read as that character. */
  private static void flush(ByteArrayOutputStream bytes, StringBuilder sb) {
    if (bytes.size() == 0) {
      return;
    }
    byte[] b = bytes.toByteArray();
    bytes.reset();
    int start = 0;
    for (int i = 0; i + 1 < b.length; i++) {
      int lead = b[i] & 0xff;
      int next = b[i + 1] & 0xff;
      if ((lead == 0xc0 || lead == 0xc1) && (next & 0xc0) == 0x80) {
        sb.append(new String(b, start, i - start, StandardCharsets.UTF_8));
        sb.append((char) (((lead & 0x1f) << 6) | (next & 0x3f)));
        start = i + 2;
        i++;
      }
    }
    sb.append(new String(b, start, b.length - start, StandardCharsets.UTF_8));
  }

  private static int firstEscape(String s, int from) {
    for (int i = s.indexOf('%', from); i >= 0; i = s.indexOf('%', i + 1)) {
      if (isEscape(s, i)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isEscape(String s, int i) {
    return s.charAt(i) == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
