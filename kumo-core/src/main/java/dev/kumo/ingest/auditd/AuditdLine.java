package dev.kumo.ingest.auditd;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One audit record line, parsed: {@code [node=N ]type=T msg=audit(TIME:SERIAL): key=value ...}.
 *
 * <p>Two renderings are read. Raw ({@code /var/log/audit/audit.log}, {@code ausearch --raw}): the
 * time is epoch seconds, strings are quoted or, when they hold spaces or control characters,
 * hex-encoded; {@code log_format = ENRICHED} adds interpreted upper-case fields after a 0x1D byte;
 * userspace records nest their fields in {@code msg='...'}. Interpreted ({@code ausearch -i}): the
 * time is the local date and time of the machine that ran ausearch ({@code 11/14/2023 22:13:20.123},
 * read as UTC because the log does not say the zone) and values are decoded and unquoted. A syslog
 * prefix before {@code type=} (audisp-syslog) is skipped.
 *
 * @param fields the record's fields, values as text (hex-encoded strings decoded)
 */
record AuditdLine(@Nullable String node, String type, Instant time, String timeText, String serial, JsonObject fields) {

  /** Fields that hold untrusted strings, hex-encoded by auditd when they contain special characters. */
  private static final Set<String> ENCODED = Set.of("name", "cwd", "comm", "exe", "proctitle", "key", "path", "data",
      "cmd", "acct", "ocomm", "dir", "file", "old", "new", "root_dir", "watch");

  /** Most fields kept from one record line (hostile input). */
  private static final int MAX_FIELDS = 200;

  private static final String MSG = " msg=audit(";

  /** Whether {@code line} looks like an audit record line (cheap, for sniffing). */
  static boolean looksLike(String line) {
    int t = line.indexOf("type=");
    return t >= 0 && line.indexOf(MSG, t) > t;
  }

  /**
   * Parses a record line.
   *
   * @param interpreted whether the file is ausearch -i output (no hex decoding; values may hold spaces)
   * @throws InvalidRecordException when the line is not an audit record
   */
  static AuditdLine parse(String line, boolean interpreted) {
    int typeAt = line.startsWith("type=") ? 0 : line.indexOf(" type=") + 1;
    int msgAt = typeAt <= 0 && !line.startsWith("type=") ? -1 : line.indexOf(MSG, typeAt);
    if (msgAt < 0) {
      throw malformed("not an audit record (no 'type=... msg=audit(')", line);
    }
    String node = null;
    int nodeAt = line.lastIndexOf("node=", typeAt);
    if (nodeAt >= 0 && nodeAt < typeAt) {
      int end = line.indexOf(' ', nodeAt);
      node = end < 0 || end > typeAt ? null : line.substring(nodeAt + 5, end);
    }
    String type = line.substring(typeAt + 5, msgAt);
    int open = msgAt + MSG.length();
    int close = line.indexOf(')', open);
    int colon = close < 0 ? -1 : line.lastIndexOf(':', close);
    if (type.isEmpty() || close < 0 || colon <= open) {
      throw malformed("audit record header is incomplete", line);
    }
    String timeText = line.substring(open, colon);
    String serial = line.substring(colon + 1, close);
    Instant time = time(timeText);
    if (time == null || serial.isEmpty() || !digits(serial)) {
      throw malformed("audit record time or serial is not readable", line);
    }
    int rest = close + 1;
    while (rest < line.length() && (line.charAt(rest) == ':' || line.charAt(rest) == ' ')) {
      rest++;
    }
    JsonObject.Builder fields = JsonObject.builder();
    parseFields(line, rest, line.length(), interpreted, type, fields, 0);
    return new AuditdLine(node, type, time, timeText, serial, fields.build());
  }

  private static void parseFields(String s, int from, int to, boolean interpreted, String type, JsonObject.Builder out,
      int depth) {
    int i = from;
    String lastKey = null;
    StringBuilder lastValue = null;
    while (i < to && out.size() < MAX_FIELDS) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\u001d' || c == '\t') {
        i++;
        continue;
      }
      int eq = -1;
      int j = i;
      while (j < to && s.charAt(j) != ' ' && s.charAt(j) != '\u001d') {
        if (s.charAt(j) == '=' && eq < 0) {
          eq = j;
        }
        j++;
      }
      if (eq <= i) {
        // a word without key: in ausearch -i output, the rest of a value with spaces
        if (interpreted && lastValue != null) {
          lastValue.append(' ').append(s, i, j);
        }
        i = j;
        continue;
      }
      if (lastKey != null) {
        put(out, lastKey, lastValue.toString(), interpreted, type);
        lastKey = null;
        lastValue = null;
      }
      String key = s.substring(i, eq);
      int v = eq + 1;
      if (v < to && (s.charAt(v) == '"' || s.charAt(v) == '\'')) {
        char quote = s.charAt(v);
        int end = s.indexOf(quote, v + 1);
        if (end < 0 || end > to) {
          end = to;
        }
        if (quote == '\'' && key.equals("msg") && depth == 0) {
          parseFields(s, v + 1, end, interpreted, type, out, depth + 1);
        } else {
          out.put(key, s.substring(v + 1, end));
        }
        i = Math.min(end + 1, to);
        continue;
      }
      lastKey = key;
      lastValue = new StringBuilder().append(s, v, j);
      i = j;
    }
    if (lastKey != null) {
      put(out, lastKey, lastValue.toString(), interpreted, type);
    }
  }

  private static void put(JsonObject.Builder out, String key, String value, boolean interpreted, String type) {
    if (value.equals("(null)")) {
      return;
    }
    if (!interpreted && (ENCODED.contains(key) || type.equals("EXECVE") && isArgument(key)) && isHex(value)) {
      value = decodeHex(value);
    }
    out.put(key, value);
  }

  private static boolean isArgument(String key) {
    return key.length() > 1 && key.charAt(0) == 'a' && digits(key.substring(1));
  }

  private static boolean isHex(String v) {
    if (v.length() < 2 || (v.length() & 1) != 0) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /** Decodes auditd's hex encoding; NUL bytes (between proctitle arguments) become spaces. */
  private static String decodeHex(String v) {
    byte[] b = new byte[v.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(v, 2 * i, 2 * i + 2, 16);
      if (b[i] == 0) {
        b[i] = ' ';
      }
    }
    return new String(b, StandardCharsets.UTF_8).stripTrailing();
  }

  private static boolean digits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Epoch seconds with fraction ({@code 1700000000.123}), or ausearch -i's local date and time. */
  static @Nullable Instant time(String t) {
    int dot = t.indexOf('.');
    if (dot > 0 && digits(t.substring(0, dot)) && digits(t.substring(dot + 1)) && dot <= 12) {
      long seconds = Long.parseLong(t.substring(0, dot));
      String frac = t.substring(dot + 1);
      if (frac.length() > 9) {
        return null;
      }
      long nanos = Long.parseLong(frac) * (long) Math.pow(10, 9 - frac.length());
      return Instant.ofEpochSecond(seconds, nanos);
    }
    return interpretedTime(t);
  }

  private static @Nullable Instant interpretedTime(String t) {
    int space = t.indexOf(' ');
    if (space < 0 || t.length() > 40) {
      return null;
    }
    String date = t.substring(0, space);
    String clock = t.substring(space + 1).trim();
    try {
      LocalDate d;
      String[] p = date.split("[/-]", -1);
      if (p.length != 3) {
        return null;
      }
      if (date.indexOf('-') > 0) {
        d = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
      } else {
        int year = Integer.parseInt(p[2]);
        d = LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
      }
      return LocalDateTime.of(d, LocalTime.parse(clock.length() > 18 ? clock.substring(0, 18) : clock))
          .toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static InvalidRecordException malformed(String why, String line) {
    return new InvalidRecordException(ProblemKind.MALFORMED_RECORD, why + ": '" + Values.forMessage(line) + "'");
  }
}
