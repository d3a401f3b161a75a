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
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON log input into normalized events: decompresses gzip (by content, not file name),
 * frames records, parses them within limits, detects the log source from the first record and
 * normalizes. Every record that cannot be used is reported to {@link IngestStats} with file, line,
 * record number and reason; reading goes on. Thread-safe: one instance may read many files at once.
 */
public final class JsonLogReader {
  private final LogSources sources;
  private final IngestLimits limits;
  private final @Nullable LogSource forced;
  private final JsonTreeReader trees;

  /**
   * @param forced the source to use for every record (the {@code --source} flag), or null to detect
   */
  public JsonLogReader(LogSources sources, IngestLimits limits, @Nullable LogSource forced) {
    this.sources = sources;
    this.limits = limits;
    this.forced = forced;
    this.trees = new JsonTreeReader(limits.maxNestingDepth(), limits.maxRecordBytes().toIntBytes());
  }

  /** Reads {@code input} completely, sending events to {@code sink}. Never throws for bad content. */
  public void read(InputFile input, EventSink sink, IngestStats stats, @Nullable Progress progress) {
    Session s = new Session(input, sink, stats, progress);
    s.run();
  }

  private final class Session {
    private final InputFile input;
    private final EventSink sink;
    private final IngestStats stats;
    private final @Nullable Progress progress;
    private @Nullable LogSource source;
    private boolean gzip;
    private long events;
    private long lastLine;
    private long lastRecord;

    Session(InputFile input, EventSink sink, IngestStats stats, @Nullable Progress progress) {
      this.input = input;
      this.sink = sink;
      this.stats = stats;
      this.progress = progress;
      this.source = forced;
    }

    void run() {
      CountingInputStream counted = null;
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
        if (b0 < 0) {
          problem(0, 0, ProblemKind.EMPTY_FILE, "empty file (0 bytes)");
          return;
        }
        InputStream content = buffered;
        if (b0 == 0x1f && b1 == 0x8b) {
          gzip = true;
          content = new GZIPInputStream(buffered, 64 * 1024);
        }
        frame(content);
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
    }

    private void frame(InputStream content) throws IOException {
      RecordFramer f = new RecordFramer(content, limits.maxRecordBytes().toIntBytes(), limits.maxNestingDepth(),
          isJsonLinesName(input.name()));
      try {
        frameAll(f);
      } finally {
        stats.jsonBytes(f.bytesRead());
      }
    }

    private void frameAll(RecordFramer f) throws IOException {
      while (f.next()) {
        lastLine = f.line();
        lastRecord = f.index();
        switch (f.kind()) {
          case RECORD -> {
            if (!record(f)) {
              return;
            }
          }
          case TOO_LARGE -> {
            problem(f.line(), f.index(), ProblemKind.RECORD_TOO_LARGE, "record is larger than the limit of "
                + limits.maxRecordBytes() + " (setting --max-record-size); skipped");
          }
          case TOO_DEEP -> {
            problem(f.line(), f.index(), ProblemKind.NESTING_TOO_DEEP, "record is nested deeper than the limit of "
                + limits.maxNestingDepth() + " (setting --max-depth); skipped");
          }
          case NOT_OBJECT -> {
            problem(f.line(), f.index(), ProblemKind.NOT_AN_OBJECT, "record is not a JSON object; skipped");
          }
          case INCOMPLETE -> problem(f.line(), f.index(), ProblemKind.INCOMPLETE_RECORD,
              "file ends in the middle of record " + f.index() + " (truncated file?)");
          case NOT_JSON -> problem(f.line(), 0, f.index() == 0 ? ProblemKind.NOT_JSON : ProblemKind.MALFORMED_JSON,
              describeNonJson(f.offendingByte(), f.index()));
          default -> throw new IllegalStateException(f.kind().name());
        }
      }
      if (!f.sawData()) {
        problem(0, 0, ProblemKind.EMPTY_FILE, "empty file (no content)");
      }
    }

    private String describeNonJson(byte b, long recordsBefore) {
      String shown = b >= 0x20 && b < 0x7f ? "'" + (char) b + "' " : "";
      String hex = String.format(Locale.ROOT, "0x%02X", b & 0xff);
      if (recordsBefore > 0) {
        return "unexpected " + shown + "(" + hex + ") after record " + recordsBefore + "; the rest of the file is skipped";
      }
      return "not a JSON log: it starts with " + shown + "(" + hex + "); Kumo reads CloudTrail as .json,"
          + " .json.gz, JSON arrays and JSON Lines";
    }

    /** Parses and handles one framed record; false to stop reading the file. */
    private boolean record(RecordFramer f) {
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
        inner = obj.get("Records") instanceof JsonArray a ? a : obj.get("Events") instanceof JsonArray a ? a : null;
      }
      if (inner != null) {
        for (int i = 0; i < inner.size(); i++) {
          if (inner.get(i) instanceof JsonObject o) {
            if (!handle(o, f.line(), f.index())) {
              return false;
            }
          } else {
            problem(f.line(), f.index(), ProblemKind.NOT_AN_OBJECT, "element " + (i + 1) + " of Records is not an object");
          }
        }
        return true;
      }
      return handle(obj, f.line(), f.index());
    }

    private boolean handle(JsonObject obj, long line, long index) {
      if (source == null) {
        if (DigestFiles.isDigest(obj)) {
          stats.digestFileSkipped();
          return false;
        }
        Optional<LogSource> detected = sources.detect(obj);
        if (detected.isEmpty()) {
          problem(line, index, ProblemKind.UNKNOWN_FORMAT, "not a recognized log format (first record has keys "
              + keys(obj) + "); file skipped");
          return false;
        }
        source = detected.get();
      }
      NormalizedEvent e;
      try {
        if (!source.recognizes(obj)) {
          throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
              "record is not a " + source.displayName() + " record (keys " + keys(obj) + "); skipped");
        }
        e = source.normalize(obj, new Origin(input.name(), line, index));
      } catch (InvalidRecordException ex) {
        problem(line, index, ex.kind(), ex.getMessage());
        return true;
      }
      stats.event(source.id());
      events++;
      if (progress != null && (events & 1023) == 0) {
        progress.addEvents(1024);
      }
      sink.accept(e);
      return true;
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
