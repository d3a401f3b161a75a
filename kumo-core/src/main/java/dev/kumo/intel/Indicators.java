package dev.kumo.intel;

import dev.kumo.net.IpAddress;
import dev.kumo.net.IpNetwork;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Canonical indicator values, and the type of a bare value when a feed does not say it. */
public final class Indicators {
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
  private static final Pattern DOMAIN = Pattern.compile(
      "(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\\.)+[a-z0-9-]{1,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern AWS_KEY = Pattern.compile("(AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA)[A-Z0-9]{12,}");
  private static final Pattern AWS_ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern WALLET = Pattern.compile(
      "4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}" // Monero
          + "|(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,62}" // Bitcoin
          + "|0x[0-9a-fA-F]{40}"); // Ethereum

  private Indicators() {}

  /**
   * The canonical form of {@code raw} as a {@code type} value.
   *
   * @throws IllegalArgumentException saying why {@code raw} is not such a value
   */
  public static String canonical(IndicatorType type, String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      throw new IllegalArgumentException("empty " + type.id() + " value");
    }
    return switch (type) {
      case IP -> ip(v);
      case DOMAIN -> domain(v);
      case URL -> url(v);
      case FILE_HASH -> hash(v);
      case EMAIL -> {
        if (!EMAIL.matcher(v).matches()) {
          throw new IllegalArgumentException("not an e-mail address: " + v);
        }
        yield v.toLowerCase(Locale.ROOT);
      }
      case ACCOUNT -> v.toLowerCase(Locale.ROOT);
      case USER_AGENT, ACCESS_KEY, ARN, WALLET -> v;
    };
  }

  /**
   * The type of a bare value from a plain list (an address or CIDR, a URL, a hash, an e-mail
   * address, an AWS access key or account id, a wallet, else a domain), or null when it is none.
   */
  public static @Nullable IndicatorType detect(String raw) {
    String v = raw.strip();
    if (v.isEmpty()) {
      return null;
    }
    if (isIp(v)) {
      return IndicatorType.IP;
    }
    if (v.contains("://")) {
      return IndicatorType.URL;
    }
    if (v.startsWith("arn:")) {
      return IndicatorType.ARN;
    }
    if (AWS_KEY.matcher(v).matches()) {
      return IndicatorType.ACCESS_KEY;
    }
    if (AWS_ACCOUNT.matcher(v).matches()) {
      return IndicatorType.ACCOUNT;
    }
    if (HEX.matcher(v).matches() && isHashLength(v.length())) {
      return IndicatorType.FILE_HASH;
    }
    if (WALLET.matcher(v).matches()) {
      return IndicatorType.WALLET;
    }
    if (EMAIL.matcher(v).matches()) {
      return IndicatorType.EMAIL;
    }
    if (DOMAIN.matcher(stripDot(v.toLowerCase(Locale.ROOT))).matches()) {
      return IndicatorType.DOMAIN;
    }
    return null;
  }

  private static boolean isIp(String v) {
    int slash = v.indexOf('/');
    return IpAddress.isAddress(slash < 0 ? v : v.substring(0, slash));
  }

  private static String ip(String v) {
    int slash = v.indexOf('/');
    if (slash < 0) {
      byte[] a = IpAddress.parse(v);
      if (a == null) {
        throw new IllegalArgumentException("not an IP address: " + v);
      }
      return IpAddress.canonical(a);
    }
    try {
      IpNetwork n = IpNetwork.parse(v);
      int full = n.address().length * 8;
      return n.prefix() == full ? IpAddress.canonical(n.address()) : IpAddress.canonical(n.address()) + "/" + n.prefix();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an IP network: " + v, e);
    }
  }

  private static String domain(String v) {
    String d = stripDot(v.toLowerCase(Locale.ROOT));
    if (d.startsWith("*.")) {
      d = d.substring(2);
    }
    if (!DOMAIN.matcher(d).matches()) {
      throw new IllegalArgumentException("not a domain name: " + v);
    }
    return d;
  }

  private static String url(String v) {
    try {
      URI u = new URI(v);
      if (u.getScheme() == null || u.getRawAuthority() == null) {
        throw new IllegalArgumentException("not an absolute URL: " + v);
      }
      String rest = v.substring(v.indexOf("://") + 3);
      int cut = firstOf(rest, '/', '?', '#');
      String authority = cut < 0 ? rest : rest.substring(0, cut);
      return u.getScheme().toLowerCase(Locale.ROOT) + "://" + authority.toLowerCase(Locale.ROOT)
          + (cut < 0 ? "" : rest.substring(cut));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + v);
    }
  }

  /** The host of a URL (lower case, without port or brackets), or null. */
  public static @Nullable String urlHost(String url) {
    int s = url.indexOf("://");
    if (s < 0) {
      return null;
    }
    String rest = url.substring(s + 3);
    int cut = firstOf(rest, '/', '?', '#');
    String authority = cut < 0 ? rest : rest.substring(0, cut);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? null : authority.substring(1, close).toLowerCase(Locale.ROOT);
    }
    int colon = authority.lastIndexOf(':');
    String host = colon < 0 ? authority : authority.substring(0, colon);
    return host.isEmpty() ? null : stripDot(host.toLowerCase(Locale.ROOT));
  }

  private static int firstOf(String s, char... cs) {
    int best = -1;
    for (char c : cs) {
      int i = s.indexOf(c);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  private static String hash(String v) {
    if (!HEX.matcher(v).matches() || !isHashLength(v.length())) {
      throw new IllegalArgumentException("not an MD5, SHA-1, SHA-256 or SHA-512 hash: " + v);
    }
    return v.toLowerCase(Locale.ROOT);
  }

  private static boolean isHashLength(int n) {
    return n == 32 || n == 40 || n == 64 || n == 128;
  }

  private static String stripDot(String d) {
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }
}
