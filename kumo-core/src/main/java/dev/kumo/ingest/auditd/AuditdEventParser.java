package dev.kumo.ingest.auditd;

import dev.kumo.ingest.TextLogSource;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Groups the record lines of one file into audit events: the lines that share
 * {@code audit(TIME:SERIAL)} (SYSCALL, CWD, PATH ..., PROCTITLE) become one record in laurel's layout:
 * {@code {"ID":"1700000000.123:4567","node":..,"SYSCALL":{..},"CWD":{..},"PATH":[{..},..],"PROCTITLE":{..}}}.
 *
 * <p>An event is complete at its {@code EOE} line, at its PROCTITLE when its SYSCALL came first
 * (raw logs), at a {@code ----} separator (ausearch output), at once for userspace records
 * (USER_*, CRED_*, DAEMON_*, SERVICE_* ...), when more than {@value #WINDOW} events are open (the
 * oldest), or at the end of the file ({@link #flush()}). Records arriving for an event already
 * complete (a late EOE) are dropped. Memory is bounded: at most {@value #WINDOW} open events of at
 * most {@value #MAX_RECORDS} records. One instance per file; not thread-safe.
 */
final class AuditdEventParser implements TextLogSource.LineParser {
  /** Open events kept while records of several events interleave. */
  static final int WINDOW = 16;
  /** Records kept per event (a rename of a huge directory tree cannot grow an event without bound). */
  static final int MAX_RECORDS = 64;
  private static final int RECENT = 32;

  private static final String[] USERSPACE_PREFIXES = {"USER_", "CRED_", "DAEMON_", "SERVICE_", "SYSTEM_", "ADD_",
      "DEL_", "ACCT_", "GRP_", "ROLE_", "VIRT_", "ANOM_LOGIN", "CHGRP_", "CHUSER_", "TRUSTED_APP", "SOFTWARE_UPDATE"};

  private final boolean interpreted;
  private final LinkedHashMap<String, Event> open = new LinkedHashMap<>();
  private final ArrayDeque<String> recent = new ArrayDeque<>(RECENT);

  /** @param interpreted whether the file is ausearch -i output */
  AuditdEventParser(boolean interpreted) {
    this.interpreted = interpreted;
  }

  /** One event being assembled. */
  private static final class Event {
    final @Nullable String node;
    final Instant time;
    final String serial;
    final Map<String, List<JsonObject>> records = new LinkedHashMap<>();
    int count;

    Event(@Nullable String node, Instant time, String serial) {
      this.node = node;
      this.time = time;
      this.serial = serial;
    }

    void add(String type, JsonObject fields) {
      if (count < MAX_RECORDS) {
        records.computeIfAbsent(type, k -> new ArrayList<>(1)).add(fields);
        count++;
      }
    }

    JsonObject build() {
      JsonObject.Builder b = JsonObject.builder();
      long nanos = time.getNano();
      String millis = String.format(Locale.ROOT, "%03d", nanos / 1_000_000);
      b.put("ID", time.getEpochSecond() + "." + millis + ":" + serial);
      b.put("node", node);
      for (Map.Entry<String, List<JsonObject>> e : records.entrySet()) {
        List<JsonObject> list = e.getValue();
        b.put(e.getKey(), list.size() == 1 && !e.getKey().equals("PATH") ? list.get(0) : JsonArray.of(list.toArray()));
      }
      return b.build();
    }
  }

  @Override
  public @Nullable JsonObject parse(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.startsWith("time->")) {
      return null;
    }
    if (t.startsWith("----")) {
      return complete(oldestKey());
    }
    AuditdLine rec = AuditdLine.parse(t, interpreted);
    String key = (rec.node() == null ? "" : rec.node()) + "|" + rec.timeText() + ":" + rec.serial();
    if (recent.contains(key)) {
      return null; // a late record (EOE) of an event already complete
    }
    if (rec.type().equals("EOE")) {
      return complete(key);
    }
    Event e = open.get(key);
    boolean fresh = e == null;
    if (fresh) {
      e = new Event(rec.node(), rec.time(), rec.serial());
      open.put(key, e);
    }
    e.add(rec.type(), rec.fields());
    if (rec.type().equals("PROCTITLE") && e.records.containsKey("SYSCALL")) {
      return complete(key);
    }
    if (fresh && isUserspace(rec.type())) {
      return complete(key);
    }
    if (open.size() > WINDOW) {
      return complete(oldestKey());
    }
    return null;
  }

  @Override
  public List<JsonObject> flush() {
    List<JsonObject> out = new ArrayList<>(open.size());
    for (Event e : open.values()) {
      out.add(e.build());
    }
    open.clear();
    return out;
  }

  private @Nullable String oldestKey() {
    Iterator<String> it = open.keySet().iterator();
    return it.hasNext() ? it.next() : null;
  }

  private @Nullable JsonObject complete(@Nullable String key) {
    if (key == null) {
      return null;
    }
    Event e = open.remove(key);
    if (e == null) {
      return null;
    }
    if (recent.size() == RECENT) {
      recent.removeFirst();
    }
    recent.addLast(key);
    return e.build();
  }

  private static boolean isUserspace(String type) {
    for (String p : USERSPACE_PREFIXES) {
      if (type.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
