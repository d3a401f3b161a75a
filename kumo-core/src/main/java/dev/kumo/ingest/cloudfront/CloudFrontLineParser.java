package dev.kumo.ingest.cloudfront;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.netlogs.FieldSplitter;
import dev.kumo.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses CloudFront standard log lines (tab-separated W3C) into records keyed by the names of the
 * {@code #Fields:} line ({@code date}, {@code c-ip}, {@code cs-uri-stem}, {@code cs(User-Agent)} ...).
 * Values stay as logged (URL-encoded where CloudFront encodes them); {@code -} values are left out.
 * Files without a {@code #Fields:} line are read with the standard field list. A later
 * {@code #Fields:} line (files joined together) replaces the list. Not thread-safe.
 */
final class CloudFrontLineParser implements TextLogSource.LineParser {
  /** The standard log fields, in order (the legacy format's {@code #Fields:} line). */
  static final List<String> STANDARD = List.of("date", "time", "x-edge-location", "sc-bytes", "c-ip", "cs-method",
      "cs(Host)", "cs-uri-stem", "sc-status", "cs(Referer)", "cs(User-Agent)", "cs-uri-query", "cs(Cookie)",
      "x-edge-result-type", "x-edge-request-id", "x-host-header", "cs-protocol", "cs-bytes", "time-taken",
      "x-forwarded-for", "ssl-protocol", "ssl-cipher", "x-edge-response-result-type", "cs-protocol-version",
      "fle-status", "fle-encrypted-fields", "c-port", "time-to-first-byte", "x-edge-detailed-result-type",
      "sc-content-type", "sc-content-len", "sc-range-start", "sc-range-end");
  private static final Set<String> NUMERIC = Set.of("sc-bytes", "sc-status", "cs-bytes", "c-port", "sc-content-len",
      "sc-range-start", "sc-range-end", "fle-encrypted-fields");
  private static final String FIELDS = "#Fields:";

  private final FieldSplitter f = FieldSplitter.tabs();
  private String[] names;
  private boolean[] numeric;

  CloudFrontLineParser(List<String> names) {
    this.names = new String[0];
    this.numeric = new boolean[0];
    use(names);
  }

  /** A parser for a file whose first lines are {@code firstLines}, or null when they are not CloudFront's. */
  static @Nullable CloudFrontLineParser forFile(List<String> firstLines) {
    for (String line : firstLines) {
      if (line.startsWith(FIELDS)) {
        List<String> names = fieldNames(line);
        return names.contains("x-edge-location") || names.contains("x-edge-request-id")
            ? new CloudFrontLineParser(names) : null;
      }
      if (!line.startsWith("#")) {
        return looksStandard(line) ? new CloudFrontLineParser(STANDARD) : null;
      }
    }
    return null;
  }

  /** A headerless line of the standard format: date, time, edge location and the standard count. */
  private static boolean looksStandard(String line) {
    FieldSplitter f = FieldSplitter.tabs();
    f.split(line);
    return f.count() == STANDARD.size() && f.length(0) == 10 && f.charAt(0, 4) == '-' && f.length(1) == 8
        && f.charAt(1, 2) == ':' && f.number(8) != Long.MIN_VALUE;
  }

  static List<String> fieldNames(String fieldsLine) {
    String[] parts = fieldsLine.substring(FIELDS.length()).trim().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].intern();
    }
    return List.of(parts);
  }

  private void use(List<String> header) {
    names = header.toArray(String[]::new);
    numeric = new boolean[names.length];
    for (int i = 0; i < names.length; i++) {
      numeric[i] = NUMERIC.contains(names[i]);
    }
  }

  @Override
  public @Nullable JsonObject parse(String line) {
    if (line.startsWith("#")) {
      if (line.startsWith(FIELDS)) {
        List<String> header = fieldNames(line);
        if (header.isEmpty() || header.size() > FieldSplitter.MAX_FIELDS) {
          throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "CloudFront #Fields line names "
              + header.size() + " fields; skipped");
        }
        use(header);
      }
      return null; // #Version and other comments
    }
    f.split(line);
    if (f.count() != names.length || f.overflow()) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "CloudFront log line has "
          + (f.overflow() ? "more than " + FieldSplitter.MAX_FIELDS : String.valueOf(f.count()))
          + " tab-separated fields, but #Fields names " + names.length + "; skipped");
    }
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < names.length; i++) {
      if (!f.isEmpty(i)) {
        b.put(names[i], numeric[i] ? f.numberOrText(i) : f.text(i));
      }
    }
    return b.build();
  }
}
