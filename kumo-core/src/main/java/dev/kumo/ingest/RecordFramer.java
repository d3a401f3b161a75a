package dev.kumo.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a JSON byte stream into records without parsing them, in bounded memory.
 *
 * <p>Layouts recognised by content: a JSON array of records; a CloudTrail delivery file
 * ({@code {"Records":[...]}}); one or more concatenated JSON objects; and JSON Lines, detected when
 * the first object fits on its line and a newline follows. In JSON Lines mode every line is framed on
 * its own, so one broken line never affects the next.
 *
 * <p>Only the current record is buffered, never more than the record-size limit: a larger record is
 * scanned to its end without being kept and reported as {@link Kind#TOO_LARGE}. Nesting is counted
 * without recursion, so a record nested 10,000 deep is reported as {@link Kind#TOO_DEEP} instead of
 * overflowing a stack. Not thread-safe.
 */
public final class RecordFramer {
  /** What {@link #next()} found. */
  public enum Kind {
    RECORD,
    TOO_LARGE,
    TOO_DEEP,
    NOT_OBJECT,
    INCOMPLETE,
    NOT_JSON
  }

  /** The layout of the stream, known after the first record. */
  public enum Layout {
    UNKNOWN,
    ARRAY,
    CLOUDTRAIL_RECORDS,
    OBJECTS,
    JSON_LINES
  }

  private enum State {
    TOP,
    CONTAINER,
    SKIP_WRAPPER_REST,
    LINES,
    DONE
  }

  private static final byte[] RECORDS_KEY = "\"Records\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final InputStream in;
  private final int maxRecord;
  private final int maxDepth;
  private byte[] buf;
  private int pos;
  private int limit;
  private int recStart = -1;
  private boolean eof;
  private long line = 1;
  private long index;
  private long bytesRead;
  private State state = State.TOP;
  private Layout layout = Layout.UNKNOWN;
  private int depth;
  private int recordDepth;
  private boolean sawData;

  private Kind kind;
  private int frameOff;
  private int frameLen;
  private long frameLine;
  private byte firstByte;

  public RecordFramer(InputStream in, int maxRecordBytes, int maxNestingDepth) {
    this(in, maxRecordBytes, maxNestingDepth, false);
  }

  /**
   * @param jsonLines frame by lines from the start (for {@code .jsonl}/{@code .ndjson} files), so a
   *     broken first line cannot hide the layout
   */
  public RecordFramer(InputStream in, int maxRecordBytes, int maxNestingDepth, boolean jsonLines) {
    this.in = in;
    if (jsonLines) {
      this.layout = Layout.JSON_LINES;
      this.state = State.LINES;
    }
    this.maxRecord = maxRecordBytes;
    this.maxDepth = maxNestingDepth;
    this.buf = new byte[Math.min(64 * 1024, maxRecordBytes + 1)];
  }

  /**
   * Advances to the next record or problem.
   *
   * @return false at the end of the stream
   * @throws IOException from the underlying stream (including truncated gzip)
   */
  public boolean next() throws IOException {
    while (true) {
      switch (state) {
        case DONE:
          return false;
        case TOP:
          if (!skipWhitespace(false)) {
            state = State.DONE;
            return false;
          }
          if (top()) {
            return true;
          }
          break;
        case CONTAINER:
          if (!skipWhitespace(true)) {
            state = State.DONE;
            return frame(Kind.INCOMPLETE, line);
          }
          if (buf[pos] == ']') {
            pos++;
            depth--;
            state = layout == Layout.CLOUDTRAIL_RECORDS ? State.SKIP_WRAPPER_REST : State.TOP;
            break;
          }
          return element();
        case SKIP_WRAPPER_REST:
          scanComposite(0, false);
          state = State.TOP;
          break;
        case LINES:
          return nextLine();
        default:
          throw new IllegalStateException(state.name());
      }
    }
  }

  /** Handles the first byte of a top-level value; returns true when a frame is ready. */
  private boolean top() throws IOException {
    byte b = buf[pos];
    if (b == '[') {
      pos++;
      depth = 1;
      recordDepth = 1;
      layout = layout == Layout.UNKNOWN ? Layout.ARRAY : layout;
      state = State.CONTAINER;
      return false;
    }
    if (b == '{') {
      if (recordsWrapper()) {
        depth = 2;
        recordDepth = 2;
        layout = Layout.CLOUDTRAIL_RECORDS;
        state = State.CONTAINER;
        return false;
      }
      recordDepth = 0;
      depth = 0;
      long startLine = line;
      boolean ok = readComposite();
      if (layout == Layout.UNKNOWN) {
        layout = Layout.OBJECTS;
        if (ok && kind == Kind.RECORD && startLine == line && newlineFollows()) {
          layout = Layout.JSON_LINES;
          state = State.LINES;
        }
      }
      return true;
    }
    state = State.DONE;
    firstByte = b;
    return frame(Kind.NOT_JSON, line);
  }

  /** The byte that made the stream {@link Kind#NOT_JSON}. */
  public byte offendingByte() {
    return firstByte;
  }

  private boolean element() throws IOException {
    byte b = buf[pos];
    if (b == '{' || b == '[') {
      readComposite();
      if (kind == Kind.RECORD && b == '[') {
        kind = Kind.NOT_OBJECT;
      }
      return true;
    }
    // a scalar element: skip it up to the next separator at this depth
    long startLine = line;
    index++;
    boolean inString = false;
    boolean escape = false;
    while (true) {
      if (pos == limit && !fill(false)) {
        state = State.DONE;
        return frame(Kind.INCOMPLETE, startLine);
      }
      byte c = buf[pos];
      if (inString) {
        pos++;
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == ',' || c == ']') {
        return frame(Kind.NOT_OBJECT, startLine);
      }
      if (c == '"') {
        inString = true;
      } else if (c == '\n') {
        line++;
      }
      pos++;
    }
  }

  /** Reads one object or array starting at pos into a frame; false if it was cut off. */
  private boolean readComposite() throws IOException {
    index++;
    long startLine = line;
    recStart = pos;
    Kind result = scanComposite(recordDepth, true);
    int start = recStart;
    recStart = -1;
    if (result == Kind.RECORD) {
      frameOff = start;
      frameLen = pos - start;
    }
    frame(result, startLine);
    if (result == Kind.INCOMPLETE) {
      state = State.DONE;
      return false;
    }
    return true;
  }

  /**
   * Scans a composite value from pos until nesting returns to {@code baseDepth}. When
   * {@code keep}, the bytes stay buffered from {@link #recStart} unless limits are exceeded.
   */
  private Kind scanComposite(int baseDepth, boolean keep) throws IOException {
    boolean inString = false;
    boolean escape = false;
    boolean tooLarge = false;
    boolean tooDeep = false;
    byte[] b = buf;
    while (true) {
      if (pos == limit) {
        if (!fill(keep && !tooLarge && !tooDeep)) {
          return Kind.INCOMPLETE;
        }
        b = buf;
        if (keep && recStart < 0 && !tooDeep) {
          tooLarge = true;
        }
      }
      byte c = b[pos++];
      if (inString) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == '"') {
          inString = false;
        } else if (c == '\n') {
          line++;
        }
        continue;
      }
      switch (c) {
        case '"' -> inString = true;
        case '{', '[' -> {
          depth++;
          if (depth - baseDepth > maxDepth && keep && !tooDeep) {
            tooDeep = true;
            recStart = -1;
          }
        }
        case '}', ']' -> {
          depth--;
          if (depth == baseDepth) {
            if (keep && recStart >= 0 && pos - recStart > maxRecord) {
              tooLarge = true;
            }
            return tooDeep ? Kind.TOO_DEEP : tooLarge ? Kind.TOO_LARGE : Kind.RECORD;
          }
        }
        case '\n' -> line++;
        default -> {
          // other bytes need no tracking
        }
      }
    }
  }

  private boolean nextLine() throws IOException {
    while (true) {
      if (pos == limit && !fill(false)) {
        state = State.DONE;
        return false;
      }
      recStart = pos;
      long startLine = line;
      boolean tooLarge = false;
      int end;
      while (true) {
        int nl = indexOf(buf, (byte) '\n', pos, limit);
        if (nl >= 0) {
          pos = nl + 1;
          end = nl;
          break;
        }
        pos = limit;
        if (!fill(!tooLarge)) {
          end = pos;
          break;
        }
        if (recStart < 0) {
          tooLarge = true;
        }
      }
      line++;
      int start = recStart;
      recStart = -1;
      if (!tooLarge && end - start > maxRecord) {
        tooLarge = true;
      }
      if (tooLarge) {
        index++;
        sawData = true;
        return frame(Kind.TOO_LARGE, startLine);
      }
      if (end > start && buf[end - 1] == '\r') {
        end--;
      }
      if (!sawData && end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB
          && buf[start + 2] == (byte) 0xBF) {
        start += 3; // UTF-8 byte order mark
      }
      if (isBlank(buf, start, end)) {
        if (pos >= limit && eof) {
          state = State.DONE;
          return false;
        }
        continue;
      }
      index++;
      sawData = true;
      frameOff = start;
      frameLen = end - start;
      return frame(Kind.RECORD, startLine);
    }
  }

  private static int indexOf(byte[] b, byte v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }

  private boolean frame(Kind k, long atLine) {
    kind = k;
    frameLine = atLine;
    if (k != Kind.RECORD) {
      frameLen = 0;
    }
    return true;
  }

  /** Whether a {"Records":[ prefix starts at pos; if so, consumes it. */
  private boolean recordsWrapper() throws IOException {
    int need = 256;
    while (limit - pos < need && !eof) {
      if (!fill(true, pos)) {
        break;
      }
    }
    int i = pos + 1;
    i = skipWs(i);
    if (limit - i < RECORDS_KEY.length) {
      return false;
    }
    for (int k = 0; k < RECORDS_KEY.length; k++) {
      if (buf[i + k] != RECORDS_KEY[k]) {
        return false;
      }
    }
    i = skipWs(i + RECORDS_KEY.length);
    if (i >= limit || buf[i] != ':') {
      return false;
    }
    i = skipWs(i + 1);
    if (i >= limit || buf[i] != '[') {
      return false;
    }
    for (int k = pos; k <= i; k++) {
      if (buf[k] == '\n') {
        line++;
      }
    }
    pos = i + 1;
    return true;
  }

  private int skipWs(int i) {
    while (i < limit && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** After a top-level record on one line: whether only blanks remain before a newline or EOF. */
  private boolean newlineFollows() throws IOException {
    while (true) {
      while (pos < limit) {
        byte c = buf[pos];
        if (c == '\n') {
          return true;
        }
        if (c != ' ' && c != '\t' && c != '\r') {
          return false;
        }
        pos++;
      }
      if (!fill(false)) {
        return true;
      }
    }
  }

  /** Skips whitespace (and commas between array elements); false at end of stream. */
  private boolean skipWhitespace(boolean commas) throws IOException {
    while (true) {
      while (pos < limit) {
        byte c = buf[pos];
        if (c == '\n') {
          line++;
        } else if (!(c == ' ' || c == '\t' || c == '\r' || (commas && c == ','))) {
          if (!sawData && index == 0 && c == (byte) 0xEF && limit - pos >= 3 && buf[pos + 1] == (byte) 0xBB
              && buf[pos + 2] == (byte) 0xBF) {
            pos += 3; // UTF-8 byte order mark
            continue;
          }
          sawData = true;
          return true;
        }
        pos++;
      }
      if (!fill(false)) {
        return false;
      }
    }
  }

  private boolean fill(boolean keepRecord) throws IOException {
    return fill(keepRecord, pos);
  }

  /**
   * Reads more bytes. Keeps the current record buffered from {@link #recStart} when
   * {@code keepRecord}; gives it up (setting recStart to -1) when it would exceed the limit.
   */
  private boolean fill(boolean keepRecord, int keepFrom) throws IOException {
    if (eof) {
      return false;
    }
    int from = keepRecord && recStart >= 0 ? recStart : keepFrom;
    if (from > 0) {
      System.arraycopy(buf, from, buf, 0, limit - from);
      limit -= from;
      pos -= from;
      if (recStart >= 0) {
        recStart -= from;
      }
    }
    if (limit == buf.length) {
      if (keepRecord && recStart >= 0 && buf.length < maxRecord + 1) {
        byte[] bigger = new byte[(int) Math.min((long) maxRecord + 1, (long) buf.length * 2)];
        System.arraycopy(buf, 0, bigger, 0, limit);
        buf = bigger;
      } else {
        // the record does not fit under the limit: drop what we kept and go on scanning
        recStart = -1;
        limit = 0;
        pos = 0;
      }
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    bytesRead += n;
    return true;
  }

  public Kind kind() {
    return kind;
  }

  /** The buffer holding the current record; valid until the next call to {@link #next()}. */
  public byte[] buffer() {
    return buf;
  }

  public int offset() {
    return frameOff;
  }

  public int length() {
    return frameLen;
  }

  /** 1-based line where the current record starts. */
  public long line() {
    return frameLine;
  }

  /** 1-based number of the current record in the stream. */
  public long index() {
    return index;
  }

  public Layout layout() {
    return layout;
  }

  /** Whether any non-blank byte was seen. */
  public boolean sawData() {
    return sawData;
  }

  /** Decompressed bytes read so far. */
  public long bytesRead() {
    return bytesRead;
  }
}
