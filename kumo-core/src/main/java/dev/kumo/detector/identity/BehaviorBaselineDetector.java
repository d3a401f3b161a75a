package dev.kumo.detector.identity;

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
import dev.kumo.event.Actor;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.intel.NetworkOwner;
import dev.kumo.intel.NetworkRanges;
import dev.kumo.net.IpAddress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A behaviour baseline per principal, GuardDuty's {@code AnomalousBehavior}: which regions, source
 * networks, user-agent families, write APIs and long-term access keys a principal uses. After a
 * learning period, a value the principal never used is a novelty (a low finding); novelties in
 * several dimensions at once are one medium finding listing them: stolen credentials used from a
 * new place, with a new tool, for new things.
 *
 * <p>Novelties of one principal are collected for {@code burst-window} after the first and reported
 * together: medium when {@code burst-dimensions} dimensions are new, else low. A dimension that had
 * {@code diverse-values} values while learning (a CI role on rotating addresses, an admin's many
 * APIs) is weak for that principal: its novelties are listed in a finding raised by other
 * dimensions but neither raise one nor count toward a burst. A dimension that reaches
 * {@code max-values} values is no longer tracked for the principal. Source networks are the IPv4
 * /24 or IPv6 /48, except cloud and CDN ranges, which count as their provider (their addresses
 * rotate); user agents are reduced to a family ({@code aws-cli}, {@code boto3}, {@code browser}; AWS
 * service agents ignored); APIs are write calls that succeeded; access keys only long-term ones.
 *
 * <p>Principals are stable across sessions: the role for assumed-role sessions, the user otherwise.
 * Calls by AWS services (service principals, {@code invokedBy}) are not the principal's behaviour and
 * are ignored. Everything comes from normalized fields, so other API-activity sources can be added
 * to {@link #sources()}.
 *
 * <p>Observations: one per principal and UTC day (summed: first seen and event counts) and one per
 * principal, dimension and value (first only). Learning ends for a principal once it has been seen
 * for {@code learning} and had {@code min-events} events in the UTC days before the current one
 * (whole days, so the count does not depend on how observations were combined).
 */
public final class BehaviorBaselineDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_behavior_baseline";

  static final Setting<Duration> LEARNING = Setting.duration("learning", Duration.ofDays(7),
      "how long a principal is only learned before its novelties are reported");
  static final Setting<Integer> MIN_EVENTS = Setting.integer("min-events", 50,
      "events a principal must have had (in the UTC days before) before its novelties are reported");
  static final Setting<Duration> BURST_WINDOW = Setting.duration("burst-window", Duration.ofHours(1),
      "novelties of one principal within this long after its first novelty are reported together");
  static final Setting<Integer> BURST_DIMENSIONS = Setting.integer("burst-dimensions", 3,
      "distinct dimensions (region, network, user agent, API, access key) novel together that make a medium finding");
  static final Setting<Integer> DIVERSE = Setting.integer("diverse-values", 10,
      "a dimension with this many values while learning (roaming CI addresses, a busy admin's APIs) is weak for that "
      + "principal: its novelties are listed in findings raised by other dimensions but raise none themselves");
  static final Setting<Integer> MAX_PRINCIPALS = Setting.integer("max-principals", 50_000,
      "principals remembered; beyond this the least recently active is forgotten (and learns again)");
  static final Setting<Integer> MAX_VALUES = Setting.integer("max-values", 1_000,
      "values remembered per principal and dimension; a dimension that reaches it is no longer reported for that principal");
  static final Setting<Integer> MAX_TOTAL_VALUES = Setting.integer("max-total-values", 2_000_000,
      "values remembered over all principals; beyond this the least recently active principals are forgotten");
  static final Setting<Integer> MAX_BURSTS = Setting.integer("max-open-bursts", 10_000,
      "bursts collected at once; beyond this the oldest is reported early");
  public static final List<Setting<?>> SETTINGS = List.of(LEARNING, MIN_EVENTS, BURST_WINDOW, BURST_DIMENSIONS,
      DIVERSE, MAX_PRINCIPALS, MAX_VALUES, MAX_TOTAL_VALUES, MAX_BURSTS);

  /** Observation kinds: activity per day, then one per dimension. */
  /** Event counts per UTC day: kind {@code ACTIVITY + day}, so that days are combined apart. */
  private static final int ACTIVITY = 1 << 20;
  private static final int REGION = 1;
  private static final int NETWORK = 2;
  private static final int AGENT = 3;
  private static final int API = 4;
  private static final int KEY = 5;
  /** Region, source address, user agent, write API and long-term key of one event (see observe). */
  private static final int PROFILE = 6;
  /** Longest user agent observed (agents are attacker-controlled; families look at the start only). */
  private static final int MAX_AGENT = 512;
  private static final String[] DIMENSION = {"", "region", "network", "user agent", "API", "access key"};
  /** Most novelties one finding lists (its evidence is bounded the same way). */
  private static final int MAX_LISTED = 20;

  private static final RuleMeta META = DetectorMeta.of(NAME, "0c6a5d2e-3f7b-4c1a-9e84-6b2d1f5a7c93",
      "Principal Behaves Unlike Its Baseline")
      .description("Learns per principal (role or user) the regions, source networks (IPv4 /24, IPv6 /48; cloud and "
          + "CDN ranges by provider), user-agent families, write APIs and long-term access keys it uses. After a "
          + "learning period, a new value is a low finding; new values in several of these dimensions within a short "
          + "window (a new place, a new tool and new actions at once) are a medium finding, like GuardDuty's "
          + "AnomalousBehavior: the credentials are probably used by someone else.")
      .level(Level.MEDIUM)
      .tags("attack.initial-access", "attack.t1078.004", "kumo.threat.upstream-movement")
      .references("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html")
      .falsepositives("People travelling or changing tools; new automation on an existing role",
          "Principals with little history in the data (raise learning or min-events)")
      .build();

  private final NetworkRanges ranges;
  private final Duration learning;
  private final int minEvents;
  private final Duration burstWindow;
  private final int burstDimensions;
  private final int diverse;
  private final int maxPrincipals;
  private final int maxValues;
  private final int maxTotalValues;
  private final int maxBursts;

  public BehaviorBaselineDetector(DetectorConfig config, Intel intel) {
    this.ranges = intel.networks();
    this.learning = LEARNING.read(config, NAME);
    this.minEvents = MIN_EVENTS.read(config, NAME);
    this.burstWindow = BURST_WINDOW.read(config, NAME);
    this.burstDimensions = Math.max(1, BURST_DIMENSIONS.read(config, NAME));
    this.diverse = Math.max(1, DIVERSE.read(config, NAME));
    this.maxPrincipals = Math.max(1, MAX_PRINCIPALS.read(config, NAME));
    this.maxValues = Math.max(1, MAX_VALUES.read(config, NAME));
    this.maxTotalValues = Math.max(1, MAX_TOTAL_VALUES.read(config, NAME));
    this.maxBursts = Math.max(1, MAX_BURSTS.read(config, NAME));
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
    return List.of(LEARNING.describe(learning), MIN_EVENTS.describe(minEvents), BURST_WINDOW.describe(burstWindow),
        BURST_DIMENSIONS.describe(burstDimensions), DIVERSE.describe(diverse), MAX_PRINCIPALS.describe(maxPrincipals),
        MAX_VALUES.describe(maxValues), MAX_TOTAL_VALUES.describe(maxTotalValues), MAX_BURSTS.describe(maxBursts));
  }

  @Override
  public Combine combine(int kind) {
    return kind >= ACTIVITY ? Combine.SUM : Combine.FIRST;
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    Actor a = e.actor();
    if (Identities.isServiceCall(a)) {
      return;
    }
    String principal = Identities.stablePrincipal(a);
    if (principal == null) {
      return;
    }
    out.emit(ACTIVITY + (int) Math.min(Math.max(day(e.time()), 0), ACTIVITY - 1), principal, null, 1); // per day, no string
    // one observation per distinct combination, named by a 64-bit hash of it (no strings built per event):
    // most events repeat one, so the combiner drops them cheaply; the state reads the values back from the
    // summary of the first event with the combination, and reduces addresses and agents to networks and
    // families there, once per distinct value
    String agent = e.src().userAgent();
    boolean withApi = !e.api().failed() && !ApiNames.isReadOnly(e.api()) && ApiNames.isNamed(e.api());
    String key = a.accessKeyId();
    boolean withKey = key != null && isLongTermKey(a, key);
    long h = mix(SEED, e.cloud().region());
    h = mix(h, e.src().label());
    h = mix(h, agent);
    h = withApi ? mix(mix(h, e.api().service()), e.api().operation()) : mix(h, null);
    h = mix(h, withKey ? key : null);
    out.emit(PROFILE, principal, (withApi ? "a" : "-") + (withKey ? "k" : "-") + Long.toHexString(finish(h)), 0);
  }

  private static final long SEED = 0x6a09e667f3bcc908L;

  /**
   * Adds one string to a combination hash, by its length and {@link String#hashCode} (cached in the string,
   * and often already computed by the rule index: hashing user agents char by char cost more than all other
   * detector work together). A collision only merges two combinations in the combiner: someone crafting one
   * must already know the principal's earlier source, region and agent, and could as well reuse them.
   */
  static long mix(long h, @Nullable String v) {
    long x = v == null ? -1L : ((long) v.length() << 32) | (v.hashCode() & 0xffffffffL);
    return Long.rotateLeft((h ^ x) * 0x9e3779b97f4a7c15L, 29);
  }

  /** Murmur3's 64-bit finalizer: every input bit reaches every output bit. */
  static long finish(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** Long-term keys only: session keys ({@code ASIA…}, every assumed role and console session) change all the time. */
  private static boolean isLongTermKey(Actor a, String key) {
    return !key.startsWith("ASIA") && !"AssumedRole".equals(a.identityType())
        && !"FederatedUser".equals(a.identityType()) && key.length() <= 128;
  }

  /**
   * The source network: the provider for cloud and CDN ranges (their addresses rotate), else the
   * IPv4 /24 or IPv6 /48. Null when the source is no address (an AWS service name).
   */
  @Nullable String network(@Nullable String ip) {
    if (ip == null) {
      return null;
    }
    byte[] a = IpAddress.parse(ip);
    if (a == null) {
      return null;
    }
    NetworkOwner owner = ranges.lookup(ip);
    if (owner != null && (owner.kind() == NetworkOwner.Kind.CLOUD || owner.kind() == NetworkOwner.Kind.CDN)) {
      return owner.owner() + " " + owner.kind().label();
    }
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + ".0/24";
    }
    return Integer.toHexString(((a[0] & 0xff) << 8) | (a[1] & 0xff)) + ":"
        + Integer.toHexString(((a[2] & 0xff) << 8) | (a[3] & 0xff)) + ":"
        + Integer.toHexString(((a[4] & 0xff) << 8) | (a[5] & 0xff)) + "::/48";
  }

  private static long day(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), 86_400L);
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** What is known of one principal. */
  private static final class Profile implements Serializable {
    private static final long serialVersionUID = 1L;
    final Instant firstSeen;
    long day = Long.MIN_VALUE;
    long dayCount;
    long priorCount;
    final HashSet64[] values = new HashSet64[KEY + 1];
    /** Values learned per dimension before learning ended. */
    final int[] learnedValues = new int[KEY + 1];
    int valueCount;

    Profile(Instant firstSeen) {
      this.firstSeen = firstSeen;
    }

    void activity(long d, long count) {
      if (d > day) {
        priorCount += dayCount;
        day = d;
        dayCount = 0;
      }
      dayCount += count;
    }

    /** Events in the UTC days before {@code d}. */
    long eventsBefore(long d) {
      return d > day ? priorCount + dayCount : priorCount;
    }
  }

  /** Novelties of one principal collected for {@code burst-window}. */
  private static final class Burst implements Serializable {
    private static final long serialVersionUID = 1L;
    final String principal;
    final EventSummary first;
    final Duration baseline;
    final long baselineEvents;
    final List<String> evidence = new ArrayList<>();
    /** Novelties in order, as {@code dimension index} and display text (serializable entries). */
    final List<Map.Entry<Integer, String>> items = new ArrayList<>();
    /** Bit per dimension with a novelty that counts (not weak). */
    int dimensions;
    int total;
    EventSummary last;

    Burst(String principal, EventSummary first, Duration baseline, long baselineEvents) {
      this.principal = principal;
      this.first = first;
      this.last = first;
      this.baseline = baseline;
      this.baselineEvents = baselineEvents;
    }

    void add(int dim, boolean weak, String text, Observation o) {
      if (!weak) {
        dimensions |= 1 << dim;
      }
      total++;
      last = o.event();
      if (items.size() < MAX_LISTED) {
        items.add(new AbstractMap.SimpleImmutableEntry<>(dim, text)); // serializable, unlike Map.entry
      }
      if (evidence.size() < MAX_LISTED && !evidence.contains(o.eventId())) {
        evidence.add(o.eventId());
      }
    }

    int dimensionCount() {
      return Integer.bitCount(dimensions);
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Profile> profiles = new BoundedMap<>(maxPrincipals);
    /** Open bursts in order of their first novelty (all last {@code burst-window}). */
    private final LinkedHashMap<String, Burst> bursts = new LinkedHashMap<>();
    private long totalValues;
    private long evictedProfiles;
    private long evictedBursts;

    @Override
    public void accept(Observation o, Alerts alerts) {
      closeBursts(o.time(), alerts);
      Profile p = profiles.get(o.key());
      if (p == null) {
        if (profiles.size() >= maxPrincipals) {
          evictEldest();
        }
        p = new Profile(o.time());
        profiles.put(o.key(), p);
      }
      if (o.kind() >= ACTIVITY) {
        p.activity(day(o.time()), o.count());
        return;
      }
      if (o.kind() != PROFILE || o.value() == null) {
        return;
      }
      // the values of the combination, from the summary of its first event (see observe)
      EventSummary first = o.event();
      String agent = first.userAgent();
      String[] parts = {first.region(), first.sourceIp(),
          agent != null && agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) : agent,
          o.value().charAt(0) == 'a' ? ApiNames.of(first.service(), first.operation()) : null,
          o.value().charAt(1) == 'k' ? first.accessKeyId() : null};
      for (int dim = REGION; dim <= KEY; dim++) {
        String raw = parts[dim - REGION];
        if (raw != null && !raw.isEmpty()) {
          learn(p, o, dim, dim == NETWORK ? network(raw) : dim == AGENT ? UserAgents.family(raw) : raw, alerts);
        }
      }
      while (totalValues > maxTotalValues && profiles.size() > 1) {
        evictEldest();
      }
    }

    /** One value of one dimension of a principal's event: learned, known, or a novelty. */
    private void learn(Profile p, Observation o, int dim, @Nullable String value, Alerts alerts) {
      if (value == null) {
        return;
      }
      HashSet64 seen = p.values[dim];
      if (seen == null) {
        seen = new HashSet64(maxValues);
        p.values[dim] = seen;
      }
      long h = HashSet64.hash(value);
      if (seen.contains(h) || seen.full()) {
        return; // known, or the dimension saturated: no longer tracked for this principal
      }
      seen.add(h);
      p.valueCount++;
      totalValues++;
      boolean saturated = seen.full();
      long today = day(o.time());
      boolean learned = !o.time().isBefore(p.firstSeen.plus(learning)) && p.eventsBefore(today) >= minEvents;
      if (!learned) {
        p.learnedValues[dim]++;
      } else if (!saturated) {
        boolean weak = p.learnedValues[dim] >= diverse;
        novelty(o.key(), p, dim, weak, display(dim, value, o.event()), o, today, alerts);
      }
    }

    private void evictEldest() {
      Iterator<Map.Entry<String, Profile>> it = profiles.entrySet().iterator();
      Map.Entry<String, Profile> eldest = it.next();
      totalValues -= eldest.getValue().valueCount;
      it.remove();
      evictedProfiles++;
    }

    private void novelty(String principal, Profile p, int dim, boolean weak, String text, Observation o, long today,
        Alerts alerts) {
      Burst b = bursts.get(principal);
      if (b == null) {
        if (bursts.size() >= maxBursts) {
          Iterator<Burst> eldest = bursts.values().iterator();
          Burst dropped = eldest.next();
          eldest.remove();
          evictedBursts++;
          report(dropped, alerts);
        }
        b = new Burst(principal, o.event(), Duration.between(p.firstSeen, o.time()), p.eventsBefore(today));
        bursts.put(principal, b);
      }
      b.add(dim, weak, text, o);
    }

    private void closeBursts(Instant now, Alerts alerts) {
      Iterator<Burst> it = bursts.values().iterator();
      while (it.hasNext()) {
        Burst b = it.next();
        if (now.isBefore(b.first.time().plus(burstWindow))) {
          break;
        }
        it.remove();
        report(b, alerts);
      }
    }

    private void report(Burst b, Alerts alerts) {
      if (b.dimensionCount() == 0) {
        return; // only novelties in dimensions the principal varies in anyway
      }
      StringBuilder sb = new StringBuilder();
      String who = Reasons.cut(Identities.shortName(b.principal));
      String baseline = "(baseline " + Reasons.duration(b.baseline) + ", " + b.baselineEvents
          + (b.baselineEvents == 1 ? " event)" : " events)");
      boolean burst = b.dimensionCount() >= burstDimensions;
      if (burst) {
        sb.append(b.dimensionCount()).append(" new dimensions for ").append(who).append(" within ")
            .append(Reasons.duration(Duration.between(b.first.time(), b.last.time()))).append(' ').append(baseline);
      } else {
        sb.append("new for ").append(who).append(' ').append(baseline);
      }
      sb.append(": ");
      int previous = -1;
      String sep = "";
      List<Map.Entry<Integer, String>> items = new ArrayList<>(b.items);
      items.sort(Map.Entry.comparingByKey());
      for (Map.Entry<Integer, String> item : items) {
        sb.append(sep);
        if (item.getKey() != previous) {
          sb.append(DIMENSION[item.getKey()]).append(' ');
          previous = item.getKey();
        }
        sb.append(item.getValue());
        sep = ", ";
      }
      if (b.total > b.items.size()) {
        sb.append(", … (").append(b.total).append(" in all)");
      }
      alerts.raise(new Alert(burst ? Level.MEDIUM : Level.LOW, sb.toString(), b.first, b.evidence));
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      closeBursts(watermark, alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      List<Burst> open = new ArrayList<>(bursts.values());
      bursts.clear();
      open.forEach(b -> report(b, alerts));
    }

    @Override
    public long size() {
      return profiles.size() + bursts.size();
    }

    @Override
    public long evicted() {
      return evictedProfiles + evictedBursts + profiles.evicted();
    }
  }

  /** A novel value as a finding shows it (quoted; networks with their owner). */
  private String display(int dim, String value, EventSummary e) {
    String v = Reasons.cut(value);
    if (dim != NETWORK || !value.contains("/")) {
      return v;
    }
    String ip = e.sourceIp();
    if (ip != null && IpAddress.isInternal(ip)) {
      return v + " (internal)";
    }
    NetworkOwner owner = ranges.lookup(ip);
    return v + (owner == null ? " (no listed owner)" : " (" + owner.owner() + " " + owner.kind().label() + ")");
  }
}
