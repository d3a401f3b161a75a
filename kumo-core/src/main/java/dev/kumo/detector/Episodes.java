package dev.kumo.detector;

import dev.kumo.finding.EventSummary;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Groups a detector's hits into episodes per key: an episode opens on the first hit, collects later
 * hits (count, evidence ids, distinct values), and closes once no hit came for {@code quiet}, or it
 * has lasted {@code maxLength}. One finding per episode keeps a burst of bad calls to one line with
 * all its evidence. Bounded: at most {@code capacity} open episodes (the oldest is closed early) and
 * {@code maxEvidence} ids and values each. Serializable with its {@link OnClose} (detector states
 * pass a method reference, {@code this::close}, which is then serializable too). Not thread-safe.
 */
public final class Episodes implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Turns a closed episode into alerts. Serializable, so the episodes holding it are. */
  @FunctionalInterface
  public interface OnClose extends Serializable {
    void close(Episode episode, Alerts alerts);
  }

  /** An open or closed episode. */
  public static final class Episode implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final EventSummary first;
    private EventSummary last;
    private long count;
    private final List<String> evidence = new ArrayList<>();
    private final Set<String> values = new LinkedHashSet<>();
    private final int maxEvidence;

    Episode(String key, EventSummary first, int maxEvidence) {
      this.key = key;
      this.first = first;
      this.last = first;
      this.maxEvidence = maxEvidence;
    }

    void add(EventSummary e, String eventId, @Nullable String value) {
      count++;
      last = e;
      if (evidence.size() < maxEvidence && (evidence.isEmpty() || !evidence.get(evidence.size() - 1).equals(eventId))) {
        evidence.add(eventId);
      }
      if (value != null && values.size() < maxEvidence) {
        values.add(value);
      }
    }

    public String key() {
      return key;
    }

    public EventSummary first() {
      return first;
    }

    public EventSummary last() {
      return last;
    }

    /** Hits in the episode. */
    public long count() {
      return count;
    }

    /** The first event ids, oldest first. */
    public List<String> evidence() {
      return List.copyOf(evidence);
    }

    /** Distinct values seen, in order of first sighting (bounded). */
    public List<String> values() {
      return List.copyOf(values);
    }

    public Duration length() {
      return Duration.between(first.time(), last.time());
    }
  }

  private final Duration quiet;
  private final Duration maxLength;
  private final int maxEvidence;
  private final int capacity;
  /** Open episodes in order of their last hit (access order). */
  private final LinkedHashMap<String, Episode> open = new LinkedHashMap<>(16, 0.75f, true);
  private final OnClose onClose;
  private long evictedEarly;

  /**
   * @param onClose turns a closed episode into alerts
   */
  public Episodes(Duration quiet, Duration maxLength, int capacity, int maxEvidence, OnClose onClose) {
    this.quiet = quiet;
    this.maxLength = maxLength;
    this.maxEvidence = maxEvidence;
    this.capacity = Math.max(1, capacity);
    this.onClose = onClose;
  }

  /**
   * Records a hit for {@code key} at the observation's time, first closing the episodes that went
   * quiet before it (and this key's episode if it has lasted too long).
   */
  public void hit(String key, Observation o, @Nullable String value, Alerts alerts) {
    advance(o.time(), alerts);
    Episode e = open.get(key);
    if (e != null && !o.time().isBefore(e.first.time().plus(maxLength))) {
      open.remove(key);
      onClose.close(e, alerts);
      e = null;
    }
    if (e == null) {
      if (open.size() >= capacity) {
        Iterator<Episode> eldest = open.values().iterator();
        Episode dropped = eldest.next();
        eldest.remove();
        evictedEarly++;
        onClose.close(dropped, alerts);
      }
      e = new Episode(key, o.event(), maxEvidence);
      open.put(key, e);
    }
    e.add(o.event(), o.eventId(), value);
  }

  /**
   * Closes the episodes that went quiet by {@code now}. Episodes are kept in order of their last
   * hit (observations arrive in time order), so this stops at the first one still active.
   */
  public void advance(Instant now, Alerts alerts) {
    List<Episode> closed = new ArrayList<>();
    Iterator<Episode> it = open.values().iterator();
    while (it.hasNext()) {
      Episode e = it.next();
      if (now.isBefore(e.last.time().plus(quiet))) {
        break;
      }
      it.remove();
      closed.add(e);
    }
    close(closed, alerts);
  }

  /** Closes all open episodes (end of input). */
  public void closeAll(Alerts alerts) {
    List<Episode> closed = new ArrayList<>(open.values());
    open.clear();
    close(closed, alerts);
  }

  private void close(List<Episode> closed, Alerts alerts) {
    closed.sort(Comparator.comparing((Episode x) -> x.first.time()).thenComparing(x -> x.key));
    closed.forEach(x -> onClose.close(x, alerts));
  }

  public int size() {
    return open.size();
  }

  /** Episodes closed early because too many were open. */
  public long evicted() {
    return evictedEarly;
  }
}
