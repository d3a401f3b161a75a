package dev.kumo.ingest.s3access;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.netlogs.FieldSplitter;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * Parses S3 server access log lines: space-separated, with the time in brackets and the request
 * line, referrer and user agent in quotes. Records use Panther's names for the fields
 * ({@link #FIELDS}); {@code -} values are left out, fields added after the user agent over the years
 * may be missing, and fields newer than Kumo knows are ignored. Not thread-safe.
 */
final class S3AccessLineParser implements TextLogSource.LineParser {
  /** The fields in log order. */
  static final String[] FIELDS = {"bucketowner", "bucket", "time", "remoteip", "requester", "requestid", "operation",
      "key", "requesturi", "httpstatus", "errorcode", "bytessent", "objectsize", "totaltime", "turnaroundtime",
      "referrer", "useragent", "versionid", "hostid", "signatureversion", "ciphersuite", "authenticationtype",
      "hostheader", "tlsversion", "accesspointarn", "aclrequired"};
  private static final int MIN_FIELDS = 17;

  private final FieldSplitter f = FieldSplitter.spaces(true);

  /** Whether {@code line} is an S3 server access log line (used to sniff a file). */
  static boolean looksLikeS3Access(String line) {
    FieldSplitter f = FieldSplitter.spaces(true);
    return f.split(line) && f.count() >= MIN_FIELDS && f.enclosed(2) && Times.s3(f.text(2)) != null
        && isOperation(f) && f.enclosed(8);
  }

  private static boolean isOperation(FieldSplitter f) {
    return f.startsWith(6, "REST.") || f.startsWith(6, "S3.") || f.startsWith(6, "BATCH.")
        || f.startsWith(6, "WEBSITE.") || f.startsWith(6, "SOAP.");
  }

  @Override
  public @Nullable JsonObject parse(String line) {
    if (!f.split(line)) {
      throw malformed("a quoted or bracketed field is not closed");
    }
    if (f.count() < MIN_FIELDS) {
      throw malformed("it has " + f.count() + " fields, fewer than " + MIN_FIELDS);
    }
    if (!f.enclosed(2)) {
      throw malformed("the third field is not a [time]");
    }
    JsonObject.Builder b = JsonObject.builder();
    int n = Math.min(f.count(), FIELDS.length);
    for (int i = 0; i < n; i++) {
      if (f.isEmpty(i)) {
        continue;
      }
      boolean number = i == 9 || i >= 11 && i <= 14;
      b.put(FIELDS[i], number ? f.numberOrText(i) : f.text(i));
    }
    return b.build();
  }

  private static InvalidRecordException malformed(String why) {
    return new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "not an S3 server access log line: " + why
        + "; skipped");
  }
}
