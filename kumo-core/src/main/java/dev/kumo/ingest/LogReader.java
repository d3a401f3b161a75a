package dev.kumo.ingest;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.Origin;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.json.JsonTreeReader.JsonFormatException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one log input into normalized events: decompresses gzip (by content, not file name), tells
 * JSON from text by the first byte, frames records within limits, picks the log source (from the
 * first records, or {@code --source}) and normalizes. Every record that cannot be used is reported to
 * {@link IngestStats} with file, line, record number and reason; reading goes on. Thread-safe: one
 * instance may read many files at once.
 */
public final class LogReader {
  /** How deep container records may nest (a Pub/Sub message holding an API page holding records). */
  static final int MAX_CONTAINER_DEPTH = 3;

  /** Lines a text source sees to decide whether a file is its own. */
  static final int SNIFF_LINES = 20;

  private final LogSources sources;
  private final IngestLimits limits;
  private final @Nullable LogSource forced;
  private final JsonTreeReader trees;

  /**
   * @param forced the source to use for every record (the {@code --source} flag), or null to detect
   */
  public LogReader(LogSources sources, IngestLimits limits, @Nullable LogSource forced) {
    this.sources = sources;
    this.limits = limits;
    this.forced = forced;
    this.trees = new JsonTreeReader(limits.maxNestingDepth(), limits.maxRecordBytes().toIntBytes());
  }

  /** Reads {@code input} completely, sending events to {@code sink}. Never throws for bad content. */
  public void read(InputFile input, EventSink sink, IngestStats stats, @Nullable Progress progress) {
    read(input, sink, stats, progress, null);
  }

  /**
   * As {@link #read(InputFile, EventSink, IngestStats, Progress)}, also telling {@code files} about
   * the input as a whole: its content hash when asked for (the decompressed bytes are hashed as they
   * are read, then the rest of the input is read through when parsing stopped early), and the record
   * of a CloudTrail digest file.
   */
  public void read(InputFile input, EventSink sink, IngestStats stats, @Nullable Progress progress,
      @Nullable FileListener files) {
    new Session(input, sink, stats, progress, files).run();
  }

  private final class Session {
    private final InputFile input;
    private final EventSink sink;
    private final IngestStats stats;
    private final @Nullable Progress progress;
    private final @Nullable FileListener files;
    private @Nullable LogSource source;
    private boolean gzip;
    private long events;
    private long lastLine;
    private long lastRecord;
    /** Hashes the decompressed content when the file listener asks for it. */
    private @Nullable HashingInputStream hashed;
    /** The record of a CloudTrail digest file. */
    private @Nullable JsonObject digest;

    Session(InputFile input, EventSink sink, IngestStats stats, @Nullable Progress progress,
        @Nullable FileListener files) {
      this.input = input;
      this.sink = sink;
      this.stats = stats;
      this.progress = progress;
      this.files = files;
      this.source = forced;
    }

    void run() {
      CountingInputStream counted = null;
      boolean complete = false;
      try (InputStream raw = input.openRaw()) {
        InputStream in = raw;
        if (progress != null) {
          counted = new CountingInputStream(raw, progress);
          in = counted;
        }
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream decoded = buffered;
        if (b0 == 0x1f && b1 == 0x8b) {
          gzip = true;
          decoded = new GZIPInputStream(buffered, 64 * 1024);
        }
        if (files != null && files.wantsHash(input)) {
          hashed = new HashingInputStream(decoded);
          decoded = hashed;
        }
        InputStream content = decoded == buffered ? buffered : new BufferedInputStream(decoded, 64 * 1024);
        if (b0 < 0) {
          problem(0, 0, ProblemKind.EMPTY_FILE, "empty file (0 bytes)");
        } else {
          readContent(content);
        }
        if (hashed != null) {
          content.transferTo(OutputStream.nullOutputStream()); // hash what parsing left unread
        }
        complete = true;
      } catch (EOFException e) {
        problem(lastLine, 0, gzip ? ProblemKind.TRUNCATED_GZIP : ProblemKind.UNREADABLE_FILE,
            (gzip ? "truncated gzip stream" : "unexpected end of file") + " after " + lastRecord
                + " record(s); the rest of the file cannot be read");
      } catch (ZipException e) {
        problem(lastLine, 0, ProblemKind.CORRUPT_GZIP, "corrupt gzip stream after " + lastRecord
            + " record(s) (" + e.getMessage() + "); the rest of the file cannot be read");
      } catch (IOException e) {
        problem(lastLine, 0, ProblemKind.UNREADABLE_FILE, "cannot read: " + e.getMessage());
      } finally {
        stats.fileRead(input.size() >= 0 ? input.size() : counted != null ? counted.total() : 0);
        if (progress != null) {
          progress.addEvents(events % 1024);
          progress.fileDone();
        }
      }
      if (files != null && (hashed != null || digest != null)) {
        files.fileRead(input, new FileFacts(input.name(), complete && hashed != null ? hashed.hex() : null,
            hashed == null ? 0 : hashed.count(), digest));
      }
    }

    /** Frames and handles the records of the (decompressed) content; returns early for files it skips. */
    private void readContent(InputStream content) throws IOException {
      int first = firstNonBlank(content);
      String binary = binaryPrefix(content);
      if (binary != null) {
        problem(0, 0, ProblemKind.BINARY_FILE, "not a log: binary content (" + binary + "); file skipped");
        return;
      }
      RecordFramer f = new RecordFramer(content, limits.maxRecordBytes().toIntBytes(), limits.maxNestingDepth(),
          first != '{' && first != '[' || isJsonLinesName(input.name()));
      try {
        if (first < 0) {
          problem(0, 0, ProblemKind.EMPTY_FILE, "empty file (no content)");
        } else if (first == '{' || first == '[') {
          frameJson(f);
        } else {
          frameText(f);
        }
      } finally {
        stats.jsonBytes(f.bytesRead());
      }
    }

    /** The first byte that is not whitespace or a byte-order mark, without consuming anything. */
    private int firstNonBlank(InputStream in) throws IOException {
      in.mark(64 * 1024);
      try {
        for (int i = 0, c; i < 64 * 1024 && (c = in.read()) >= 0; i++) {
          if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB && c != 0xBF) {
            return c;
          }
        }
        return -1;
      } finally {
        in.reset();
      }
    }

    /**
     * A description of the first bytes when they are not text: a NUL byte early on, or a first
     * character that is a control character or not UTF-8. Else null; invalid bytes later are
     * reported per record.
     */
    private @Nullable String binaryPrefix(InputStream in) throws IOException {
      in.mark(4096);
      byte[] head = new byte[4096];
      int n = 0;
      try {
        int r;
        while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
          n += r;
        }
      } finally {
        in.reset();
      }
      for (int i = 0; i < n; i++) {
        if (head[i] == 0) {
          return "a NUL byte at offset " + i;
        }
      }
      int start = n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
      if (start < n) {
        int b = head[start] & 0xff;
        boolean control = b < 0x20 && b != '\t' && b != '\n' && b != '\r';
        boolean badLead = b >= 0x80 && (b < 0xC2 || b > 0xF4);
        if (control || badLead) {
          return String.format(Locale.ROOT, "starts with 0x%02X", b);
        }
      }
      return null;
    }

    // ---- JSON ----

    private void frameJson(RecordFramer f) throws IOException {
      while (f.next()) {
        lastLine = f.line();
        lastRecord = f.index();
        switch (f.kind()) {
          case RECORD -> {
            if (!jsonRecord(f)) {
              return;
            }
          }
          case TOO_LARGE -> tooLarge(f);
          case TOO_DEEP -> problem(f.line(), f.index(), ProblemKind.NESTING_TOO_DEEP,
              "record is nested deeper than the limit of " + limits.maxNestingDepth() + " (setting --max-depth); skipped");
          case NOT_OBJECT -> problem(f.line(), f.index(), ProblemKind.NOT_AN_OBJECT, "record is not a JSON object; skipped");
          case INCOMPLETE -> problem(f.line(), f.index(), ProblemKind.INCOMPLETE_RECORD,
              "file ends in the middle of record " + f.index() + " (truncated file?)");
          case NOT_JSON -> problem(f.line(), 0, ProblemKind.MALFORMED_JSON,
              describeNonJson(f.offendingByte(), f.index()));
          default -> throw new IllegalStateException(f.kind().name());
        }
      }
    }

    private void tooLarge(RecordFramer f) {
      problem(f.line(), f.index(), ProblemKind.RECORD_TOO_LARGE, "record is larger than the limit of "
          + limits.maxRecordBytes() + " (setting --max-record-size); skipped");
    }

    private String describeNonJson(byte b, long recordsBefore) {
      String shown = b >= 0x20 && b < 0x7f ? "'" + (char) b + "' " : "";
      String hex = String.format(Locale.ROOT, "0x%02X", b & 0xff);
      return "unexpected " + shown + "(" + hex + ") after record " + recordsBefore + "; the rest of the file is skipped";
    }

    /** Parses and handles one framed JSON record; false to stop reading the file. */
    private boolean jsonRecord(RecordFramer f) {
      Object value;
      try {
        value = trees.read(f.buffer(), f.offset(), f.length());
      } catch (JsonFormatException e) {
        String m = e.getMessage();
        ProblemKind kind = m.startsWith("invalid UTF-8") ? ProblemKind.INVALID_UTF8
            : m.startsWith("nesting deeper") ? ProblemKind.NESTING_TOO_DEEP : ProblemKind.MALFORMED_JSON;
        problem(f.line(), f.index(), kind, m + "; skipped");
        return true;
      }
      if (!(value instanceof JsonObject obj)) {
        problem(f.line(), f.index(), ProblemKind.NOT_AN_OBJECT, "record is not a JSON object; skipped");
        return true;
      }
      JsonArray inner = null;
      if (!obj.has("eventName")) {
        // {"Records":[...]} not recognised by the framer (key not first), and lookup-events' {"Events":[...]}
        // and Azure diagnostic exports' {"records":[...]}, and Microsoft Graph responses {"@odata.context":..,"value":[...]}
        inner = obj.get("Records") instanceof JsonArray a ? a : obj.get("Events") instanceof JsonArray a ? a
            : obj.get("records") instanceof JsonArray a ? a
            : obj.has("@odata.context") && obj.get("value") instanceof JsonArray a ? a : null;
      }
      if (inner != null) {
        for (int i = 0; i < inner.size(); i++) {
          if (inner.get(i) instanceof JsonObject o) {
            if (!jsonObject(o, f.line(), f.index())) {
              return false;
            }
          } else {
            problem(f.line(), f.index(), ProblemKind.NOT_AN_OBJECT, "element " + (i + 1) + " of the record list is not an object");
          }
        }
        return true;
      }
      return jsonObject(obj, f.line(), f.index());
    }

    private boolean jsonObject(JsonObject obj, long line, long index) {
      return jsonObject(obj, line, index, 0);
    }

    /** Handles one record, or the records of a container record ({@link JsonLogSource#records}). */
    private boolean jsonObject(JsonObject obj, long line, long index, int containerDepth) {
      LogSource s = source;
      if (s == null) {
        if (DigestFiles.isDigest(obj)) {
          stats.digestFileSkipped();
          digest = obj;
          return false;
        }
        Optional<LogSource> detected = sources.detect(obj);
        if (detected.isEmpty()) {
          problem(line, index, ProblemKind.UNKNOWN_FORMAT, "not a recognized log format (first record has keys "
              + keys(obj) + "); file skipped");
          return false;
        }
        s = detected.get();
        source = s;
      } else if (forced == null && !(s instanceof JsonLogSource j && j.recognizes(obj))
          && !(obj.get("p_log_type") instanceof String t && s.pantherLogTypes().contains(t))) {
        // a file may mix log types (SIEM exports): look for this record's own source
        Optional<LogSource> other = sources.detect(obj);
        if (other.isEmpty()) {
          problem(line, index, ProblemKind.NOT_SOURCE_RECORD, "record is not a " + s.displayName()
              + " record nor of any other known log (keys " + keys(obj) + "); skipped");
          return true;
        }
        s = other.get();
      }
      if (s instanceof JsonLogSource j && containerDepth < MAX_CONTAINER_DEPTH) {
        List<?> inner;
        try {
          inner = j.records(obj);
        } catch (InvalidRecordException e) {
          problem(line, index, e.kind(), e.getMessage());
          return true;
        }
        if (inner != null) {
          for (int i = 0; i < inner.size(); i++) {
            if (!(inner.get(i) instanceof JsonObject o)) {
              problem(line, index, ProblemKind.NOT_AN_OBJECT, "element " + (i + 1) + " of the record list is not an object");
            } else if (!jsonObject(o, line, index, containerDepth + 1)) {
              return false;
            }
          }
          return true;
        }
      }
      emit(s, obj, line, index);
      return true;
    }

    // ---- text ----

    private void frameText(RecordFramer f) throws IOException {
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      List<long[]> pendingPos = new ArrayList<>();
      List<String> pending = new ArrayList<>();
      TextLogSource.LineParser parser = null;
      TextLogSource textSource = null;
      while (f.next()) {
        lastLine = f.line();
        lastRecord = f.index();
        if (f.kind() == RecordFramer.Kind.TOO_LARGE) {
          tooLarge(f);
          continue;
        }
        String line;
        try {
          line = utf8.decode(ByteBuffer.wrap(f.buffer(), f.offset(), f.length())).toString();
        } catch (CharacterCodingException e) {
          problem(f.line(), f.index(), ProblemKind.INVALID_UTF8, "invalid UTF-8 in line; skipped");
          continue;
        }
        if (parser == null) {
          pending.add(line);
          pendingPos.add(new long[] {f.line(), f.index()});
          if (pending.size() < SNIFF_LINES) {
            continue;
          }
          Optional<LogSources.Detected> d = chooseText(pending);
          if (d.isEmpty()) {
            return;
          }
          textSource = d.get().source();
          parser = d.get().parser();
          for (int i = 0; i < pending.size(); i++) {
            textLine(textSource, parser, pending.get(i), pendingPos.get(i)[0], pendingPos.get(i)[1]);
          }
          pending.clear();
          continue;
        }
        textLine(textSource, parser, line, f.line(), f.index());
      }
      if (parser == null && !pending.isEmpty()) {
        Optional<LogSources.Detected> d = chooseText(pending);
        if (d.isPresent()) {
          textSource = d.get().source();
          parser = d.get().parser();
          for (int i = 0; i < pending.size(); i++) {
            textLine(textSource, parser, pending.get(i), pendingPos.get(i)[0], pendingPos.get(i)[1]);
          }
        }
      }
      if (parser != null) {
        for (JsonObject rest : parser.flush()) {
          emit(textSource, rest, lastLine, lastRecord);
        }
      }
    }

    private Optional<LogSources.Detected> chooseText(List<String> lines) {
      if (forced != null) {
        if (forced instanceof TextLogSource t) {
          Optional<TextLogSource.LineParser> p = t.sniff(lines);
          if (p.isPresent()) {
            return Optional.of(new LogSources.Detected(t, p.get()));
          }
          problem(1, 0, ProblemKind.UNKNOWN_FORMAT, "not a " + forced.displayName() + " log (--source " + forced.id()
              + "): its first lines do not match that format; file skipped");
        } else {
          problem(1, 0, ProblemKind.UNKNOWN_FORMAT, forced.displayName() + " logs are JSON, but this file is text; file skipped");
        }
        return Optional.empty();
      }
      Optional<LogSources.Detected> d = sources.detectText(lines);
      if (d.isEmpty()) {
        String firstLine = lines.get(0);
        problem(1, 0, ProblemKind.UNKNOWN_FORMAT, "not a recognized log format (text starting '"
            + (firstLine.length() > 60 ? firstLine.substring(0, 60) + "..." : firstLine) + "'); file skipped");
      }
      return d;
    }

    private void textLine(TextLogSource s, TextLogSource.LineParser parser, String line, long lineNo, long index) {
      JsonObject fields;
      try {
        fields = parser.parse(line);
      } catch (InvalidRecordException e) {
        problem(lineNo, index, e.kind(), e.getMessage());
        return;
      }
      if (fields != null) {
        emit(s, fields, lineNo, index);
      }
    }

    // ---- both ----

    private void emit(LogSource s, JsonObject record, long line, long index) {
      NormalizedEvent e;
      try {
        e = s.normalize(record, new Origin(input.name(), line, index));
      } catch (InvalidRecordException ex) {
        problem(line, index, ex.kind(), ex.getMessage());
        return;
      }
      stats.event(s.id());
      if (e.time().equals(NormalizedEvent.UNKNOWN_TIME)) {
        stats.eventWithoutTime();
      }
      events++;
      if (progress != null && (events & 1023) == 0) {
        progress.addEvents(1024);
      }
      sink.accept(e);
    }

    private void problem(long line, long record, ProblemKind kind, String message) {
      stats.problem(new IngestProblem(input.name(), line, record, kind, message));
    }
  }

  /** Whether the file name says JSON Lines ({@code .jsonl}, {@code .ndjson}, optionally gzipped). */
  static boolean isJsonLinesName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    return n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }

  private static String keys(JsonObject o) {
    StringBuilder sb = new StringBuilder("[");
    int n = Math.min(o.size(), 6);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      String k = o.keyAt(i);
      sb.append(k.length() > 40 ? k.substring(0, 40) + "..." : k);
    }
    if (o.size() > n) {
      sb.append(", ...");
    }
    return sb.append(']').toString();
  }
}
