package dev.kumo.intel.stix;

import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Indicators;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which STIX object paths Kumo matches, and the indicator values a comparison on them gives.
 *
 * <p>Usable comparisons: {@code =} and {@code IN} on the paths below; {@code ISSUBSET} on addresses
 * (a CIDR); {@code LIKE} without wildcards (an exact match) or, on {@code domain-name:value}, of the
 * form {@code '%.example.com'} (matched as the domain {@code example.com} and its subdomains, which
 * also matches {@code example.com} itself). Everything else ({@code NOT}, {@code !=}, {@code <},
 * {@code >}, {@code MATCHES}, {@code ISSUPERSET}, other objects and properties) is reported.
 */
final class StixObjectPaths {
  /** Hash algorithm names (lower case, as STIX writes them or quoted) and their hex lengths. */
  private static final Map<String, Integer> HASHES = Map.of("md5", 32, "sha-1", 40, "sha1", 40,
      "sha-256", 64, "sha256", 64, "sha-512", 128, "sha512", 128);
  private static final String UA_PATH = "network-traffic:extensions.http-request-ext.request_header.user-agent";

  private StixObjectPaths() {}

  /** One usable value of a comparison. */
  record Typed(IndicatorType type, String value) {}

  /**
   * What a comparison gives.
   *
   * @param values the usable values (canonical)
   * @param problems why the comparison, or some of its values, cannot be used
   */
  record Mapped(List<Typed> values, List<String> problems) {}

  static Mapped map(StixPattern.Comparison c) {
    List<Typed> values = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String path = c.objectPath();
    @Nullable IndicatorType type = typeOf(path);
    if (type == null) {
      problems.add("'" + c.text() + "': object path " + path + " is not one Kumo matches");
      return new Mapped(values, problems);
    }
    if (c.negated() || !(c.operator().equals("=") || c.operator().equals("IN") || c.operator().equals("LIKE")
        || c.operator().equals("ISSUBSET"))) {
      problems.add("'" + c.text() + "': operator " + (c.negated() ? "NOT " : "") + c.operator()
          + " is not supported (only =, IN, ISSUBSET and exact or domain-suffix LIKE)");
      return new Mapped(values, problems);
    }
    if (!c.quoted()) {
      problems.add("'" + c.text() + "': the value is not a string");
      return new Mapped(values, problems);
    }
    boolean endpoint = path.endsWith("_ref.value");
    if (c.operator().equals("ISSUBSET") && type != IndicatorType.IP) {
      problems.add("'" + c.text() + "': ISSUBSET is only supported on addresses");
      return new Mapped(values, problems);
    }
    for (String raw : c.values()) {
      String v = raw;
      IndicatorType t = type;
      if (c.operator().equals("LIKE")) {
        @Nullable String exact = likeValue(raw, t);
        if (exact == null) {
          problems.add("'" + c.text() + "': LIKE with wildcards other than a leading '%.' on a domain is not supported");
          continue;
        }
        v = exact;
      }
      if (endpoint) {
        t = Indicators.detect(v) == IndicatorType.IP ? IndicatorType.IP : IndicatorType.DOMAIN;
      }
      try {
        String canonical = Indicators.canonical(t, v);
        if (t == IndicatorType.FILE_HASH) {
          String algorithm = c.path().get(1).toLowerCase(Locale.ROOT);
          if (canonical.length() != HASHES.get(algorithm)) {
            throw new IllegalArgumentException("not a " + c.path().get(1) + " hash: " + v);
          }
        }
        values.add(new Typed(t, canonical));
      } catch (IllegalArgumentException e) {
        problems.add("'" + c.text() + "': " + e.getMessage());
      }
    }
    return new Mapped(values, problems);
  }

  /** The exact value a LIKE pattern stands for, or null when it needs wildcards Kumo cannot match. */
  private static @Nullable String likeValue(String like, IndicatorType type) {
    if (like.indexOf('%') < 0 && like.indexOf('_') < 0) {
      return like;
    }
    if (type == IndicatorType.DOMAIN && like.startsWith("%.")) {
      String rest = like.substring(2);
      if (!rest.isEmpty() && rest.indexOf('%') < 0 && rest.indexOf('_') < 0) {
        return rest;
      }
    }
    return null;
  }

  /** The indicator type of a lower-case object path, or null when Kumo does not match it. */
  static @Nullable IndicatorType typeOf(String path) {
    return switch (path) {
      case "ipv4-addr:value", "ipv6-addr:value", "network-traffic:dst_ref.value",
          "network-traffic:src_ref.value" -> IndicatorType.IP;
      case "domain-name:value" -> IndicatorType.DOMAIN;
      case "url:value" -> IndicatorType.URL;
      case "email-addr:value" -> IndicatorType.EMAIL;
      case UA_PATH, "x-kumo-user-agent:value" -> IndicatorType.USER_AGENT;
      case "x-kumo-access-key:value" -> IndicatorType.ACCESS_KEY;
      case "x-kumo-account:value" -> IndicatorType.ACCOUNT;
      case "x-kumo-arn:value" -> IndicatorType.ARN;
      case "x-kumo-wallet:value" -> IndicatorType.WALLET;
      default -> path.startsWith("file:hashes.") && HASHES.containsKey(path.substring("file:hashes.".length()))
          ? IndicatorType.FILE_HASH : null;
    };
  }
}
