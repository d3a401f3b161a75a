package dev.kumo.net;

import org.jspecify.annotations.Nullable;

/**
 * Parses IPv4 and IPv6 address literals into bytes. Never performs DNS lookups (unlike
 * {@link java.net.InetAddress#getByName}), so hostile log values cannot trigger network traffic.
 */
public final class IpAddress {
  private IpAddress() {}

  /**
   * Returns 4 bytes for IPv4, 16 bytes for IPv6, or null when {@code s} is not an address literal.
   * IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) are returned as IPv4. A trailing IPv6
   * zone ({@code %eth0}) is ignored.
   */
  public static byte @Nullable [] parse(String s) {
    int n = s.length();
    if (n < 2 || n > 64) {
      return null;
    }
    if (s.indexOf(':') >= 0) {
      byte[] v6 = parseV6(s);
      if (v6 != null && isV4Mapped(v6)) {
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
      }
      return v6;
    }
    return parseV4(s, 0, n);
  }

  /** Whether {@code s} is an IPv4 or IPv6 literal. */
  public static boolean isAddress(String s) {
    return parse(s) != null;
  }

  private static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }

  static byte @Nullable [] parseV4(String s, int from, int to) {
    byte[] out = new byte[4];
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return null; // leading zeros are ambiguous (octal in some parsers)
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (value > 255 || ++digits > 3) {
          return null;
        }
      } else if (c == '.') {
        if (value < 0 || part == 3) {
          return null;
        }
        out[part++] = (byte) value;
        value = -1;
        digits = 0;
      } else {
        return null;
      }
    }
    if (value < 0 || part != 3) {
      return null;
    }
    out[3] = (byte) value;
    return out;
  }

  private static byte @Nullable [] parseV6(String s) {
    int end = s.indexOf('%');
    if (end < 0) {
      end = s.length();
    }
    int start = 0;
    if (s.charAt(0) == '[' && end > 0 && s.charAt(end - 1) == ']') {
      start = 1;
      end--;
    }
    byte[] out = new byte[16];
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = start;
    if (i + 1 < end && s.charAt(i) == ':' && s.charAt(i + 1) == ':') {
      gap = 0;
      i += 2;
      if (i == end) {
        return out;
      }
    } else if (i < end && s.charAt(i) == ':') {
      return null;
    }
    while (i < end) {
      int j = i;
      int value = 0;
      while (j < end && j - i < 5 && Character.digit(s.charAt(j), 16) >= 0) {
        value = value * 16 + Character.digit(s.charAt(j), 16);
        j++;
      }
      if (j < end && s.charAt(j) == '.') {
        byte[] v4 = parseV4(s, i, end);
        if (v4 == null || count > 6) {
          return null;
        }
        groups[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        groups[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        i = end;
        break;
      }
      if (j == i || j - i > 4 || count == 8) {
        return null;
      }
      groups[count++] = value;
      if (j == end) {
        i = end;
        break;
      }
      if (s.charAt(j) != ':') {
        return null;
      }
      if (j + 1 < end && s.charAt(j + 1) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i = j + 2;
      } else {
        i = j + 1;
        if (i == end) {
          return null;
        }
      }
    }
    if (gap < 0 && count != 8) {
      return null;
    }
    if (gap >= 0 && count > 7) {
      return null;
    }
    int[] full = new int[8];
    if (gap < 0) {
      full = groups;
    } else {
      int tail = count - gap;
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    }
    for (int g = 0; g < 8; g++) {
      out[2 * g] = (byte) (full[g] >> 8);
      out[2 * g + 1] = (byte) full[g];
    }
    return out;
  }

  /** Formats 4 or 16 bytes as an address literal (IPv6 without zero compression). */
  public static String format(byte[] a) {
    StringBuilder sb = new StringBuilder();
    if (a.length == 4) {
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          sb.append('.');
        }
        sb.append(a[i] & 0xff);
      }
      return sb.toString();
    }
    for (int i = 0; i < 16; i += 2) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff)));
    }
    return sb.toString();
  }

  /**
   * Whether an address is not routable on the internet: private (RFC 1918), carrier-grade NAT
   * (100.64/10), loopback, link-local (including the instance metadata address), unspecified,
   * unique-local IPv6 (fc00::/7) or IPv6 link-local and loopback.
   */
  public static boolean isInternal(byte[] a) {
    int b0 = a[0] & 0xff;
    int b1 = a[1] & 0xff;
    if (a.length == 4) {
      return b0 == 10 || b0 == 127 || b0 == 0 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)
          || (b0 == 169 && b1 == 254) || (b0 == 100 && (b1 & 0xc0) == 64);
    }
    boolean zeroPrefix = true;
    for (int i = 0; i < 15; i++) {
      if (a[i] != 0) {
        zeroPrefix = false;
        break;
      }
    }
    return zeroPrefix || (b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0x80);
  }

  /** {@link #isInternal(byte[])} for a literal; false when it is no address. */
  public static boolean isInternal(String address) {
    byte[] a = parse(address);
    return a != null && isInternal(a);
  }

  /**
   * The canonical text of an address: dotted IPv4, or IPv6 per RFC 5952 (lower case, the longest run
   * of two or more zero groups as {@code ::}).
   */
  public static String canonical(byte[] a) {
    if (a.length == 4) {
      return format(a);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    int best = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        best = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == best) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }
}
