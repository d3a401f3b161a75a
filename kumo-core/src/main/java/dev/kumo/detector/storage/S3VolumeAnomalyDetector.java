package dev.kumo.detector.storage;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.BoundedMap;
import dev.kumo.detector.Combine;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Reasons;
import dev.kumo.sigma.Level;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared half of the S3 volume detectors: two measures per principal and hour (objects and
 * bytes, or objects and batch calls), compared with the principal's own active hours in the window
 * before with robust statistics.
 *
 * <p>An hour fires ({@code high}) when the principal has a baseline (at least {@code min-history-hours}
 * active hours in {@code window}) and a measure is at least its floor, above
 * {@code median + mad-factor × MAD} and {@code min-ratio × median} of the principal's active hours,
 * and more than {@code peak-ratio} times its busiest hour in the window (so a periodic batch job that
 * always moves this much stays quiet). Without a baseline, after the first {@code learning} of the
 * data, an hour fires ({@code medium}) when a measure reaches the higher "new" floor and is more than
 * {@code peak-ratio} times any earlier hour of the principal.
 *
 * <p>Observations are sums per principal and hour ({@link Combine#SUM}, the hour in the key, the
 * bucket as value), plus one {@link #DATA} observation per CloudTrail event ({@link Combine#FIRST}:
 * one per worker survives) that tells the state when the data starts, for {@code learning}. The state
 * keeps per principal its active hours in the window, bounded by {@code max-principals}.
 */
abstract class S3VolumeAnomalyDetector implements Detector {
  private static final long serialVersionUID = 1L;
  private static final long HOUR = 3600;
  /** Observation kind marking that the data has begun (any CloudTrail event); subclasses use 0 and 1. */
  static final int DATA = 7;

  /** The settings every volume detector has, with its own defaults. */
  static final class Settings {
    final Setting<Duration> window = Setting.duration("window", Duration.ofDays(7),
        "a principal's baseline is its active hours (hours with any of these calls) in this window before the hour; "
            + "default 1w");
    final Setting<Integer> minHistory = Setting.integer("min-history-hours", 5,
        "active hours in the window a principal needs to have a baseline; with fewer it is judged by the 'new-' "
            + "floors; default 5");
    final Setting<Duration> learning = Setting.duration("learning", Duration.ofHours(24),
        "principals without a baseline are not reported during this first part of the data (everyone is new "
            + "there); default 1d");
    final Setting<Double> madFactor = Setting.number("mad-factor", 6,
        "an hour must exceed the median of the principal's active hours by this many median absolute deviations; "
            + "default 6");
    final Setting<Double> minRatio = Setting.number("min-ratio", 10,
        "an hour must be at least this many times the median of the principal's active hours; default 10");
    final Setting<Double> peakRatio = Setting.number("peak-ratio", 2,
        "an hour must be more than this many times the principal's busiest hour in the window (so periodic batch "
            + "jobs do not fire); default 2");
    final Setting<Double> floor1;
    final Setting<Double> floor2;
    final Setting<Double> newFloor1;
    final Setting<Double> newFloor2;
    final Setting<Integer> maxPrincipals = Setting.integer("max-principals", 10_000,
        "principals tracked at once (least recently active dropped); default 10000");
    /** How a configured value of {@link #floor2} and {@link #newFloor2} converts to the measure's unit. */
    final double unit2;

    Settings(Setting<Double> floor1, Setting<Double> floor2, Setting<Double> newFloor1, Setting<Double> newFloor2,
        double unit2) {
      this.floor1 = floor1;
      this.floor2 = floor2;
      this.newFloor1 = newFloor1;
      this.newFloor2 = newFloor2;
      this.unit2 = unit2;
    }

    List<Setting<?>> all() {
      return List.of(window, minHistory, learning, madFactor, minRatio, peakRatio, floor1, floor2, newFloor1,
          newFloor2, maxPrincipals);
    }
  }

  private final double unit2;
  private final Duration window;
  private final int minHistory;
  private final Duration learning;
  private final double madFactor;
  private final double minRatio;
  private final double peakRatio;
  private final double floor1;
  private final double floor2;
  private final double newFloor1;
  private final double newFloor2;
  private final int maxPrincipals;

  S3VolumeAnomalyDetector(Settings spec, DetectorConfig config, String name) {
    this.unit2 = spec.unit2;
    this.window = spec.window.read(config, name);
    this.minHistory = Math.max(1, spec.minHistory.read(config, name));
    this.learning = spec.learning.read(config, name);
    this.madFactor = spec.madFactor.read(config, name);
    this.minRatio = spec.minRatio.read(config, name);
    this.peakRatio = spec.peakRatio.read(config, name);
    this.floor1 = spec.floor1.read(config, name);
    this.floor2 = spec.floor2.read(config, name);
    this.newFloor1 = spec.newFloor1.read(config, name);
    this.newFloor2 = spec.newFloor2.read(config, name);
    this.maxPrincipals = spec.maxPrincipals.read(config, name);
  }

  /** The detector's settings (static: settings are not serialized with detectors). */
  abstract Settings spec();

  @Override
  public final List<Setting.Value> settings() {
    Settings spec = spec();
    return List.of(spec.window.describe(window), spec.minHistory.describe(minHistory),
        spec.learning.describe(learning), spec.madFactor.describe(madFactor), spec.minRatio.describe(minRatio),
        spec.peakRatio.describe(peakRatio), spec.floor1.describe(floor1), spec.floor2.describe(floor2),
        spec.newFloor1.describe(newFloor1), spec.newFloor2.describe(newFloor2),
        spec.maxPrincipals.describe(maxPrincipals));
  }

  @Override
  public final Combine combine(int kind) {
    return kind == DATA ? Combine.FIRST : Combine.SUM;
  }

  /** Marks the event's time as data seen, so {@code learning} counts from the start of the logs. */
  static void dataSeen(Observer out) {
    out.emit(DATA, "", null, 0);
  }

  /** The observation key: the principal and the hour. */
  static String key(String principal, Instant time) {
    return principal + "\n" + Math.floorDiv(time.getEpochSecond(), HOUR);
  }

  /** Adds what an observation contributes to the two measures to {@code out[0]} and {@code out[1]}. */
  abstract void measures(Observation o, long[] out);

  /** What the principal did in the hour, e.g. {@code read 5,432 objects (12 GiB)}. */
  abstract String did(long m1, long m2);

  /** A value of measure 1 or 2 with its unit, for the baseline text. */
  abstract String format(int measure, double value);

  @Override
  public final DetectorState start() {
    return new State();
  }

  /** One principal: its closed active hours in the window, and its open hour. */
  private static final class Principal implements Serializable {
    private static final long serialVersionUID = 1L;
    final String key;
    long[] hours = new long[8];
    long[] m1 = new long[8];
    long[] m2 = new long[8];
    int n;
    long openHour = Long.MIN_VALUE;
    long open1;
    long open2;
    EventSummary first;
    final List<String> evidence = new ArrayList<>();
    final Set<String> buckets = new LinkedHashSet<>();

    Principal(String key, EventSummary first) {
      this.key = key;
      this.first = first;
    }

    void append(long hour, long a, long b, int max) {
      if (n == hours.length) {
        int size = Math.min(Math.max(8, n * 2), Math.max(8, max));
        if (size > n) {
          hours = Arrays.copyOf(hours, size);
          m1 = Arrays.copyOf(m1, size);
          m2 = Arrays.copyOf(m2, size);
        } else {
          drop(1);
        }
      }
      hours[n] = hour;
      m1[n] = a;
      m2[n] = b;
      n++;
    }

    /** Drops the oldest {@code k} hours. */
    void drop(int k) {
      System.arraycopy(hours, k, hours, 0, n - k);
      System.arraycopy(m1, k, m1, 0, n - k);
      System.arraycopy(m2, k, m2, 0, n - k);
      n -= k;
    }
  }

  /** Median, median absolute deviation and maximum of some values. */
  record Stats(double median, double mad, long max) {
    static Stats of(long[] values, int n) {
      if (n == 0) {
        return new Stats(0, 0, 0);
      }
      long[] v = Arrays.copyOf(values, n);
      Arrays.sort(v);
      double median = median(v);
      long[] dev = new long[n];
      for (int i = 0; i < n; i++) {
        dev[i] = Math.round(Math.abs(v[i] - median));
      }
      Arrays.sort(dev);
      return new Stats(median, median(dev), v[n - 1]);
    }

    private static double median(long[] sorted) {
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final long windowHours = Math.max(1, window.getSeconds() / HOUR);
    private final BoundedMap<String, Principal> principals = new BoundedMap<>(Math.max(1, maxPrincipals));
    /** Principals with an open hour, in order of that hour. */
    private final LinkedHashMap<String, Principal> open = new LinkedHashMap<>();
    private long firstHour = Long.MIN_VALUE;
    private long droppedOpen;
    private final long[] add = new long[2];

    @Override
    public void accept(Observation o, Alerts alerts) {
      long hour = Math.floorDiv(o.time().getEpochSecond(), HOUR);
      if (firstHour == Long.MIN_VALUE) {
        firstHour = hour; // observations come in time order: the first is the start of the data
      }
      int nl = o.key().lastIndexOf('\n');
      if (o.kind() == DATA || nl < 0) {
        return;
      }
      String pk = o.key().substring(0, nl);
      closeBefore(hour, alerts);
      Principal p = principals.get(pk);
      if (p == null) {
        p = new Principal(pk, o.event());
        principals.put(pk, p);
        open.remove(pk); // an earlier object of a principal dropped from the table: its hour is lost
      }
      if (p.openHour != hour) { // not open: every earlier open hour was closed above
        p.openHour = hour;
        p.open1 = 0;
        p.open2 = 0;
        p.first = o.event();
        p.evidence.clear();
        p.buckets.clear();
        open.put(pk, p);
        if (open.size() > maxPrincipals) { // more principals active in one hour than the table holds
          Iterator<Principal> eldest = open.values().iterator();
          Principal dropped = eldest.next();
          eldest.remove();
          if (principals.remove(dropped.key) != null) { // else the table already dropped (and counted) it
            droppedOpen++;
          }
        }
      }
      add[0] = 0;
      add[1] = 0;
      measures(o, add);
      p.open1 += add[0];
      p.open2 += add[1];
      if (p.evidence.size() < 10 && !p.evidence.contains(o.eventId())) {
        p.evidence.add(o.eventId());
      }
      if (o.value() != null && p.buckets.size() < 4) {
        p.buckets.add(o.value());
      }
    }

    private void closeBefore(long hour, Alerts alerts) {
      Iterator<Principal> it = open.values().iterator();
      while (it.hasNext()) {
        Principal p = it.next();
        if (p.openHour >= hour) {
          break;
        }
        it.remove();
        close(p, alerts);
      }
    }

    private void close(Principal p, Alerts alerts) {
      long hour = p.openHour;
      int old = 0;
      while (old < p.n && p.hours[old] < hour - windowHours) {
        old++;
      }
      if (old > 0) {
        p.drop(old);
      }
      Stats s1 = Stats.of(p.m1, p.n);
      Stats s2 = Stats.of(p.m2, p.n);
      long v1 = p.open1;
      long v2 = p.open2;
      if (p.n >= minHistory) {
        boolean a1 = anomalous(v1, s1, floor1);
        boolean a2 = anomalous(v2, s2, floor2 * unit2);
        if (a1 || a2) {
          alerts.raise(new Alert(Level.HIGH, text(p, v1, v2) + "; its usual active hour over the previous "
              + Reasons.duration(window) + ": " + baseline(1, s1) + "; " + baseline(2, s2) + " (" + p.n
              + " active hours)", p.first, p.evidence));
        }
      } else if (hour >= firstHour + learning.getSeconds() / HOUR
          && (v1 >= newFloor1 && v1 > peakRatio * s1.max() || v2 >= newFloor2 * unit2
              && v2 > peakRatio * s2.max())) {
        alerts.raise(new Alert(Level.MEDIUM, text(p, v1, v2) + " with no baseline: "
            + (p.n == 0 ? "no such calls in the previous " + Reasons.duration(window)
                : p.n + (p.n == 1 ? " active hour" : " active hours") + " in the previous " + Reasons.duration(window)
                    + ", at most " + format(1, s1.max()) + " and " + format(2, s2.max())),
            p.first, p.evidence));
      }
      p.append(hour, v1, v2, (int) windowHours + 1);
      p.openHour = Long.MIN_VALUE;
    }

    private boolean anomalous(long v, Stats s, double floor) {
      return v >= floor && v > s.median() + madFactor * s.mad() && v >= minRatio * s.median()
          && v > peakRatio * s.max();
    }

    private String text(Principal p, long v1, long v2) {
      Instant from = Instant.ofEpochSecond(p.openHour * HOUR);
      return S3Events.display(p.key) + " " + did(v1, v2) + " between " + from.toString().replace(":00:00Z", ":00")
          + " and " + from.plusSeconds(HOUR).toString().substring(11).replace(":00:00Z", ":00") + " UTC"
          + (p.buckets.isEmpty() || p.key.startsWith(S3Events.ANONYMOUS) ? ""
              : " (" + (p.buckets.size() == 1 ? "bucket " : "buckets ")
                  + String.join(", ", p.buckets.stream().map(Reasons::cut).toList()) + ")");
    }

    private String baseline(int measure, Stats s) {
      return "median " + format(measure, s.median()) + " (MAD " + format(measure, s.mad()) + "), at most "
          + format(measure, s.max());
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      closeBefore(Math.floorDiv(watermark.getEpochSecond(), HOUR), alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      closeBefore(Long.MAX_VALUE, alerts);
    }

    @Override
    public long size() {
      return principals.size() + open.size();
    }

    @Override
    public long evicted() {
      return principals.evicted() + droppedOpen;
    }
  }
}
