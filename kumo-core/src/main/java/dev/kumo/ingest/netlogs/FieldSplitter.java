package dev.kumo.ingest.netlogs;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits one log line into fields without regular expressions, remembering only offsets.
 *
 * <p>Space mode (ELB, S3 access, VPC Flow Logs): fields are separated by runs of spaces; a field that
 * starts with {@code "} runs to the next unescaped {@code "} that ends the field (followed by a space or
 * the end of the line), and, when enabled, one that starts with {@code [} runs to the next {@code ]}.
 * Inside quotes {@code \"} and {@code \\} stand for {@code "} and {@code \}. Tab mode (CloudFront):
 * every tab separates, so two tabs in a row give an empty field.
 *
 * <p>At most {@link #MAX_FIELDS} fields are kept; {@link #overflow()} tells when a line had more. One
 * instance serves one file at a time: not thread-safe.
 */
public final class FieldSplitter {
  /** Fields kept per line; longer lines are reported by {@link #overflow()}. */
  public static final int MAX_FIELDS = 256;

  private final boolean tabs;
  private final boolean brackets;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] enclosed = new boolean[32];
  private String line = "";
  private int count;
  private boolean overflow;

  private FieldSplitter(boolean tabs, boolean brackets) {
    this.tabs = tabs;
    this.brackets = brackets;
  }

  /** Space-separated fields with {@code "quoted"} fields; {@code [bracketed]} fields too when asked. */
  public static FieldSplitter spaces(boolean brackets) {
    return new FieldSplitter(false, brackets);
  }

  /** Tab-separated fields. */
  public static FieldSplitter tabs() {
    return new FieldSplitter(true, false);
  }

  /**
   * Splits {@code text}.
   *
   * @return false when a quoted or bracketed field is not closed before the end of the line
   */
  public boolean split(String text) {
    line = text;
    count = 0;
    overflow = false;
    return tabs ? splitTabs() : splitSpaces();
  }

  private boolean splitTabs() {
    int n = line.length();
    int from = 0;
    while (true) {
      int tab = line.indexOf('\t', from);
      int to = tab < 0 ? n : tab;
      add(from, to, false);
      if (tab < 0) {
        return true;
      }
      from = tab + 1;
    }
  }

  private boolean splitSpaces() {
    String s = line;
    int n = s.length();
    int i = 0;
    while (true) {
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        return true;
      }
      char c = s.charAt(i);
      if (c == '"') {
        int close = closingQuote(s, i + 1);
        if (close < 0) {
          return false;
        }
        add(i + 1, close, true);
        i = close + 1;
      } else if (c == '[' && brackets) {
        int close = s.indexOf(']', i + 1);
        if (close < 0) {
          return false;
        }
        add(i + 1, close, true);
        i = close + 1;
      } else {
        int end = s.indexOf(' ', i);
        if (end < 0) {
          end = n;
        }
        add(i, end, false);
        i = end;
      }
    }
  }

  /** The index of the quote that closes a field opened before {@code from}, or -1. */
  private static int closingQuote(String s, int from) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"' && (i + 1 == n || s.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  private void add(int from, int to, boolean isEnclosed) {
    if (count == MAX_FIELDS) {
      overflow = true;
      return;
    }
    if (count == starts.length) {
      int size = Math.min(MAX_FIELDS, count * 2);
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      enclosed = Arrays.copyOf(enclosed, size);
    }
    starts[count] = from;
    ends[count] = to;
    enclosed[count] = isEnclosed;
    count++;
  }

  /** The number of fields of the last line split (at most {@link #MAX_FIELDS}). */
  public int count() {
    return count;
  }

  /** Whether the last line had more than {@link #MAX_FIELDS} fields. */
  public boolean overflow() {
    return overflow;
  }

  /** Whether field {@code i} was quoted or bracketed. */
  public boolean enclosed(int i) {
    return enclosed[check(i)];
  }

  /** The text of field {@code i}: without its quotes or brackets, escapes resolved. */
  public String text(int i) {
    check(i);
    int from = starts[i];
    int to = ends[i];
    if (enclosed[i]) {
      int backslash = line.indexOf('\\', from);
      if (backslash >= 0 && backslash < to) {
        return unescape(line, from, to);
      }
    }
    return line.substring(from, to);
  }

  /** The text of field {@code i}, or null when it is absent, empty or {@code -} (the logs' "no value"). */
  public @Nullable String value(int i) {
    if (i >= count || isEmpty(i)) {
      return null;
    }
    return text(i);
  }

  /** Whether field {@code i} is empty or {@code -}. */
  public boolean isEmpty(int i) {
    check(i);
    int len = ends[i] - starts[i];
    return len == 0 || len == 1 && line.charAt(starts[i]) == '-';
  }

  /** Whether field {@code i} equals {@code s}, without allocating. */
  public boolean is(int i, String s) {
    check(i);
    int len = ends[i] - starts[i];
    return len == s.length() && line.regionMatches(starts[i], s, 0, len);
  }

  /** Whether field {@code i} starts with {@code prefix}, without allocating. */
  public boolean startsWith(int i, String prefix) {
    check(i);
    return ends[i] - starts[i] >= prefix.length() && line.startsWith(prefix, starts[i]);
  }

  /** The length of field {@code i}. */
  public int length(int i) {
    check(i);
    return ends[i] - starts[i];
  }

  /** Character {@code k} of field {@code i}. */
  public char charAt(int i, int k) {
    check(i);
    return line.charAt(starts[i] + k);
  }

  /**
   * Field {@code i} as a decimal integer (an optional leading {@code -}, at most 18 digits), or
   * {@link Long#MIN_VALUE} when it is anything else.
   */
  public long number(int i) {
    check(i);
    return Values.parseLong(line, starts[i], ends[i]);
  }

  /** Field {@code i} as a {@link Long} value, else its text, else null for no value. */
  public @Nullable Object numberOrText(int i) {
    if (i >= count || isEmpty(i)) {
      return null;
    }
    long v = number(i);
    return v == Long.MIN_VALUE ? text(i) : (Object) v;
  }

  /** The index of the first {@code c} in field {@code i} relative to the field's start, or -1. */
  public int indexOf(int i, char c) {
    check(i);
    int at = line.indexOf(c, starts[i]);
    return at < 0 || at >= ends[i] ? -1 : at - starts[i];
  }

  /** The index of the last {@code c} in field {@code i} relative to the field's start, or -1. */
  public int lastIndexOf(int i, char c) {
    check(i);
    int at = line.lastIndexOf(c, ends[i] - 1);
    return at < starts[i] ? -1 : at - starts[i];
  }

  /** Characters {@code from} (inclusive) to {@code to} (exclusive) of field {@code i}, as a new string. */
  public String part(int i, int from, int to) {
    check(i);
    return line.substring(starts[i] + from, starts[i] + to);
  }

  /** Part of field {@code i} as a decimal integer, or {@link Long#MIN_VALUE}. */
  public long partNumber(int i, int from, int to) {
    check(i);
    return Values.parseLong(line, starts[i] + from, starts[i] + to);
  }

  private int check(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("field " + i + " of " + count);
    }
    return i;
  }

  private static String unescape(String s, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < to && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
        sb.append(s.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
