package dev.kumo.detector.logging;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The S3 keys CloudTrail delivers to, as found at the end of local paths or in digest files:
 *
 * <pre>
 * [prefix/]AWSLogs/[o-org/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz
 * [prefix/]AWSLogs/[o-org/]ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ[_backfill].json.gz
 * </pre>
 *
 * Keys are compared from {@code AWSLogs/} on and without a trailing {@code .gz}, so a local copy
 * under any folder (or decompressed) still matches what a digest lists.
 */
final class CloudTrailKeys {
  private CloudTrailKeys() {}

  private static final String REGION = "[a-z]{2}(?:-[a-z]+)+-\\d+";
  private static final Pattern LOG = Pattern.compile("AWSLogs/(?:(o-[a-z0-9]+)/)?(\\d{12})/CloudTrail/(" + REGION
      + ")/\\d{4}/\\d{2}/\\d{2}/\\2_CloudTrail_\\3_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json");
  private static final Pattern DIGEST = Pattern.compile("AWSLogs/(?:(o-[a-z0-9]+)/)?(\\d{12})/CloudTrail-Digest/("
      + REGION + ")/\\d{4}/\\d{2}/\\d{2}/\\2_CloudTrail-Digest_\\3_(.+)_(" + REGION
      + ")_(\\d{8}T\\d{6}Z)(_backfill)?\\.json");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  /** A CloudTrail log file key. */
  record LogKey(String key, String stream, String account, String region, Instant time) implements Serializable {}

  /** A CloudTrail digest file key. */
  record DigestKey(String key, String stream, String chain, String account, String region, String trail,
      Instant end, boolean backfill) {}

  /**
   * The key from {@code AWSLogs/} on (the last such folder), with {@code \} as {@code /} and without a
   * trailing {@code .gz}; null when the text has no {@code AWSLogs/} folder.
   */
  static @Nullable String normalize(String pathOrKey) {
    String p = pathOrKey.replace('\\', '/');
    int i = p.lastIndexOf("AWSLogs/");
    while (i > 0 && p.charAt(i - 1) != '/') {
      i = p.lastIndexOf("AWSLogs/", i - 1);
    }
    if (i < 0) {
      return null;
    }
    String k = p.substring(i);
    return k.endsWith(".gz") ? k.substring(0, k.length() - 3) : k;
  }

  /** Whether the name (a path or key) looks like a CloudTrail log or digest file; cheap. */
  static boolean looksLikeTrailFile(String name) {
    return name.contains("AWSLogs") && name.contains("_CloudTrail");
  }

  /** Whether the name (a path or key) looks like a CloudTrail digest file; cheap. */
  static boolean looksLikeDigest(String name) {
    return name.contains("AWSLogs") && name.contains("_CloudTrail-Digest_");
  }

  /** The log file key in a path or key, or null when it is not one. */
  static @Nullable LogKey log(String pathOrKey) {
    String k = normalize(pathOrKey);
    if (k == null) {
      return null;
    }
    Matcher m = LOG.matcher(k);
    if (!m.matches()) {
      return null;
    }
    Instant t = parse(m.group(4), MINUTES);
    return t == null ? null : new LogKey(k, stream(m.group(1), m.group(2), m.group(3)), m.group(2), m.group(3), t);
  }

  /** The digest file key in a path or key, or null when it is not one. */
  static @Nullable DigestKey digest(String pathOrKey) {
    String k = normalize(pathOrKey);
    if (k == null) {
      return null;
    }
    Matcher m = DIGEST.matcher(k);
    if (!m.matches()) {
      return null;
    }
    Instant end = parse(m.group(6), SECONDS);
    if (end == null) {
      return null;
    }
    String stream = stream(m.group(1), m.group(2), m.group(3));
    boolean backfill = m.group(7) != null;
    String chain = stream + "/" + m.group(4) + "/" + m.group(5) + (backfill ? "/backfill" : "");
    return new DigestKey(k, stream, chain, m.group(2), m.group(3), m.group(4), end, backfill);
  }

  /** The last segment of a key, for reasons. */
  static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  private static String stream(@Nullable String org, String account, String region) {
    return (org == null ? "" : org + "/") + account + "/" + region;
  }

  private static @Nullable Instant parse(String text, DateTimeFormatter f) {
    try {
      return LocalDateTime.parse(text, f).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
