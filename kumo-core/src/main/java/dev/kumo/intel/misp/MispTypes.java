package dev.kumo.intel.misp;

import dev.kumo.intel.IndicatorType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which MISP attribute types are indicators, and which part of a composite value ({@code a|b}) is.
 * Types not listed here (text, comment, link, filename, port, regkey, yara, ...) are not indicators.
 */
final class MispTypes {
  /** One indicator value taken from an attribute. */
  record Part(IndicatorType type, String raw) {}

  /** How to read a type: its indicator type(s) and which {@code |}-separated part(s) hold them. */
  private record Rule(IndicatorType first, @Nullable IndicatorType second, int part) {}

  private static final Map<String, Rule> RULES = Map.ofEntries(
      single("ip-src", IndicatorType.IP), single("ip-dst", IndicatorType.IP),
      part("ip-src|port", IndicatorType.IP, 0), part("ip-dst|port", IndicatorType.IP, 0),
      single("domain", IndicatorType.DOMAIN), single("hostname", IndicatorType.DOMAIN),
      part("hostname|port", IndicatorType.DOMAIN, 0),
      Map.entry("domain|ip", new Rule(IndicatorType.DOMAIN, IndicatorType.IP, 0)),
      single("url", IndicatorType.URL), single("uri", IndicatorType.URL),
      single("md5", IndicatorType.FILE_HASH), single("sha1", IndicatorType.FILE_HASH),
      single("sha256", IndicatorType.FILE_HASH), single("sha512", IndicatorType.FILE_HASH),
      part("filename|md5", IndicatorType.FILE_HASH, 1), part("filename|sha1", IndicatorType.FILE_HASH, 1),
      part("filename|sha256", IndicatorType.FILE_HASH, 1), part("filename|sha512", IndicatorType.FILE_HASH, 1),
      part("malware-sample", IndicatorType.FILE_HASH, 1),
      single("email", IndicatorType.EMAIL), single("email-src", IndicatorType.EMAIL),
      single("email-dst", IndicatorType.EMAIL),
      single("user-agent", IndicatorType.USER_AGENT),
      single("btc", IndicatorType.WALLET), single("xmr", IndicatorType.WALLET), single("dash", IndicatorType.WALLET));

  private MispTypes() {}

  private static Map.Entry<String, Rule> single(String misp, IndicatorType t) {
    return Map.entry(misp, new Rule(t, null, -1));
  }

  private static Map.Entry<String, Rule> part(String misp, IndicatorType t, int part) {
    return Map.entry(misp, new Rule(t, null, part));
  }

  /** Whether attributes of this MISP type can be indicators. */
  static boolean isIndicator(String mispType) {
    return RULES.containsKey(mispType);
  }

  /**
   * The indicator values in an attribute of an indicator type ({@code domain|ip} gives two).
   *
   * @throws IllegalArgumentException when a composite value lacks its {@code |}, or a {@code uri}
   *     is not absolute
   */
  static List<Part> parts(String mispType, String value) {
    Rule r = RULES.get(mispType);
    if (r == null) {
      throw new IllegalArgumentException("MISP type " + mispType + " is not an indicator type");
    }
    if (mispType.equals("uri") && !value.contains("://")) {
      throw new IllegalArgumentException("uri is not absolute (no scheme and host): " + value);
    }
    if (r.part() < 0 && r.second() == null) {
      return List.of(new Part(r.first(), value));
    }
    int bar = value.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException(mispType + " value lacks its '|' separator: " + value);
    }
    String a = value.substring(0, bar);
    String b = value.substring(bar + 1);
    if (r.second() != null) {
      return List.of(new Part(r.first(), a), new Part(r.second(), b));
    }
    return List.of(new Part(r.first(), r.part() == 0 ? a : b));
  }
}
