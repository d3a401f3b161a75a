package dev.kumo.serve.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Case notes and incident statuses, kept beside the case (not in it) in an append-only JSON Lines journal
 * ({@value #FILE} in the state folder), each line written and fsync'd before the call returns, and read back into
 * memory at start. A line that cannot be read (say, torn by a crash mid-write) is skipped and listed in
 * {@link #problems()}; the rest loads. Thread-safe.
 *
 * <pre>
 * {"type":"note","id":"…","incident":"…","author":"…","time":"2026-…Z","text":"…"}
 * {"type":"status","incident":"…","status":"triaged","author":"…","time":"2026-…Z"}
 * </pre>
 */
public final class NotesStore implements AutoCloseable {
  public static final String FILE = "console-journal.jsonl";
  /** Longest note text accepted, in characters. */
  public static final int MAX_NOTE_CHARS = 10_000;
  /** Longest journal line read back; longer ones are skipped. */
  static final int MAX_LINE_CHARS = 64 * 1024;
  private static final JsonFactory JSON = new JsonFactory();

  private final FileChannel out;
  private final Clock clock;
  private final SecureRandom random;
  private final Map<String, List<CaseNote>> notes = new HashMap<>();
  private final Map<String, List<StatusChange>> statuses = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  private NotesStore(FileChannel out, Clock clock, SecureRandom random) {
    this.out = out;
    this.clock = clock;
    this.random = random;
  }

  /** Opens (creating) the journal in {@code stateDir} and reads it. */
  public static NotesStore open(Path stateDir, Clock clock) throws IOException {
    Files.createDirectories(stateDir);
    Path file = stateDir.resolve(FILE);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    NotesStore s = new NotesStore(ch, clock, new SecureRandom());
    try {
      s.load(file);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    return s;
  }

  private void load(Path file) throws IOException {
    long size = out.size();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          if (line.length() > MAX_LINE_CHARS) {
            throw new IOException("line longer than " + MAX_LINE_CHARS + " characters");
          }
          apply(parse(line));
        } catch (IOException | RuntimeException e) {
          problems.add(file + ":" + n + ": skipped: " + e.getMessage());
        }
      }
    }
    if (size > 0) {
      ByteBuffer last = ByteBuffer.allocate(1);
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
        in.read(last, size - 1);
      }
      if (last.get(0) != '\n') {
        write("\n"); // a torn last line: start the next record on a line of its own
      }
    }
  }

  /** Lines of the journal that could not be read at start. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Adds a note, durably; the text must be non-blank and at most {@link #MAX_NOTE_CHARS}. */
  public synchronized CaseNote addNote(String incidentId, String author, String text) throws IOException {
    String t = text.strip();
    if (t.isEmpty() || t.length() > MAX_NOTE_CHARS) {
      throw new IllegalArgumentException("a note must have 1 to " + MAX_NOTE_CHARS + " characters");
    }
    byte[] id = new byte[12];
    random.nextBytes(id);
    CaseNote n = new CaseNote(HexFormat.of().formatHex(id), incidentId, author, clock.instant(), t);
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("type", "note");
      g.writeStringField("id", n.id());
      g.writeStringField("incident", n.incidentId());
      g.writeStringField("author", n.author());
      g.writeStringField("time", n.time().toString());
      g.writeStringField("text", n.text());
      g.writeEndObject();
    }
    write(w + "\n");
    apply(n);
    return n;
  }

  /** Sets an incident's status, durably. */
  public synchronized StatusChange setStatus(String incidentId, IncidentStatus status, String author)
      throws IOException {
    StatusChange c = new StatusChange(incidentId, status, author, clock.instant());
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("type", "status");
      g.writeStringField("incident", c.incidentId());
      g.writeStringField("status", c.status().id());
      g.writeStringField("author", c.author());
      g.writeStringField("time", c.time().toString());
      g.writeEndObject();
    }
    write(w + "\n");
    apply(c);
    return c;
  }

  /** The incident's notes, oldest first. */
  public synchronized List<CaseNote> notes(String incidentId) {
    return List.copyOf(notes.getOrDefault(incidentId, List.of()));
  }

  /** The incident's status changes, oldest first. */
  public synchronized List<StatusChange> history(String incidentId) {
    return List.copyOf(statuses.getOrDefault(incidentId, List.of()));
  }

  /** The incident's latest status change, if any (none means {@link IncidentStatus#OPEN}). */
  public synchronized Optional<StatusChange> status(String incidentId) {
    List<StatusChange> h = statuses.get(incidentId);
    return h == null || h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
  }

  private void write(String line) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      out.write(b);
    }
    out.force(true);
  }

  private void apply(Object record) {
    if (record instanceof CaseNote n) {
      notes.computeIfAbsent(n.incidentId(), k -> new ArrayList<>()).add(n);
    } else if (record instanceof StatusChange c) {
      statuses.computeIfAbsent(c.incidentId(), k -> new ArrayList<>()).add(c);
    }
  }

  private static Object parse(String line) throws IOException {
    Map<String, String> f = new HashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_STRING) {
          throw new IOException("'" + name + "' must be a string");
        }
        f.put(name, p.getText());
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("not one flat JSON object");
      }
    }
    Instant time;
    try {
      time = Instant.parse(need(f, "time"));
    } catch (DateTimeParseException e) {
      throw new IOException("bad time '" + f.get("time") + "'");
    }
    String type = need(f, "type");
    if (type.equals("note")) {
      return new CaseNote(need(f, "id"), need(f, "incident"), need(f, "author"), time, need(f, "text"));
    }
    if (type.equals("status")) {
      IncidentStatus s = IncidentStatus.parse(need(f, "status"));
      if (s == null) {
        throw new IOException("unknown status '" + f.get("status") + "'");
      }
      return new StatusChange(need(f, "incident"), s, need(f, "author"), time);
    }
    throw new IOException("unknown record type '" + type + "'");
  }

  private static String need(Map<String, String> f, String key) throws IOException {
    String v = f.get(key);
    if (v == null) {
      throw new IOException("missing '" + key + "'");
    }
    return v;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
