package dev.kumo.detector.network;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Data egress of one of our hosts far above its own history: bytes it sent to external addresses
 * in one UTC hour, compared with its previous {@code history-hours} hours (hours without traffic
 * count as zero). An hour is reported when it is at least {@code min-bytes}, above the median by
 * {@code mad-factor} scaled median absolute deviations, and {@code max-factor} times the host's
 * largest hour so far: a backup or batch job that sends as much every night or every hour never
 * qualifies, an attacker copying a database out does. A host is judged only after it has been seen
 * for {@code learning} with {@code min-active-hours} hours of egress.
 *
 * <p>Hosts are their source addresses in the flow logs (the instance or interface is named in the
 * reason when the log gives it); an address reused by another instance inherits its history.
 */
public final class EgressSpikeDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_net_egress_spike";

  static final Setting<Integer> HISTORY = Setting.integer("history-hours", 168,
      "hours of history each host's baseline covers (a week: weekly jobs are learned)");
  static final Setting<Duration> LEARNING = Setting.duration("learning", Duration.ofDays(3),
      "how long a host must have been seen before its hours are judged");
  static final Setting<Integer> MIN_ACTIVE = Setting.integer("min-active-hours", 24,
      "hours with egress the host must have in its history before its hours are judged");
  static final Setting<Double> MIN_BYTES = Setting.number("min-bytes", 1e9,
      "bytes to external addresses in one hour below which nothing is reported (1e9: 1 GB)");
  static final Setting<Double> MAD_FACTOR = Setting.number("mad-factor", 10,
      "an hour must exceed the median hour by this many scaled median absolute deviations");
  static final Setting<Double> MAX_FACTOR = Setting.number("max-factor", 3,
      "an hour must be at least this many times the host's largest hour in its history");
  static final Setting<Integer> MAX_SOURCES = Setting.integer("max-sources", 10_000,
      "hosts with a baseline held at once; beyond this the least recently active is forgotten (and learns again)");
  public static final List<Setting<?>> SETTINGS = List.of(HISTORY, LEARNING, MIN_ACTIVE, MIN_BYTES, MAD_FACTOR,
      MAX_FACTOR, MAX_SOURCES);

  private static final int BYTES = 0;
  private static final int MAX_DESTINATIONS = 16;
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00")
      .withZone(ZoneOffset.UTC);

  private static final RuleMeta META = DetectorMeta.of(NAME, "c41e7b92-5d08-4f3a-8e6b-0a9d2f4c7e18",
      "Data Egress Spike From a Cloud Host")
      .description("One of our hosts sent far more data to external addresses in one hour than in any hour of its "
          + "history (robust baseline: median and median absolute deviation of its hourly egress, and its largest "
          + "hour). Attackers copy databases, file shares and buckets out through a compromised host. Check the "
          + "destinations and what the host runs.")
      .level(Level.MEDIUM)
      .tags("attack.exfiltration", "attack.t1048", "attack.t1030", "kumo.threat.data-theft")
      .references("https://attack.mitre.org/techniques/T1048/",
          "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html")
      .falsepositives("A first full backup or data migration to an external destination",
          "A new release that uploads large artefacts")
      .build();

  private final int history;
  private final Duration learning;
  private final int minActive;
  private final double minBytes;
  private final double madFactor;
  private final double maxFactor;
  private final int maxSources;

  public EgressSpikeDetector(DetectorConfig config, Intel intel) {
    this.history = Math.max(2, HISTORY.read(config, NAME));
    this.learning = LEARNING.read(config, NAME);
    this.minActive = MIN_ACTIVE.read(config, NAME);
    this.minBytes = MIN_BYTES.read(config, NAME);
    this.madFactor = MAD_FACTOR.read(config, NAME);
    this.maxFactor = MAX_FACTOR.read(config, NAME);
    this.maxSources = Math.max(1, MAX_SOURCES.read(config, NAME));
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Set<String> sources() {
    return Flows.FLOW_SOURCES;
  }

  @Override
  public List<Setting.Value> settings() {
    return List.of(HISTORY.describe(history), LEARNING.describe(learning), MIN_ACTIVE.describe(minActive),
        MIN_BYTES.describe(minBytes), MAD_FACTOR.describe(madFactor), MAX_FACTOR.describe(maxFactor),
        MAX_SOURCES.describe(maxSources));
  }

  @Override
  public Combine combine(int kind) {
    return Combine.SUM;
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    Flows.Outbound f = Flows.outbound(e);
    if (f == null || f.t().bytes() == null || f.t().bytes() <= 0 || "reject".equals(f.t().action())) {
      return;
    }
    out.emit(BYTES, f.src() + "\n" + Flows.bucket(e.time().getEpochSecond(), 3600), f.dst(), f.t().bytes());
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** One host's hourly history and its open hour. */
  private final class Host implements Serializable {
    private static final long serialVersionUID = 1L;
    final Instant firstSeen;
    final float[] ring = new float[history];
    long lastClosed = Long.MIN_VALUE;
    long open = Long.MIN_VALUE;
    double openBytes;
    @Nullable EventSummary openFirst;
    final Map<String, Double> destinations = new LinkedHashMap<>();
    final List<String> evidence = new ArrayList<>();

    Host(Instant firstSeen) {
      this.firstSeen = firstSeen;
    }

    void add(long hour, Observation o) {
      if (hour != open) {
        open = hour;
        openBytes = 0;
        openFirst = o.event();
        destinations.clear();
        evidence.clear();
      }
      openBytes += o.amount();
      String dst = o.value();
      if (dst != null && (destinations.size() < MAX_DESTINATIONS || destinations.containsKey(dst))) {
        destinations.merge(dst, o.amount(), Double::sum);
      }
      if (evidence.size() < 10 && !evidence.contains(o.eventId())) {
        evidence.add(o.eventId());
      }
    }

    /** Judges the open hour against the history, then adds it to the history. */
    void close(Alerts alerts) {
      if (open == Long.MIN_VALUE || openFirst == null) {
        return;
      }
      long hour = open;
      if (lastClosed != Long.MIN_VALUE) {
        for (long h = lastClosed + 1; h < hour && h <= lastClosed + history; h++) {
          ring[(int) Math.floorMod(h, history)] = 0;
        }
      }
      int known = (int) Math.min(history, hour - Math.floorDiv(firstSeen.getEpochSecond(), 3600));
      judge(hour, Math.max(0, known), alerts);
      ring[(int) Math.floorMod(hour, history)] = (float) openBytes;
      lastClosed = hour;
      open = Long.MIN_VALUE;
    }

    private void judge(long hour, int known, Alerts alerts) {
      EventSummary first = openFirst;
      if (first == null || openBytes < minBytes || known <= 0
          || first.time().isBefore(firstSeen.plus(learning))) {
        return;
      }
      float[] past = new float[known];
      int active = 0;
      double largest = 0;
      for (int i = 0; i < known; i++) {
        float v = ring[(int) Math.floorMod(hour - 1 - i, history)];
        past[i] = v;
        if (v > 0) {
          active++;
        }
        largest = Math.max(largest, v);
      }
      if (active < minActive) {
        return;
      }
      double median = median(past);
      float[] dev = new float[known];
      for (int i = 0; i < known; i++) {
        dev[i] = (float) Math.abs(past[i] - median);
      }
      double mad = 1.4826 * median(dev);
      if (openBytes < median + madFactor * mad || openBytes < maxFactor * largest) {
        return;
      }
      String top = destinations.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .limit(3).map(x -> Reasons.cut(x.getKey()) + " " + OutboundFloodDetector.bytes(x.getValue()))
          .reduce((a, b) -> a + ", " + b).orElse("?");
      String src = first.sourceIp() == null ? "?" : first.sourceIp();
      String reason = Flows.label(src, OutboundScanDetector.host(first)) + " sent "
          + OutboundFloodDetector.bytes(openBytes) + " to external addresses in the hour from "
          + HOUR.format(Instant.ofEpochSecond(hour * 3600)) + " UTC (" + top + "): "
          + (largest > 0 ? Reasons.number(Math.floor(openBytes / largest)) + "x its largest hour" : "its first egress")
          + " in " + Reasons.duration(Duration.ofHours(known)) + " (median " + OutboundFloodDetector.bytes(median)
          + "/h, " + active + " active hours)";
      alerts.raise(new Alert(null, reason, first, evidence));
    }
  }

  static double median(float[] v) {
    float[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + (double) s[n / 2]) / 2;
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Host> hosts = new BoundedMap<>(maxSources);

    @Override
    public void accept(Observation o, Alerts alerts) {
      int cut = o.key().lastIndexOf('\n');
      if (cut < 0) {
        return;
      }
      String src = o.key().substring(0, cut);
      long hour;
      try {
        hour = Long.parseLong(o.key().substring(cut + 1));
      } catch (NumberFormatException e) {
        return;
      }
      Host h = hosts.get(src);
      if (h == null) {
        h = new Host(o.time());
        hosts.put(src, h);
      }
      if (h.open != Long.MIN_VALUE && h.open != hour) {
        h.close(alerts);
      }
      h.add(hour, o);
    }

    /** Closes the open hours before the watermark's hour, as each host's next flow in a later hour would. */
    @Override
    public void advance(Instant watermark, Alerts alerts) {
      long hour = Math.floorDiv(watermark.getEpochSecond(), 3600);
      closeInOrder(hosts.values().stream().filter(h -> h.open != Long.MIN_VALUE && h.open < hour).toList(), alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      closeInOrder(new ArrayList<>(hosts.values()), alerts);
    }

    /** Closes the hosts' open hours in order of their first flow. */
    private void closeInOrder(List<Host> open, Alerts alerts) {
      List<Host> all = new ArrayList<>(open);
      all.sort((a, b) -> {
        EventSummary x = a.openFirst;
        EventSummary y = b.openFirst;
        return x == null || y == null ? Boolean.compare(x == null, y == null) : x.time().compareTo(y.time());
      });
      all.forEach(h -> h.close(alerts));
    }

    @Override
    public long size() {
      return hosts.size();
    }

    @Override
    public long evicted() {
      return hosts.evicted();
    }
  }
}
