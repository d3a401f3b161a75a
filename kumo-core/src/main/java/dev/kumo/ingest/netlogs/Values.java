package dev.kumo.ingest.netlogs;

import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Reading values out of parsed records: numbers, ports, addresses, ARNs, labels. */
public final class Values {
  private Values() {}

  /**
   * Parses characters {@code from..to} of {@code s} as a decimal integer: an optional {@code -} and 1
   * to 18 digits. Returns {@link Long#MIN_VALUE} for anything else.
   */
  public static long parseLong(CharSequence s, int from, int to) {
    boolean negative = from < to && s.charAt(from) == '-';
    int i = negative ? from + 1 : from;
    int digits = to - i;
    if (digits < 1 || digits > 18) {
      return Long.MIN_VALUE;
    }
    long v = 0;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
  }

  /** A record value as a whole number: a JSON integer, an integral decimal, or a string of digits. */
  public static @Nullable Long toLong(@Nullable Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof String s) {
      long p = parseLong(s, 0, s.length());
      return p == Long.MIN_VALUE ? null : p;
    }
    if (v instanceof BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  /** A record value as a TCP/UDP port (0 to 65535), else null. */
  public static @Nullable Integer port(@Nullable Object v) {
    Long l = toLong(v);
    return l == null || l < 0 || l > 65535 ? null : l.intValue();
  }

  /** A string member that holds a value: null when absent, not a string, empty or {@code -}. */
  public static @Nullable String text(@Nullable JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    return present(o.get(key));
  }

  /** Like {@link #text} but also accepts a key that differs in case (for exports that lower-case keys). */
  public static @Nullable String textIgnoreCase(@Nullable JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    return present(o.getIgnoreCase(key));
  }

  /** A string that holds a value, or null when {@code v} is not a string, is empty or is {@code -}. */
  public static @Nullable String present(@Nullable Object v) {
    if (v instanceof String s && !s.isEmpty() && !s.equals("-")) {
      return s;
    }
    return null;
  }

  /** {@code s} when it is an IPv4 or IPv6 literal, else null. */
  public static @Nullable String address(@Nullable String s) {
    return s != null && IpAddress.isAddress(s) ? s : null;
  }

  /**
   * Part {@code index} of an ARN ({@code arn:partition:service:region:account:resource}), or null
   * when {@code arn} is not an ARN or the part is empty. Region is part 3, account part 4.
   */
  public static @Nullable String arnPart(@Nullable String arn, int index) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int from = 0;
    for (int k = 0; k < index; k++) {
      from = arn.indexOf(':', from) + 1;
      if (from == 0) {
        return null;
      }
    }
    int to = arn.indexOf(':', from);
    if (to < 0) {
      to = arn.length();
    }
    return to > from ? arn.substring(from, to) : null;
  }

  /** {@code s} cut to at most {@code max} characters, with an ellipsis when cut. */
  public static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  /** {@code first + " " + second}, skipping either when null; null when both are. */
  public static @Nullable String label(@Nullable String first, @Nullable String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + " " + second;
  }

  /** {@code name} without one trailing dot ({@code example.com.} → {@code example.com}). */
  public static String withoutTrailingDot(String name) {
    return name.length() > 1 && name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  /** The host of an absolute URL, without user information, port or IPv6 brackets, else null. */
  public static @Nullable String urlHost(@Nullable String url) {
    int scheme = url == null ? -1 : url.indexOf("://");
    if (scheme < 0) {
      return null;
    }
    int from = scheme + 3;
    int to = from;
    while (to < url.length() && "/?#".indexOf(url.charAt(to)) < 0) {
      to++;
    }
    int at = url.lastIndexOf('@', to - 1);
    if (at >= from) {
      from = at + 1;
    }
    if (to > from && url.charAt(from) == '[') {
      int close = url.indexOf(']', from);
      return close > from + 1 && close < to ? url.substring(from + 1, close) : null;
    }
    int colon = url.lastIndexOf(':', to - 1);
    int end = colon >= from ? colon : to;
    return end > from ? url.substring(from, end) : null;
  }
}
