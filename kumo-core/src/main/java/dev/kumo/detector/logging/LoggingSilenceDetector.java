package dev.kumo.detector.logging;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.BoundedMap;
import dev.kumo.detector.Combine;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CloudTrail stream (account and region) that was regularly active and stops logging while the
 * rest of the logs go on: a trail stopped or narrowed for one region or account (event selectors,
 * region opt-out, a deleted trail), or its log files deleted. Fires once per silence, when the stream
 * has been silent for {@code gap}, or at the end of the data when its last event is more than
 * {@code gap} before the data's last event.
 *
 * <p>To keep naturally sparse or periodic streams quiet, all of these must hold: in the
 * {@code baseline} before the silence the stream had at least {@code min-hourly-events} events in at
 * least {@code min-active-hours} hours; 24 hours before the silent hours it was active in at least
 * half of them (so a region that is quiet every night does not fire; this needs a day of history);
 * and during the silent hours the other streams logged at least {@code min-hourly-events} an hour and
 * at least {@code others-ratio} of what they logged 24 hours earlier (so a quiet night or weekend
 * everywhere does not fire).
 *
 * <p>Level {@code medium}: a silence alone may be a workload that moved; read it next to trail
 * changes ({@code StopLogging}, {@code PutEventSelectors}, {@code DeleteTrail}) found by the rules.
 *
 * <p>Observations are event counts per stream and 10-minute bucket ({@link Combine#SUM}); the state
 * keeps per stream the hourly counts of the last day and a bit, bounded by {@code max-streams}.
 */
public final class LoggingSilenceDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_logging_silence";

  static final Setting<Integer> MIN_HOURLY = Setting.integer("min-hourly-events", 5,
      "an hour counts as active for a stream with at least this many events; default 5");
  static final Setting<Integer> MIN_ACTIVE_HOURS = Setting.integer("min-active-hours", 12,
      "a stream is regularly active with at least this many active hours in the baseline before the silence; "
          + "default 12");
  static final Setting<Duration> BASELINE = Setting.duration("baseline", Duration.ofHours(24),
      "the window before the silence in which a stream must have been regularly active; default 1d");
  static final Setting<Duration> GAP = Setting.duration("gap", Duration.ofHours(2),
      "how long a regularly active stream must be silent to fire; default 2h");
  static final Setting<Double> OTHERS_RATIO = Setting.number("others-ratio", 0.25,
      "during the silent hours the other streams must log at least this share of what they logged in the same "
          + "hours a day earlier (else the whole organisation is quiet, as at night); default 0.25");
  static final Setting<Integer> MAX_STREAMS = Setting.integer("max-streams", 20_000,
      "account-region streams tracked at once (least recently active dropped); default 20000");
  public static final List<Setting<?>> SETTINGS = List.of(MIN_HOURLY, MIN_ACTIVE_HOURS, BASELINE, GAP, OTHERS_RATIO,
      MAX_STREAMS);

  static final Duration BUCKET = Duration.ofMinutes(10);
  private static final long HOUR = 3600;

  private static final RuleMeta META = DetectorMeta.of(NAME, "4f6c2d9e-81a7-4b53-a0e2-95d37c1b8f40",
      "AWS CloudTrail Region or Account Stops Logging")
      .description("A CloudTrail stream (account and region) that was regularly active went silent for hours while "
          + "the other streams kept logging: the trail was stopped, narrowed (event selectors) or deleted for that "
          + "region or account, or its log files were removed. Also reported at the end of the data when a stream's "
          + "last event is long before the data's last event. Streams that are quiet at the same hours every day, "
          + "and quiet nights or weekends across all streams, do not fire.")
      .level(Level.MEDIUM)
      .tags("attack.defense-impairment", "attack.t1562.008", "kumo.threat.log-tampering")
      .references("https://attack.mitre.org/techniques/T1562/008/",
          "https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-stop/")
      .falsepositives("A workload that ran in one region and was shut down or moved",
          "Inputs exported for different periods per account or region")
      .build();

  private final int minHourly;
  private final int minActiveHours;
  private final Duration baseline;
  private final Duration gap;
  private final double othersRatio;
  private final int maxStreams;

  public LoggingSilenceDetector(DetectorConfig config, Intel intel) {
    this.minHourly = Math.max(1, MIN_HOURLY.read(config, NAME));
    this.minActiveHours = MIN_ACTIVE_HOURS.read(config, NAME);
    this.baseline = BASELINE.read(config, NAME);
    this.gap = GAP.read(config, NAME);
    this.othersRatio = OTHERS_RATIO.read(config, NAME);
    this.maxStreams = MAX_STREAMS.read(config, NAME);
    if (baseline.toHours() < 1 || gap.compareTo(BUCKET) < 0) {
      throw new IllegalArgumentException("detector " + NAME + ": 'baseline' must be at least 1h and 'gap' at least "
          + "10m");
    }
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Set<String> sources() {
    return Set.of("aws.cloudtrail");
  }

  @Override
  public List<Setting.Value> settings() {
    return List.of(MIN_HOURLY.describe(minHourly), MIN_ACTIVE_HOURS.describe(minActiveHours),
        BASELINE.describe(baseline), GAP.describe(gap), OTHERS_RATIO.describe(othersRatio),
        MAX_STREAMS.describe(maxStreams));
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    String account = e.cloud().account();
    String region = e.cloud().region();
    if (account == null || region == null) {
      return;
    }
    // the bucket is the observation kind, so that counting builds no string per event
    out.emit((int) Math.floorDiv(e.time().getEpochSecond(), BUCKET.getSeconds()), account, region, 0);
  }

  @Override
  public Combine combine(int kind) {
    return Combine.SUM;
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** Counts per hour over a ring of the last {@code size} hours. */
  private static final class HourRing implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long[] hours;
    private final long[] counts;

    HourRing(int size) {
      hours = new long[size];
      counts = new long[size];
      Arrays.fill(hours, Long.MIN_VALUE);
    }

    void add(long hour, long n) {
      int i = (int) Math.floorMod(hour, (long) hours.length);
      if (hours[i] != hour) {
        if (hours[i] > hour) {
          return; // older than the ring
        }
        hours[i] = hour;
        counts[i] = 0;
      }
      counts[i] += n;
    }

    long get(long hour) {
      int i = (int) Math.floorMod(hour, (long) hours.length);
      return hours[i] == hour ? counts[i] : 0;
    }
  }

  /** One account-region stream. */
  private static final class Stream implements Serializable {
    private static final long serialVersionUID = 1L;
    final String account;
    final String region;
    final HourRing hours;
    final long firstHour;
    /** End of the last 10-minute bucket with events (epoch seconds). */
    long lastEnd;
    EventSummary last;
    String lastId;
    boolean reported;

    Stream(String account, String region, int ringHours, long firstHour, Observation o) {
      this.account = account;
      this.region = region;
      this.hours = new HourRing(ringHours);
      this.firstHour = firstHour;
      this.last = o.event();
      this.lastId = o.eventId();
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final long baselineHours = Math.max(1, baseline.getSeconds() / HOUR);
    private final int ringHours = (int) (baselineHours + 2 * (gap.getSeconds() / HOUR) + 30);
    private final BoundedMap<String, Stream> streams = new BoundedMap<>(Math.max(1, maxStreams));
    /** Events of all streams per hour. */
    private final HourRing total = new HourRing(ringHours);
    private long checkedHour = Long.MIN_VALUE;
    private long lastTime = Long.MIN_VALUE;

    @Override
    public void accept(Observation o, Alerts alerts) {
      String account = o.key();
      String region = o.value();
      if (region == null) {
        return;
      }
      long bucket = o.kind();
      long t = o.time().getEpochSecond();
      long hour = Math.floorDiv(t, HOUR);
      reach(hour, alerts);
      lastTime = Math.max(lastTime, t);
      String id = account + "\t" + region;
      Stream s = streams.get(id);
      if (s == null) {
        s = new Stream(account, region, ringHours, hour, o);
        streams.put(id, s);
      }
      s.hours.add(hour, o.count());
      total.add(hour, o.count());
      long end = (bucket + 1) * BUCKET.getSeconds();
      if (end >= s.lastEnd) {
        s.lastEnd = end;
        s.last = o.event();
        s.lastId = o.eventId();
        s.reported = false;
      }
    }

    /** Event time reached {@code hour}: on entering a new hour, checks for silences up to its start. */
    private void reach(long hour, Alerts alerts) {
      if (hour > checkedHour) {
        if (checkedHour != Long.MIN_VALUE) {
          check(hour * HOUR, false, alerts);
        }
        checkedHour = hour;
      }
    }

    /**
     * Checks for silences up to the start of the watermark's hour, as its next event would. Silences
     * {@link #finish} reports at the end of the data are, in a stream, found once other streams log on.
     */
    @Override
    public void advance(Instant watermark, Alerts alerts) {
      reach(Math.floorDiv(watermark.getEpochSecond(), HOUR), alerts);
    }

    /** Checks every stream for a silence up to {@code now} (epoch seconds). */
    private void check(long now, boolean atEnd, Alerts alerts) {
      List<Stream> silent = new ArrayList<>();
      for (Stream s : streams.values()) {
        if (!s.reported && now - s.lastEnd >= gap.getSeconds()) {
          silent.add(s);
        }
      }
      silent.sort((a, b) -> a.lastEnd != b.lastEnd ? Long.compare(a.lastEnd, b.lastEnd)
          : (a.account + a.region).compareTo(b.account + b.region));
      for (Stream s : silent) {
        evaluate(s, now, atEnd, alerts);
      }
    }

    private void evaluate(Stream s, long now, boolean atEnd, Alerts alerts) {
      long firstSilent = Math.floorDiv(s.lastEnd + HOUR - 1, HOUR); // first hour wholly after the last event
      long endHour = Math.floorDiv(now, HOUR); // hours before this one are complete
      long spanHours = endHour - firstSilent;
      if (spanHours < 1) {
        return;
      }
      s.reported = true; // decided once per silence: later hours would only repeat it
      long lastHour = Math.floorDiv(s.lastEnd - 1, HOUR);
      int active = 0;
      long baselineEvents = 0;
      for (long h = lastHour - baselineHours + 1; h <= lastHour; h++) {
        long n = s.hours.get(h);
        baselineEvents += n;
        if (n >= minHourly) {
          active++;
        }
      }
      if (active < minActiveHours) {
        return;
      }
      // the same hours a day earlier: the stream must have been active then (needs a day of history)
      long from = firstSilent - 24;
      if (from < s.firstHour) {
        return;
      }
      int activeYesterday = 0;
      long othersNow = 0;
      long othersYesterday = 0;
      int thinHours = 0;
      for (long h = firstSilent; h < endHour; h++) {
        long y = s.hours.get(h - 24);
        if (y >= minHourly) {
          activeYesterday++;
        }
        long others = total.get(h) - s.hours.get(h);
        if (others < minHourly) {
          thinHours++;
        }
        othersNow += others;
        othersYesterday += total.get(h - 24) - y;
      }
      if (2 * activeYesterday < spanHours || thinHours > 0 || othersNow < othersRatio * othersYesterday) {
        return;
      }
      Instant start = Instant.ofEpochSecond(s.lastEnd);
      Instant until = Instant.ofEpochSecond(now);
      String reason = "CloudTrail stream of account " + s.account + " in " + s.region + " logged nothing for "
          + Reasons.duration(Duration.between(start, until)) + " (" + hhmm(start) + " to "
          + hhmm(until) + (atEnd ? ", the end of the data" : "") + ") while other streams logged "
          + count(othersNow) + " events; before, it had " + minHourly + "+ events in " + active + " of "
          + baselineHours + " hours (" + count(baselineEvents) + " events) and " + activeYesterday + " of the "
          + spanHours + " silent hours were active a day earlier";
      EventSummary anchor = new EventSummary("silence:" + s.account + ":" + s.region + ":" + start, start,
          "aws.cloudtrail", s.account, s.region, null, null, null, null, null, null, null, null, null, List.of(),
          s.last.file(), s.last.line());
      alerts.raise(new Alert(null, reason, anchor, List.of(s.lastId)));
    }

    @Override
    public void finish(Alerts alerts) {
      if (lastTime != Long.MIN_VALUE) {
        check(lastTime, true, alerts);
      }
    }

    @Override
    public long size() {
      return streams.size();
    }

    @Override
    public long evicted() {
      return streams.evicted();
    }
  }

  private static String hhmm(Instant t) {
    return t.toString().replace(":00Z", "Z");
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
