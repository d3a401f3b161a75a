package dev.kumo.serve.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sends the first alert of each {@linkplain Alert#dedupKey() key} and holds back the same key for {@code window}
 * after it, counting what it held back; when the window has closed, one {@link Alert.Kind#REPEAT} follow-up stands
 * for them (the last held-back alert, with their count and event time span). At most {@code maxKeys} keys are
 * tracked; past that, alerts of new keys pass without tracking. Not thread-safe.
 */
final class Deduplicator {
  private final Duration window;
  private final int maxKeys;
  private final Map<String, Entry> open = new LinkedHashMap<>();

  private static final class Entry {
    final Instant start;
    long suppressed;
    @Nullable Alert last;
    @Nullable Instant first;
    @Nullable Instant lastTime;

    Entry(Instant start) {
      this.start = start;
    }
  }

  Deduplicator(Duration window, int maxKeys) {
    this.window = window;
    this.maxKeys = maxKeys;
  }

  /**
   * What to send now for {@code a} arriving at {@code now}: nothing (held back), or {@code a}, preceded by the
   * follow-up of its key's closed window if it had held back any.
   */
  List<Alert> offer(Alert a, Instant now) {
    String key = a.dedupKey();
    Entry e = open.get(key);
    if (e != null && now.isBefore(e.start.plus(window))) {
      e.suppressed++;
      e.last = a;
      Instant t = a.eventTime();
      e.first = e.first == null || t.isBefore(e.first) ? t : e.first;
      e.lastTime = e.lastTime == null || t.isAfter(e.lastTime) ? t : e.lastTime;
      return List.of();
    }
    List<Alert> out = new ArrayList<>(2);
    if (e != null) {
      open.remove(key);
      followUp(e, now, out);
    }
    if (open.size() >= maxKeys) {
      out.addAll(expired(now));
    }
    if (open.size() < maxKeys) {
      open.put(key, new Entry(now));
    }
    out.add(a);
    return out;
  }

  /** Follow-ups of the windows closed by {@code now}; those windows are forgotten. */
  List<Alert> expired(Instant now) {
    List<Alert> out = new ArrayList<>();
    for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (!now.isBefore(e.start.plus(window))) {
        it.remove();
        followUp(e, now, out);
      }
    }
    return out;
  }

  /** Follow-ups of every window with held-back alerts, closed or not (at shutdown); all forgotten. */
  List<Alert> flush(Instant now) {
    List<Alert> out = new ArrayList<>();
    for (Entry e : open.values()) {
      followUp(e, now, out);
    }
    open.clear();
    return out;
  }

  private static void followUp(Entry e, Instant now, List<Alert> out) {
    Alert last = e.last;
    if (e.suppressed > 0 && last != null && e.first != null && e.lastTime != null) {
      out.add(last.repeat(e.suppressed, e.first, e.lastTime, now));
    }
  }
}
