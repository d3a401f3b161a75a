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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One of our hosts reaching out to many external hosts, or many ports of one, in a short window: a
 * compromised instance scanning the internet (worms, botnet agents, an attacker's masscan). Three
 * shapes, each its own reason, counted in tumbling windows per source address:
 *
 * <ul>
 *   <li><b>admin-port sweep</b> (high): TCP to SSH, Telnet or RDP (22, 23, 2323, 3389) on
 *       {@code admin-min-networks} external /24 networks — brute-force or worm spreading;
 *   <li><b>horizontal scan</b> (medium): probe-like flows (at most {@code probe-max-packets} packets:
 *       unanswered SYNs, resets) to {@code min-networks} external /24 networks, while no more than
 *       {@code max-answered-share} of the networks it reached answered with a real exchange. NAT
 *       gateways, proxies and load balancers reach many hosts too, but almost all of them answer;
 *   <li><b>vertical scan</b> (medium): probe-like flows to {@code min-ports} ports of one external host.
 * </ul>
 *
 * Only flows that look initiated by our side count (destination port well-known or not above the
 * source port), so a server answering many clients is not a scanner. UDP to DNS, NTP, QUIC and STUN
 * ports is ignored (resolvers query many name servers with one-packet flows). Counting /24 networks
 * rather than addresses keeps services that answer from many addresses of a few networks (code
 * hosts, CDNs) from adding up. A source is reported once per episode: windows that cross a
 * threshold again within {@code episode-quiet} of the last extend it silently.
 */
public final class OutboundScanDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_net_outbound_scan";

  static final Setting<Duration> WINDOW = Setting.duration("window", Duration.ofMinutes(10),
      "length of the tumbling windows in which distinct destinations are counted");
  static final Setting<Integer> MIN_NETWORKS = Setting.integer("min-networks", 100,
      "external /24 (IPv6 /48) networks probed in one window for a horizontal scan");
  static final Setting<Double> MAX_ANSWERED = Setting.number("max-answered-share", 0.3,
      "largest share of the reached networks that may have answered with more than probe-max-packets packets "
          + "for a horizontal scan (NAT gateways and proxies get answers)");
  static final Setting<Integer> ADMIN_MIN_NETWORKS = Setting.integer("admin-min-networks", 20,
      "external /24 networks reached on SSH, Telnet or RDP in one window for an admin-port sweep");
  static final Setting<List<String>> ADMIN_PORTS = Setting.list("admin-ports", List.of("22", "23", "2323", "3389"),
      "TCP ports of the admin-port sweep (remote logins that worms and brute-forcers target)");
  static final Setting<Integer> MIN_PORTS = Setting.integer("min-ports", 100,
      "ports of one external host probed in one window for a vertical scan");
  static final Setting<Integer> PROBE_PACKETS = Setting.integer("probe-max-packets", 3,
      "a flow record with at most this many packets (or rejected) is a probe: no real exchange took place");
  static final Setting<List<String>> UDP_IGNORED = Setting.list("udp-ignored-ports",
      List.of("53", "123", "443", "3478", "5353", "19302"),
      "UDP destination ports never counted (DNS, NTP, QUIC, STUN, mDNS): resolvers and clients fan out on them");
  static final Setting<Duration> QUIET = Setting.duration("episode-quiet", Duration.ofHours(6),
      "a source is reported again only after this long without crossing the same threshold");
  static final Setting<Integer> MAX_KEYS = Setting.integer("max-keys", 50_000,
      "open windows (per source, and per source and destination for vertical scans) held at once; beyond "
          + "this the least recently active is dropped");
  public static final List<Setting<?>> SETTINGS = List.of(WINDOW, MIN_NETWORKS, MAX_ANSWERED, ADMIN_MIN_NETWORKS,
      ADMIN_PORTS, MIN_PORTS, PROBE_PACKETS, UDP_IGNORED, QUIET, MAX_KEYS);

  private static final int PROBE = 0;
  private static final int ANSWERED = 1;
  private static final int ADMIN = 2;
  private static final int PORT = 3;
  private static final int EVIDENCE = 10;

  private static final RuleMeta META = DetectorMeta.of(NAME, "b7d2e4f1-6a39-4c0e-9d85-2f1c7a4e9b63",
      "Outbound Scan or Admin-Port Sweep From a Cloud Host")
      .description("One of our hosts (a private address in the flow logs) probed many external networks, many ports "
          + "of one external host, or reached SSH, Telnet or RDP on many external networks within minutes. Scanning "
          + "and brute-forcing other victims is what worms, botnet agents and attackers do from a compromised "
          + "instance, and gets the account reported for abuse. Isolate the host and find how it was compromised.")
      .level(Level.MEDIUM)
      .tags("attack.discovery", "attack.t1046", "attack.credential-access", "attack.t1110", "attack.lateral-movement",
          "attack.t1210", "kumo.threat.attack-infrastructure")
      .references("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html",
          "https://attack.mitre.org/techniques/T1046/")
      .falsepositives("Vulnerability scanners or attack-surface monitoring run from the account",
          "Configuration management reaching many internet hosts over SSH")
      .build();

  private final Duration window;
  private final int minNetworks;
  private final double maxAnswered;
  private final int adminMinNetworks;
  private final Set<Integer> adminPorts;
  private final int minPorts;
  private final int probePackets;
  private final Set<Integer> udpIgnored;
  private final Duration quiet;
  private final int maxKeys;

  public OutboundScanDetector(DetectorConfig config, Intel intel) {
    this.window = positive(WINDOW.read(config, NAME));
    this.minNetworks = Math.max(1, MIN_NETWORKS.read(config, NAME));
    this.maxAnswered = MAX_ANSWERED.read(config, NAME);
    this.adminMinNetworks = Math.max(1, ADMIN_MIN_NETWORKS.read(config, NAME));
    this.adminPorts = ports(ADMIN_PORTS.read(config, NAME), ADMIN_PORTS);
    this.minPorts = Math.max(1, MIN_PORTS.read(config, NAME));
    this.probePackets = PROBE_PACKETS.read(config, NAME);
    this.udpIgnored = ports(UDP_IGNORED.read(config, NAME), UDP_IGNORED);
    this.quiet = QUIET.read(config, NAME);
    this.maxKeys = Math.max(1, MAX_KEYS.read(config, NAME));
  }

  static Duration positive(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    return d;
  }

  static Set<Integer> ports(List<String> values, Setting<?> setting) {
    Set<Integer> out = new java.util.HashSet<>();
    for (String v : values) {
      try {
        out.add(Integer.parseInt(v));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("detector " + NAME + ": setting '" + setting.name() + "': '" + v
            + "' is not a port number");
      }
    }
    return Set.copyOf(out);
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
    return List.of(WINDOW.describe(window), MIN_NETWORKS.describe(minNetworks), MAX_ANSWERED.describe(maxAnswered),
        ADMIN_MIN_NETWORKS.describe(adminMinNetworks), ADMIN_PORTS.describe(sorted(adminPorts)),
        MIN_PORTS.describe(minPorts), PROBE_PACKETS.describe(probePackets), UDP_IGNORED.describe(sorted(udpIgnored)),
        QUIET.describe(quiet), MAX_KEYS.describe(maxKeys));
  }

  private static List<String> sorted(Set<Integer> ports) {
    return new TreeSet<>(ports).stream().map(String::valueOf).toList();
  }

  @Override
  public Combine combine(int kind) {
    return Combine.FIRST;
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    Flows.Outbound f = Flows.outbound(e);
    if (f == null || f.dstPort() == null || !Flows.initiating(f)) {
      return;
    }
    String protocol = f.t().protocol();
    boolean tcp = "tcp".equals(protocol) || "6".equals(protocol);
    boolean udp = "udp".equals(protocol) || "17".equals(protocol);
    if (!tcp && !(udp && !udpIgnored.contains(f.dstPort()))) {
      return;
    }
    Long packets = f.t().packets();
    boolean probe = "reject".equals(f.t().action()) || (packets != null && packets <= probePackets);
    String net = Flows.network(f.dst());
    String key = f.src() + "\n" + Flows.bucket(e.time().getEpochSecond(), window.getSeconds());
    String port = (tcp ? "tcp/" : "udp/") + f.dstPort();
    out.emit(probe ? PROBE : ANSWERED, key, port + " " + net, 0);
    if (tcp && adminPorts.contains(f.dstPort())) {
      out.emit(ADMIN, key, port + " " + net, 0);
    }
    if (probe) {
      out.emit(PORT, f.src() + "\n" + f.dst() + "\n" + Flows.bucket(e.time().getEpochSecond(), window.getSeconds()),
          port, 0);
    }
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** What one source (or source and destination) did in its current window. */
  private static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    final String variant;
    final String subject;
    final long bucket;
    final EventSummary first;
    final DistinctSet seen;
    final DistinctSet probed;
    final DistinctSet answered;
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final List<String> evidence = new ArrayList<>();

    Tally(String variant, String subject, long bucket, EventSummary first, int max) {
      this.variant = variant;
      this.subject = subject;
      this.bucket = bucket;
      this.first = first;
      this.seen = new DistinctSet(4 * max);
      this.probed = new DistinctSet(max);
      this.answered = new DistinctSet(4 * max);
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Tally> tallies = new BoundedMap<>(maxKeys);
    private final BoundedMap<String, Instant> reported = new BoundedMap<>(maxKeys);

    @Override
    public void accept(Observation o, Alerts alerts) {
      long now = Flows.bucket(o.time().getEpochSecond(), window.getSeconds());
      closeStale(now, alerts);
      String value = o.value();
      int cut = o.key().lastIndexOf('\n');
      if (value == null || cut < 0) {
        return;
      }
      String subject = o.key().substring(0, cut);
      String variant = switch (o.kind()) {
        case PROBE, ANSWERED -> "H";
        case ADMIN -> "A";
        default -> "V";
      };
      String id = variant + "\n" + subject;
      Tally t = tallies.get(id);
      if (t != null && t.bucket != now) {
        tallies.remove(id);
        close(t, alerts);
        t = null;
      }
      if (t == null) {
        t = new Tally(variant, subject, now, o.event(), Math.max(Math.max(minNetworks, adminMinNetworks), minPorts) * 4);
        tallies.put(id, t);
      }
      if (!t.seen.add(DistinctSet.hash(o.kind() + value))) {
        return; // a repeated FIRST observation (partial merges)
      }
      int space = value.indexOf(' ');
      String port = space < 0 ? value : value.substring(0, space);
      long net = DistinctSet.hash(space < 0 ? value : value.substring(space + 1));
      if (o.kind() == ANSWERED) {
        t.answered.add(net);
        return;
      }
      boolean newNetwork = o.kind() == PORT ? t.probed.add(DistinctSet.hash(value)) : t.probed.add(net);
      if (t.evidence.size() < EVIDENCE && newNetwork) {
        t.evidence.add(o.eventId());
      }
      if (t.ports.size() < 64 || t.ports.containsKey(port)) {
        t.ports.merge(port, 1, Integer::sum);
      }
    }

    /** Closes the windows before {@code now} (least recently touched first). */
    private void closeStale(long now, Alerts alerts) {
      Flows.removeStale(tallies, now, t -> t.bucket).forEach(t -> close(t, alerts));
    }

    private void close(Tally t, Alerts alerts) {
      int n = t.probed.size();
      String count = n + (t.probed.full() ? "+" : "");
      boolean hit = switch (t.variant) {
        case "A" -> n >= adminMinNetworks;
        case "V" -> n >= minPorts;
        default -> n >= minNetworks && t.answered.size() <= maxAnswered * (n + t.answered.size());
      };
      if (!hit) {
        return;
      }
      String source = t.first.sourceIp() == null ? "?" : t.first.sourceIp();
      String episodeKey = t.variant + "\n" + t.subject;
      Instant last = reported.get(episodeKey);
      reported.put(episodeKey, t.first.time());
      if (last != null && t.first.time().isBefore(last.plus(quiet))) {
        return;
      }
      String who = Flows.label(source, host(t.first));
      String span = Reasons.duration(window);
      String reason = switch (t.variant) {
        case "A" -> who + " reached SSH/Telnet/RDP on " + count + " external networks in " + span + " ("
            + topPorts(t, 4) + "): brute-force or worm spreading from this host";
        case "V" -> who + " probed " + count + " ports of " + hostOnly(t.first.destination()) + " in " + span + " ("
            + topPorts(t, 6) + ")";
        default -> who + " probed " + count + " external /24 networks in " + span + " (" + topPorts(t, 4) + "); "
            + t.answered.size() + " networks answered";
      };
      alerts.raise(new Alert(t.variant.equals("A") ? Level.HIGH : null, reason, t.first, t.evidence));
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      closeStale(Flows.bucket(watermark.getEpochSecond(), window.getSeconds()), alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      closeStale(Long.MAX_VALUE, alerts);
    }

    @Override
    public long size() {
      return tallies.size() + reported.size();
    }

    @Override
    public long evicted() {
      return tallies.evicted() + reported.evicted();
    }
  }

  /** The most frequent ports, {@code tcp/22: 40 networks, tcp/23: 7}. */
  private static String topPorts(Tally t, int limit) {
    List<Map.Entry<String, Integer>> top = t.ports.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .toList();
    String s = top.stream().limit(limit).map(x -> t.variant.equals("V") ? x.getKey() : x.getKey() + ": " + x.getValue())
        .collect(Collectors.joining(", "));
    return top.size() > limit ? s + ", …" : s;
  }

  private static String hostOnly(@Nullable String destination) {
    if (destination == null) {
      return "?";
    }
    int colon = destination.lastIndexOf(':');
    String h = colon > 0 && destination.indexOf(':') == colon ? destination.substring(0, colon) : destination;
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      h = end > 0 ? h.substring(1, end) : h;
    }
    return Reasons.cut(h);
  }

  /** The instance or interface an event summary names, or null. */
  static @Nullable String host(EventSummary e) {
    String eni = null;
    for (String r : e.resources()) {
      if (r.startsWith("i-")) {
        return r;
      }
      if (eni == null && r.startsWith("eni-")) {
        eni = r;
      }
    }
    return eni;
  }
}
