package dev.kumo.detector.billing;

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
import dev.kumo.event.BillingLine;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Reasons;
import dev.kumo.ingest.cur.CurSource;
import dev.kumo.ingest.focus.FocusSource;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Daily cost spikes in cost and usage exports ({@code aws.cur}, {@code focus}), per account, region
 * and service and per account total: the bill is often where hijacked compute shows first (DemonBot
 * was found through a billing spike).
 *
 * <p>Each day's cost of a series is compared with the median and scaled median absolute deviation
 * (MAD) of its previous {@code window} days, so one spike does not hide the next. A day is a spike
 * when its cost exceeds the median by {@code k} MADs (a MAD below 10% of the median counts as 10%),
 * is at least {@code ratio} times the median and at least {@code min-increase} above it. A series
 * with no cost at all in the window that now costs at least {@code min-increase} is a new cost line;
 * one that had cost only on some days (median 0) spikes when it reaches {@code ratio} times its
 * highest earlier day. Only the days on which the account had any usage cost count as history (gaps
 * in the export are not zero days), and nothing is judged before {@code min-history} such days.
 * A spike must also be {@code ratio} times the lower of the same weekday's cost one and two weeks
 * before, so weekly jobs are not spikes (a spike a week after another still is). A spike continuing
 * on the next day is not reported again unless it grows {@code ratio}-fold.
 *
 * <p>Only usage counts (see {@link BillingLines#usageCost}): credits, refunds, taxes, fees,
 * discounts and commitment purchases never do. Days are UTC dates of usage start; lines spanning
 * more than a day (monthly fees, exports at monthly granularity) are left out, so the detector needs
 * hourly or daily exports. Costs are summed in millionths of the currency, so sums are exact and do
 * not depend on how workers split the input.
 */
public final class CostSpikeDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_billing_cost_spike";

  static final Setting<Integer> WINDOW = Setting.integer("window", 14,
      "days of earlier daily cost a day is compared with");
  static final Setting<Integer> MIN_HISTORY = Setting.integer("min-history", 7,
      "days with cost in the account a window needs before any day is judged");
  static final Setting<Double> K = Setting.number("k", 6,
      "a spike exceeds the window's median by this many scaled median absolute deviations");
  static final Setting<Double> RATIO = Setting.number("ratio", 3,
      "a spike is at least this many times the window's median");
  static final Setting<Double> MIN_INCREASE = Setting.number("min-increase", 50,
      "a spike or new cost line adds at least this much (in the export's currency) to the day");
  static final Setting<Double> ACCOUNT_HIGH_RATIO = Setting.number("account-high-ratio", 5,
      "an account-total spike this many times its median is high");
  static final Setting<Integer> MAX_SERIES = Setting.integer("max-series", 100_000,
      "daily series held (per account, per account and region, per account, region and service); "
          + "the least recently billed is dropped beyond this");
  public static final List<Setting<?>> SETTINGS = List.of(WINDOW, MIN_HISTORY, K, RATIO, MIN_INCREASE,
      ACCOUNT_HIGH_RATIO, MAX_SERIES);

  /** Evidence ids per finding. */
  static final int MAX_EVIDENCE = 10;
  /** Evidence slots per cost bucket: lines of up to this many resources of one size can be evidence. */
  private static final int SLOTS = 8;
  /** A MAD below this share of the median counts as this share (a flat series has MAD 0). */
  private static final double MAD_FLOOR = 0.1;
  /** A region is unused when its daily cost stayed below this share of {@code min-increase}. */
  private static final double UNUSED_REGION_SHARE = 0.1;
  private static final long DAY_SECONDS = 86_400;
  /** Lines outside [a millionth, a billion] are rounding noise or broken. */
  private static final double MIN_LINE = 1e-6;
  private static final double MAX_LINE = 1e9;
  private static final double MICROS = 1e6;

  private static final RuleMeta META = DetectorMeta.of(NAME, "b7e3c1d4-5f28-4a96-8e0b-2d9c6a41f3e7",
      "Cloud Cost Spike")
      .description("A day's usage cost of an account, region and service (or of the whole account) is far above "
          + "its recent days: above the median of the previous 14 days by 6 median absolute deviations, at least "
          + "3 times the median and at least 50 more; or a service that cost nothing in 14 days suddenly costs 50 "
          + "or more. Hijacked accounts running cryptominers or reselling GPU capacity show on the bill, often "
          + "before anything else is noticed. High when the cost is compute or GPU usage, when the region was "
          + "unused, or when the account total is 5 times its median. Credits, refunds, taxes, fees and "
          + "commitment purchases are ignored; needs hourly or daily exports.")
      .level(Level.MEDIUM)
      .tags("attack.impact", "attack.t1496", "attack.t1496.001", "kumo.threat.cryptomining")
      .references("https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-line-item.html",
          "https://focus.finops.org/focus-specification/",
          "https://docs.aws.amazon.com/cost-management/latest/userguide/manage-ad.html")
      .falsepositives("Planned launches, migrations, load tests and batch jobs that run less than every two weeks",
          "Monthly charges billed as usage on one day", "Reserved capacity expiring on a service billed at 3 times "
              + "the reserved rate")
      .build();

  private final int window;
  private final int minHistory;
  private final double k;
  private final double ratio;
  private final double minIncrease;
  private final double accountHighRatio;
  private final int maxSeries;

  public CostSpikeDetector(DetectorConfig config) {
    this.window = WINDOW.read(config, NAME);
    this.minHistory = MIN_HISTORY.read(config, NAME);
    this.k = K.read(config, NAME);
    this.ratio = RATIO.read(config, NAME);
    this.minIncrease = MIN_INCREASE.read(config, NAME);
    this.accountHighRatio = ACCOUNT_HIGH_RATIO.read(config, NAME);
    this.maxSeries = MAX_SERIES.read(config, NAME);
    if (window < 2 || window > 366) {
      throw new IllegalArgumentException("detector " + NAME + ": setting 'window' must be 2 to 366 days");
    }
    if (minHistory < 1 || minHistory > window) {
      throw new IllegalArgumentException("detector " + NAME + ": setting 'min-history' must be 1 to 'window' days");
    }
    if (ratio < 1) {
      throw new IllegalArgumentException("detector " + NAME + ": setting 'ratio' must be at least 1");
    }
    if (maxSeries < 10) {
      throw new IllegalArgumentException("detector " + NAME + ": setting 'max-series' must be at least 10");
    }
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Set<String> sources() {
    return Set.of(CurSource.ID, FocusSource.ID);
  }

  @Override
  public List<Setting.Value> settings() {
    return List.of(WINDOW.describe(window), MIN_HISTORY.describe(minHistory), K.describe(k), RATIO.describe(ratio),
        MIN_INCREASE.describe(minIncrease), ACCOUNT_HIGH_RATIO.describe(accountHighRatio),
        MAX_SERIES.describe(maxSeries));
  }

  /**
   * Emits each usage line's cost (in millionths) under {@code currency, account, region, service,
   * day}; the value names the line's cost bucket, a resource slot and whether it is compute, so the
   * summed observations still point at the largest lines for evidence.
   */
  @Override
  public void observe(NormalizedEvent e, Observer out) {
    if (!(e.details() instanceof BillingLine b)) {
      return;
    }
    double cost = BillingLines.usageCost(e, b);
    if (cost < MIN_LINE || cost >= MAX_LINE) {
      return;
    }
    long start = e.time().getEpochSecond();
    Instant end = b.periodEnd();
    if (end != null && end.getEpochSecond() - start > DAY_SECONDS) {
      return;
    }
    String key = BillingLines.part(b.currency()) + '\n' + BillingLines.part(e.cloud().account()) + '\n'
        + BillingLines.part(e.cloud().region()) + '\n' + BillingLines.part(b.service()) + '\n'
        + Math.floorDiv(start, DAY_SECONDS);
    String resource = b.resourceId() != null ? b.resourceId() : b.usageType();
    int slot = resource == null ? 0 : Math.floorMod(resource.hashCode(), SLOTS);
    out.emit(0, key, value(cost, slot, BillingLines.classify(e, b)), Math.rint(cost * MICROS));
  }

  /**
   * Five characters that order the largest lines first: the inverted cost bucket (four per doubling,
   * costs under a cent share one), the slot and the line's class.
   */
  static String value(double cost, int slot, char lineClass) {
    double c = Math.max(cost, 0.01);
    int bucket = Math.getExponent(c) * 4 + (int) ((Double.doubleToRawLongBits(c) >>> 50) & 3);
    int inverted = 899 - bucket;
    return new String(new char[] {(char) ('0' + inverted / 100), (char) ('0' + inverted / 10 % 10),
        (char) ('0' + inverted % 10), (char) ('0' + slot), lineClass});
  }

  @Override
  public Combine combine(int kind) {
    return Combine.SUM;
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  private static final byte ACCOUNT = 0;
  private static final byte REGION = 1;
  private static final byte SERIES = 2;

  /** An evidence candidate: its rank (lower is larger) and the first observation of its value. */
  private record Candidate(String rank, Observation observation) implements Serializable {}

  /** One daily series: the last {@code window + 1} days' totals and the day being collected. */
  private final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    final String key;
    final byte kind;
    /** The first day whose zero cost is known (entries created after an eviction know only their own days). */
    final long knownFrom;
    private final long[] totals = new long[window + 1];
    private final long[] days = new long[window + 1];
    /** The last day with cost. */
    long lastDay = Long.MIN_VALUE;
    long compute;
    long gpu;
    @Nullable Candidate[] evidence;
    int evidenceCount;
    long lastAlertDay = Long.MIN_VALUE;
    long lastAlertCost;

    Entry(String key, byte kind, long knownFrom) {
      this.key = key;
      this.kind = kind;
      this.knownFrom = knownFrom;
      Arrays.fill(days, Long.MIN_VALUE);
    }

    void add(long day, long micros) {
      int i = (int) Math.floorMod(day, (long) totals.length);
      if (days[i] != day) {
        days[i] = day;
        totals[i] = 0;
      }
      totals[i] += micros;
      if (lastDay != day) {
        lastDay = day;
        clearDay();
      }
    }

    long total(long day) {
      int i = (int) Math.floorMod(day, (long) totals.length);
      return days[i] == day ? totals[i] : 0;
    }

    /**
     * Keeps the {@link #MAX_EVIDENCE} best-ranked values, each with its first observation. A value
     * seen again is ignored, and one that lost its place never wins it back (all kept ranks are
     * better), so the result does not depend on how the input was split into partial sums.
     */
    void offer(String rank, Observation o) {
      if (evidence == null) {
        evidence = new Candidate[MAX_EVIDENCE];
      }
      for (int i = 0; i < evidenceCount; i++) {
        if (evidence[i].rank().equals(rank)) {
          return;
        }
      }
      int at = evidenceCount;
      if (evidenceCount == MAX_EVIDENCE) {
        if (rank.compareTo(evidence[MAX_EVIDENCE - 1].rank()) >= 0) {
          return;
        }
        at = MAX_EVIDENCE - 1;
      } else {
        evidenceCount++;
      }
      while (at > 0 && rank.compareTo(evidence[at - 1].rank()) < 0) {
        evidence[at] = evidence[at - 1];
        at--;
      }
      evidence[at] = new Candidate(rank, o);
    }

    void clearDay() {
      compute = 0;
      gpu = 0;
      evidence = null;
      evidenceCount = 0;
    }

    /** The ranked candidates' event ids, largest first. */
    List<String> evidenceIds() {
      List<String> ids = new ArrayList<>(evidenceCount);
      for (int i = 0; i < evidenceCount; i++) {
        ids.add(evidence[i].observation().eventId());
      }
      return ids;
    }

    EventSummary anchor() {
      return evidence[0].observation().event();
    }
  }

  /** What judging one series found, for its account's reason. */
  private record Contribution(String label, double increase) {}

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Entry> entries = new BoundedMap<>(maxSeries);
    /** The day being collected; earlier days are judged. */
    private long day = Long.MIN_VALUE;
    private long evictionsSeen;
    private long lastEvictionDay = Long.MIN_VALUE;
    private final double[] scratch = new double[window];

    @Override
    public void accept(Observation o, Alerts alerts) {
      long d = Math.floorDiv(o.time().getEpochSecond(), DAY_SECONDS);
      closeBefore(d, alerts);
      if (d > day) {
        day = d;
      }
      String key = o.key();
      int accountEnd = key.indexOf('\n', key.indexOf('\n') + 1);
      int regionEnd = key.indexOf('\n', accountEnd + 1);
      int serviceEnd = key.lastIndexOf('\n');
      if (accountEnd < 0 || regionEnd < 0 || serviceEnd <= regionEnd || o.value() == null) {
        return;
      }
      long micros = (long) o.amount();
      String seriesKey = key.substring(0, serviceEnd);
      Entry account = entry(key.substring(0, accountEnd), ACCOUNT, d);
      account.add(d, micros);
      account.offer(o.value() + '\n' + seriesKey, o);
      entry(key.substring(0, regionEnd), REGION, d).add(d, micros);
      Entry series = entry(seriesKey, SERIES, d);
      series.add(d, micros);
      series.offer(o.value(), o);
      char lineClass = o.value().charAt(o.value().length() - 1);
      if (lineClass != BillingLines.OTHER) {
        series.compute += micros;
        if (lineClass == BillingLines.GPU) {
          series.gpu += micros;
        }
      }
    }

    private Entry entry(String key, byte kind, long d) {
      Entry e = entries.get(key);
      if (e == null) {
        e = new Entry(key, kind, lastEvictionDay < d - window ? Long.MIN_VALUE : d);
        entries.put(key, e);
        if (entries.evicted() != evictionsSeen) {
          evictionsSeen = entries.evicted();
          lastEvictionDay = d;
        }
      }
      return e;
    }

    /** Judges the day being collected if day {@code d} is after it; none is collected until the next observation. */
    private void closeBefore(long d, Alerts alerts) {
      if (day != Long.MIN_VALUE && d > day) {
        close(day, alerts);
        day = Long.MIN_VALUE;
      }
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      closeBefore(Math.floorDiv(watermark.getEpochSecond(), DAY_SECONDS), alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      closeBefore(Long.MAX_VALUE, alerts);
    }

    /** Judges every series billed on day {@code d}, and drops series without cost in any future window. */
    private void close(long d, Alerts alerts) {
      List<Entry> series = new ArrayList<>();
      List<Entry> accounts = new ArrayList<>();
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        Entry e = it.next();
        if (e.lastDay == d) {
          if (e.kind == SERIES) {
            series.add(e);
          } else if (e.kind == ACCOUNT) {
            accounts.add(e);
          }
        } else if (e.lastDay <= d - window) {
          it.remove(); // no cost in any window still to be judged: the same as absent
        }
      }
      series.sort(Comparator.comparing(e -> e.key));
      accounts.sort(Comparator.comparing(e -> e.key));
      Map<String, Contribution> largest = new HashMap<>();
      for (Entry s : series) {
        judgeSeries(s, d, largest, alerts);
        s.clearDay();
      }
      for (Entry a : accounts) {
        judgeAccount(a, d, largest.get(a.key), alerts);
        a.clearDay();
      }
    }

    /** The baseline of {@code e} over the window's days on which {@code account} had cost. */
    private Baseline baseline(Entry e, Entry account, long d) {
      int n = 0;
      for (long x = d - window; x < d; x++) {
        if (x >= e.knownFrom && account.total(x) > 0) {
          scratch[n++] = e.total(x);
        }
      }
      return Baseline.of(scratch, n);
    }

    private void judgeSeries(Entry s, long d, Map<String, Contribution> largest, Alerts alerts) {
      String[] parts = s.key.split("\n", -1);
      String accountKey = parts[0] + '\n' + parts[1];
      Entry account = entries.get(accountKey);
      if (account == null) {
        return;
      }
      Baseline b = baseline(s, account, d);
      if (b.days() < minHistory) {
        return;
      }
      double cost = s.total(d);
      String currency = parts[0];
      String what = BillingLines.display(parts[3]) + (parts[2].isEmpty() ? " (no region)" : " in " + parts[2]);
      String where = what + " for " + (parts[1].isEmpty() ? "an unknown account" : "account " + parts[1]);
      Contribution c = largest.get(accountKey);
      if (c == null || cost - b.median() > c.increase()) {
        largest.put(accountKey, new Contribution(what, cost - b.median()));
      }
      double floor = minIncrease * MICROS;
      String reason;
      if (b.max() == 0) {
        if (cost < floor) {
          return;
        }
        reason = "new cost line: " + where + " cost " + money(cost, currency) + " on " + date(d)
            + " with no cost in the previous " + b.days() + " days";
      } else if (b.median() == 0) {
        if (cost < ratio * b.max() || cost - b.max() < floor) {
          return;
        }
        reason = where + " cost " + money(cost, currency) + " on " + date(d) + ", " + times(cost / b.max())
            + " its highest day in the previous " + b.days() + " (" + money(b.max(), currency) + "; cost on "
            + b.daysWithCost() + " of " + b.days() + " days)";
      } else {
        if (!isSpike(cost, b) || cost < ratio * sameWeekday(s, account, d)) {
          return;
        }
        reason = where + " cost " + money(cost, currency) + " on " + date(d) + ", " + times(cost / b.median())
            + " its " + b.days() + "-day median of " + money(b.median(), currency) + " (MAD "
            + money(b.mad(), currency) + ")";
      }
      if (continues(s, d, cost)) {
        return;
      }
      boolean gpu = s.gpu * 2 >= cost;
      boolean compute = s.compute * 2 >= cost;
      boolean unusedRegion = !parts[2].isEmpty() && !parts[2].equalsIgnoreCase("global")
          && regionUnused(parts[0] + '\n' + parts[1] + '\n' + parts[2], account, d);
      StringBuilder sb = new StringBuilder(reason);
      if (gpu) {
        sb.append("; GPU usage ").append(money(s.gpu, currency));
      } else if (compute) {
        sb.append("; compute usage ").append(money(s.compute, currency));
      }
      if (unusedRegion) {
        sb.append("; region unused in the previous ").append(b.days()).append(" days");
      }
      EventSummary anchor = s.anchor();
      if (anchor.operation() != null) {
        sb.append("; largest line ").append(Reasons.cut(anchor.operation()));
      }
      boolean high = compute || (unusedRegion && b.max() > 0);
      alerts.raise(new Alert(high ? Level.HIGH : null, sb.toString(), anchor, s.evidenceIds()));
    }

    /**
     * Whether the region's daily cost stayed under a tenth of {@code min-increase} on every day of the
     * window (services enabled everywhere, such as GuardDuty or Config, cost a little in every region).
     */
    private boolean regionUnused(String regionKey, Entry account, long d) {
      Entry r = entries.get(regionKey);
      if (r == null || r.knownFrom > d - window) {
        return false;
      }
      double limit = minIncrease * UNUSED_REGION_SHARE * MICROS;
      for (long x = d - window; x < d; x++) {
        if (account.total(x) > 0 && r.total(x) >= limit) {
          return false;
        }
      }
      return true;
    }

    private void judgeAccount(Entry a, long d, @Nullable Contribution largest, Alerts alerts) {
      Baseline b = baseline(a, a, d);
      double cost = a.total(d);
      if (b.days() < minHistory || b.median() == 0 || !isSpike(cost, b) || cost < ratio * sameWeekday(a, a, d)
          || continues(a, d, cost)) {
        return;
      }
      String[] parts = a.key.split("\n", -1);
      String currency = parts[0];
      StringBuilder sb = new StringBuilder("account ").append(accountLabel(parts[1])).append(" cost ")
          .append(money(cost, currency)).append(" on ").append(date(d)).append(", ").append(times(cost / b.median()))
          .append(" its ").append(b.days()).append("-day median of ").append(money(b.median(), currency))
          .append(" (MAD ").append(money(b.mad(), currency)).append(')');
      if (largest != null && largest.increase() > 0) {
        sb.append("; most from ").append(largest.label()).append(" (+").append(money(largest.increase(), currency))
            .append(')');
      }
      Level level = cost >= accountHighRatio * b.median() ? Level.HIGH : null;
      alerts.raise(new Alert(level, sb.toString(), a.anchor(), a.evidenceIds()));
    }

    /**
     * The lower of the costs on the same weekday one and two weeks before (those in the baseline), or
     * 0: a weekly job is no spike, while a spike a week after another still is.
     */
    private double sameWeekday(Entry e, Entry account, long d) {
      double low = Double.MAX_VALUE;
      for (long x = d - 7; x >= d - 14 && x >= d - window; x -= 7) {
        if (x >= e.knownFrom && account.total(x) > 0) {
          low = Math.min(low, e.total(x));
        }
      }
      return low == Double.MAX_VALUE ? 0 : low;
    }

    private boolean isSpike(double cost, Baseline b) {
      double scale = Math.max(b.mad(), MAD_FLOOR * b.median());
      return cost > b.median() + k * scale && cost >= ratio * b.median() && cost - b.median() >= minIncrease * MICROS;
    }

    /**
     * Whether a spike on day {@code d} continues one reported the day before (and is not {@code ratio}
     * times larger): it is recorded but not reported again.
     */
    private boolean continues(Entry e, long d, double cost) {
      boolean continued = e.lastAlertDay == d - 1 && cost < ratio * e.lastAlertCost;
      e.lastAlertDay = d;
      if (!continued) {
        e.lastAlertCost = (long) cost;
      }
      return continued;
    }

    @Override
    public long size() {
      return entries.size();
    }

    @Override
    public long evicted() {
      return entries.evicted();
    }
  }

  private static String accountLabel(String account) {
    return account.isEmpty() ? "(unknown)" : account;
  }

  private static String money(double micros, String currency) {
    return BillingLines.money(Math.round(micros), currency);
  }

  private static String date(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** {@code 41×} from 10 up, {@code 3.4×} below. */
  private static String times(double r) {
    return r >= 10 ? Math.round(r) + "×" : String.format(Locale.ROOT, "%.1f×", r);
  }
}
