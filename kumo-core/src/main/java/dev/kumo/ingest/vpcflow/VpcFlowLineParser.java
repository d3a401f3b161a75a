package dev.kumo.ingest.vpcflow;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.netlogs.FieldSplitter;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.json.JsonObject;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the lines of one flow log file into records named by the file's header line (or by the
 * default version 2 format when the file has none). A header line met later (files joined together)
 * replaces the field list. One instance per file: not thread-safe.
 */
final class VpcFlowLineParser implements TextLogSource.LineParser {
  private final FieldSplitter fields = FieldSplitter.spaces(false);
  private String[] names;
  private boolean[] numeric;
  private boolean fromHeader;
  /** Whether lines start with the time CloudWatch Logs export tasks write before each message. */
  private final boolean timePrefix;

  private VpcFlowLineParser(List<String> names, boolean fromHeader, boolean timePrefix) {
    this.timePrefix = timePrefix;
    this.fromHeader = fromHeader;
    this.names = new String[0];
    this.numeric = new boolean[0];
    use(names);
  }

  /** A parser for {@code firstLine}'s file, or null when the line is not flow log text. */
  static @Nullable VpcFlowLineParser forFile(String firstLine) {
    FieldSplitter f = FieldSplitter.spaces(false);
    if (!f.split(firstLine)) {
      return null;
    }
    List<String> header = header(f);
    if (header != null) {
      return new VpcFlowLineParser(header, true, false);
    }
    if (isDefaultRecord(f, 0)) {
      return new VpcFlowLineParser(VpcFlowFields.DEFAULT_V2, false, false);
    }
    if (f.count() == 15 && Times.iso(firstLine, 0, f.length(0)) != null && isDefaultRecord(f, 1)) {
      return new VpcFlowLineParser(VpcFlowFields.DEFAULT_V2, false, true);
    }
    return null;
  }

  private void use(List<String> header) {
    names = header.toArray(String[]::new);
    numeric = new boolean[names.length];
    for (int i = 0; i < names.length; i++) {
      numeric[i] = VpcFlowFields.NUMERIC.contains(names[i]);
    }
  }

  /**
   * The field names when the split line is a header: lower-case words with hyphens, at least three of
   * them flow log fields, one of them only flow logs have. Else null.
   */
  private static @Nullable List<String> header(FieldSplitter f) {
    int n = f.count();
    if (n < 2 || f.overflow()) {
      return null;
    }
    for (int i = 0; i < n; i++) {
      if (!isFieldName(f, i)) {
        return null; // checked before allocating anything: records fail here on their first address
      }
    }
    int known = 0;
    boolean distinctive = false;
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = f.text(i).intern();
      if (VpcFlowFields.KNOWN.contains(out[i])) {
        known++;
        distinctive |= VpcFlowFields.DISTINCTIVE.contains(out[i]);
      }
    }
    return known >= Math.min(3, n) && distinctive ? List.of(out) : null;
  }

  private static boolean isFieldName(FieldSplitter f, int i) {
    int len = f.length(i);
    if (len == 0 || len > 40 || f.enclosed(i)) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      char c = f.charAt(i, k);
      if (!(c >= 'a' && c <= 'z' || c == '-' || c >= '0' && c <= '9' && k > 0)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the fields from {@code at} on are a default-format (version 2) record. */
  private static boolean isDefaultRecord(FieldSplitter f, int at) {
    if (f.count() != at + 14 || !f.is(at, "2")) {
      return false;
    }
    boolean action = f.is(at + 12, "ACCEPT") || f.is(at + 12, "REJECT") || f.is(at + 12, "-");
    boolean status = f.is(at + 13, "OK") || f.is(at + 13, "NODATA") || f.is(at + 13, "SKIPDATA");
    return action && status && f.number(at + 10) != Long.MIN_VALUE && f.number(at + 11) != Long.MIN_VALUE;
  }

  @Override
  public @Nullable JsonObject parse(String line) {
    if (!fields.split(line)) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "flow log line has an unclosed quote; skipped");
    }
    if (fields.count() > 1 && fields.length(0) > 0 && fields.charAt(0, 0) >= 'a' && fields.charAt(0, 0) <= 'z') {
      List<String> header = header(fields);
      if (header != null) { // the header again, or another one (files joined together)
        use(header);
        fromHeader = true;
        return null;
      }
    }
    int skip = timePrefix ? 1 : 0;
    int n = fields.count() - skip;
    if (n != names.length || fields.overflow()) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "flow log line has " + (fields.overflow()
          ? "more than " + FieldSplitter.MAX_FIELDS : String.valueOf(n)) + " fields, but the "
          + (fromHeader ? "file's header names " : "default format has ") + names.length + "; skipped");
    }
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < n; i++) {
      int k = i + skip;
      if (!fields.isEmpty(k)) {
        b.put(names[i], numeric[i] ? fields.numberOrText(k) : fields.text(k));
      }
    }
    return b.build();
  }
}
