package dev.kumo.detector.storage;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Reasons;
import dev.kumo.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the S3 detectors read from CloudTrail S3 data events. */
final class S3Events {
  private S3Events() {}

  static final String SERVICE = "s3.amazonaws.com";
  /** Key prefix of anonymous requests, which are tracked per bucket. */
  static final String ANONYMOUS = "anonymous@";

  /** The bucket a request names ({@code requestParameters.bucketName}), or null. */
  static @Nullable String bucket(NormalizedEvent e) {
    JsonObject req = e.raw().getObject("requestParameters");
    return req == null ? null : req.getString("bucketName");
  }

  /**
   * Who a baseline is kept for: the role for role sessions (session names change per run), the user
   * or principal otherwise, {@code anonymous@bucket} for unauthenticated requests; null for calls AWS
   * services make on a principal's behalf or as themselves.
   */
  static @Nullable String principalKey(NormalizedEvent e, @Nullable String bucket) {
    if (e.actor().invokedBy() != null || "AWSService".equals(e.actor().identityType())) {
      return null;
    }
    if ("AWSAccount".equals(e.actor().identityType())) {
      JsonObject ui = e.raw().getObject("userIdentity");
      String account = ui == null ? null : ui.getString("accountId");
      if (e.actor().principalId() == null || account == null || account.equalsIgnoreCase("anonymous")
          || account.equalsIgnoreCase("ANONYMOUS_PRINCIPAL")) {
        return bucket == null ? null : ANONYMOUS + bucket;
      }
      return "account " + account + " principal " + e.actor().principalId();
    }
    if ("AssumedRole".equals(e.actor().identityType()) && e.actor().sessionIssuer() != null) {
      return e.actor().sessionIssuer();
    }
    return e.actor().label();
  }

  /** A principal key as reasons show it. */
  static String display(String principalKey) {
    if (principalKey.startsWith(ANONYMOUS)) {
      return "anonymous requests to bucket " + Reasons.cut(principalKey.substring(ANONYMOUS.length()));
    }
    return Reasons.cut(Reasons.shortPrincipal(principalKey));
  }

  /** A non-negative whole number from a JSON value (number or numeric text), else 0. */
  static long number(@Nullable Object v) {
    if (v instanceof Long l) {
      return Math.max(0, l);
    }
    if (v instanceof BigInteger b) {
      return b.signum() < 0 ? 0 : b.bitLength() < 63 ? b.longValue() : Long.MAX_VALUE;
    }
    if (v instanceof BigDecimal d) {
      return Math.max(0, d.longValue());
    }
    if (v instanceof String s) {
      try {
        return Math.max(0, Long.parseLong(s.trim()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** A count with thousands separators. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Bytes as {@code 5.9 GiB}, {@code 870 MiB}, {@code 12 KiB}. */
  static String bytes(long n) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = n;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return (u == 0 || v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
        + " " + units[u];
  }
}
