package dev.kumo.correlate;

import dev.kumo.sigma.CorrelationRule;
import dev.kumo.sigma.CorrelationRule.Threshold;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evaluates correlation rules over rule matches in event time. Stateful and single-threaded; state
 * is bounded by {@link CorrelationLimits}. Hits of a correlation that other correlations reference
 * are fed to them in turn.
 *
 * <p>Serializable: a copy restored from a snapshot taken between two calls goes on exactly as the
 * original would (open windows, bursts, counters) once its correlation definitions, which are not
 * serialized with it, are given back with {@link #attach}.
 */
public final class Correlator implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int SWEEP_EVERY = 8192;

  /** Not part of the serialized state (the rules are large and the same for every copy): see {@link #attach}. */
  private transient List<CorrelationDef> defs;
  private final CorrelationLimits limits;
  private final List<LinkedHashMap<String, Group>> groups = new ArrayList<>();
  private long watermark = Long.MIN_VALUE;
  private long inputs;
  private long evictedGroups;
  private long droppedEvents;

  private static final class Group implements Serializable {
    private static final long serialVersionUID = 1L;
    final List<String> values;
    final GroupWindow window;
    /** The condition held: the group is in a burst that goes on while events keep coming. */
    boolean firing;

    Group(List<String> values, GroupWindow window) {
      this.values = values;
      this.window = window;
    }
  }

  public Correlator(List<CorrelationDef> defs, CorrelationLimits limits) {
    this.defs = List.copyOf(defs);
    this.limits = limits;
    for (int i = 0; i < defs.size(); i++) {
      groups.add(new LinkedHashMap<>(16, 0.75f, true));
    }
  }

  /** Feeds one match; hits are passed to {@code out} (including hits of chained correlations). */
  public void accept(CorrelationInput in, Consumer<CorrelationHit> out) {
    long t = in.time().toEpochMilli();
    watermark = Math.max(watermark, t);
    CorrelationDef def = defs.get(in.correlation());
    CorrelationRule rule = def.rule();
    long span = rule.timespan().toMillis();
    Map<String, Group> byKey = groups.get(in.correlation());
    String key = key(in.groupValues());
    Group g = byKey.get(key);
    boolean sliding = isMonotone(rule);
    if (g != null && !sliding && !g.window.isEmpty() && t > g.window.windowStart() + span) {
      close(def, g, out);
    }
    if (g != null && g.firing && t > g.window.lastUpdate() + span) {
      endBurst(def, g, out); // the previous burst went quiet for a whole timespan
    }
    if (g == null) {
      g = new Group(in.groupValues(), new GroupWindow(rule.rules().size(), limits.maxEventsPerGroup()));
      byKey.put(key, g);
      if (byKey.size() > limits.maxGroups()) {
        Iterator<Group> oldest = byKey.values().iterator();
        Group evicted = oldest.next();
        oldest.remove();
        evictedGroups++;
        if (evicted.firing) {
          endBurst(def, evicted, out);
        }
      }
    }
    if (sliding && !g.firing) {
      g.window.evictBefore(t - span);
    }
    long droppedBefore = g.window.dropped();
    g.window.add(in);
    droppedEvents += g.window.dropped() - droppedBefore;
    if (sliding && !g.firing && holds(rule, g.window.aggregate(rule.type(), rule.percentile()))) {
      g.firing = true; // reported when the burst ends, with every event of it
    }
    if (++inputs % SWEEP_EVERY == 0) {
      sweep(out);
    }
  }

  /**
   * Event time has reached {@code watermark} (a continuous stream, where {@link #finish} never
   * comes): reports the bursts and judges the windows that went quiet for a whole timespan by then,
   * as the next input at {@code watermark} would, and keeps the rest open. A watermark older than
   * the latest input changes nothing.
   */
  public void advance(Instant watermark, Consumer<CorrelationHit> out) {
    this.watermark = Math.max(this.watermark, watermark.toEpochMilli());
    sweep(out);
  }

  /**
   * Gives a copy restored from its serialized form its correlations back (they are not serialized
   * with the state): the same definitions, in the same order, as it was made with. Does nothing when
   * the correlator has them already.
   *
   * @throws IllegalArgumentException when {@code correlations} are not as many as the state's
   */
  public Correlator attach(List<CorrelationDef> correlations) {
    if (defs == null) {
      if (correlations.size() != groups.size()) {
        throw new IllegalArgumentException("the state has " + groups.size() + " correlations, not "
            + correlations.size());
      }
      defs = List.copyOf(correlations);
    }
    return this;
  }

  /** Groups open now, over all correlations. */
  public long openGroups() {
    return groups.stream().mapToLong(Map::size).sum();
  }

  /** Reports bursts still going on and judges every open window (end of input). */
  public void finish(Consumer<CorrelationHit> out) {
    for (int c = 0; c < defs.size(); c++) {
      CorrelationDef def = defs.get(c);
      boolean sliding = isMonotone(def.rule());
      for (Group g : new ArrayList<>(groups.get(c).values())) {
        if (g.firing) {
          endBurst(def, g, out);
        } else if (!sliding && !g.window.isEmpty()) {
          close(def, g, out);
        }
      }
    }
    groups.forEach(Map::clear);
  }

  /** Groups dropped because of the group limit. */
  public long evictedGroups() {
    return evictedGroups;
  }

  /** Events dropped from windows because of the per-group limit. */
  public long droppedEvents() {
    return droppedEvents;
  }

  private void sweep(Consumer<CorrelationHit> out) {
    for (int c = 0; c < defs.size(); c++) {
      CorrelationDef def = defs.get(c);
      long span = def.rule().timespan().toMillis();
      boolean sliding = isMonotone(def.rule());
      Iterator<Group> it = groups.get(c).values().iterator();
      List<Group> toClose = new ArrayList<>();
      while (it.hasNext()) {
        Group g = it.next();
        if (g.window.isEmpty() || g.window.lastUpdate() < watermark - span) {
          if (g.firing || (!sliding && !g.window.isEmpty())) {
            toClose.add(g);
          }
          it.remove();
        }
      }
      for (Group g : toClose) {
        if (g.firing) {
          endBurst(def, g, out);
        } else {
          close(def, g, out);
        }
      }
    }
  }

  private void close(CorrelationDef def, Group g, Consumer<CorrelationHit> out) {
    double v = g.window.aggregate(def.rule().type(), def.rule().percentile());
    if (holds(def.rule(), v)) {
      emit(def, g, v, out);
    } else {
      g.window.clear();
    }
  }

  private void endBurst(CorrelationDef def, Group g, Consumer<CorrelationHit> out) {
    g.firing = false;
    emit(def, g, g.window.aggregate(def.rule().type(), def.rule().percentile()), out);
  }

  private void emit(CorrelationDef def, Group g, double value, Consumer<CorrelationHit> out) {
    CorrelationHit hit = g.window.hit(def.index(), g.values, value, limits.maxEvidence());
    g.window.clear();
    out.accept(hit);
    for (CorrelationFeed parent : def.parents()) {
      List<String> values = new ArrayList<>();
      for (var path : parent.groupBy()) {
        int i = def.groupNames().indexOf(path.name());
        values.add(i >= 0 ? g.values.get(i) : CorrelationInput.MISSING);
      }
      accept(new CorrelationInput(hit.lastTime(), "correlation:" + def.rule().meta().key() + ":" + key(g.values),
          parent.correlation(), parent.member(), values, null, hit.last()), out);
    }
  }

  private static boolean holds(CorrelationRule rule, double v) {
    if (Double.isNaN(v)) {
      return false;
    }
    for (Threshold t : rule.condition()) {
      if (!t.test(v)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the condition is judged on arrival (only gt/gte) rather than when the window closes. */
  private static boolean isMonotone(CorrelationRule rule) {
    return rule.condition().stream().allMatch(Threshold::isMonotoneUp);
  }

  /** An unambiguous key: each value prefixed with its length. */
  static String key(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) {
      sb.append(v.length()).append(':').append(v).append('|');
    }
    return sb.toString();
  }
}
