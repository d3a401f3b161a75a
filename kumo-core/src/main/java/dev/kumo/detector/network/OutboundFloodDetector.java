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
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.net.IpAddress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One of our hosts flooding one external address: a very high packet count in a window, with
 * (almost) nothing coming back — the DDoS agents (DemonBot, Gafgyt, Mirai variants) that attackers
 * install on compromised instances. TCP counts only when its packets are tiny (SYN, ACK or RST
 * floods average under {@code tcp-max-bytes-per-packet}); UDP when it does not come from a
 * well-known or QUIC port (our servers answering clients); ICMP always. The reply condition — bytes
 * from the destination at most {@code max-reply-ratio} of the bytes sent — keeps out large downloads,
 * whose outbound side is a stream of tiny ACKs answered by far more data.
 */
public final class OutboundFloodDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_net_outbound_flood";

  static final Setting<Duration> WINDOW = Setting.duration("window", Duration.ofMinutes(10),
      "length of the tumbling windows in which packets to one destination are summed");
  static final Setting<Integer> MIN_PACKETS = Setting.integer("min-packets", 300_000,
      "packets to one external address in one window for a flood (300000 in 10m: 500 packets a second)");
  static final Setting<Integer> RECORD_MIN_PACKETS = Setting.integer("record-min-packets", 1_000,
      "flow records with fewer packets are ignored (floods fill every record)");
  static final Setting<Integer> TCP_MAX_BPP = Setting.integer("tcp-max-bytes-per-packet", 100,
      "TCP records count only when their average packet is at most this big (SYN floods: 40-60 bytes)");
  static final Setting<Double> MAX_REPLY = Setting.number("max-reply-ratio", 1.0,
      "bytes received from the destination in the window, at most this times the bytes sent");
  static final Setting<Integer> MAX_PAIRS = Setting.integer("max-pairs", 20_000,
      "source and destination pairs with an open window held at once; beyond this the least recently active is "
          + "dropped");
  static final Setting<Duration> QUIET = Setting.duration("episode-quiet", Duration.ofHours(6),
      "a pair is reported again only after this long without another flooding window");
  public static final List<Setting<?>> SETTINGS = List.of(WINDOW, MIN_PACKETS, RECORD_MIN_PACKETS, TCP_MAX_BPP,
      MAX_REPLY, MAX_PAIRS, QUIET);

  private static final int PACKETS = 0;
  private static final int BYTES = 1;
  private static final int REPLY = 2;
  /** Inbound records smaller than this cannot change the reply condition for a flood-sized window. */
  private static final long REPLY_RECORD_MIN_BYTES = 1L << 20;

  private static final RuleMeta META = DetectorMeta.of(NAME, "3f8a1c5e-9b27-4d64-a0e3-6c2b8d7f1e45",
      "Outbound Flood From a Cloud Host (DDoS Agent)")
      .description("One of our hosts (a private address in the flow logs) sent a very high number of packets to one "
          + "external address within minutes, with little or nothing coming back: tiny TCP packets (SYN/ACK flood), "
          + "UDP or ICMP. Compromised instances are enlisted in DDoS botnets (DemonBot, Gafgyt, Mirai variants); the "
          + "traffic costs money and gets the account reported for abuse. Isolate the host.")
      .level(Level.HIGH)
      .tags("attack.impact", "attack.t1498.001", "kumo.threat.attack-infrastructure")
      .references("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html",
          "https://attack.mitre.org/techniques/T1498/001/")
      .falsepositives("Load tests against an external endpoint", "High-rate UDP telemetry to an external collector")
      .build();

  private final Duration window;
  private final int minPackets;
  private final int recordMinPackets;
  private final int tcpMaxBpp;
  private final double maxReply;
  private final int maxPairs;
  private final Duration quiet;

  public OutboundFloodDetector(DetectorConfig config, Intel intel) {
    this.window = OutboundScanDetector.positive(WINDOW.read(config, NAME));
    this.minPackets = Math.max(1, MIN_PACKETS.read(config, NAME));
    this.recordMinPackets = Math.max(1, RECORD_MIN_PACKETS.read(config, NAME));
    this.tcpMaxBpp = TCP_MAX_BPP.read(config, NAME);
    this.maxReply = MAX_REPLY.read(config, NAME);
    this.maxPairs = Math.max(1, MAX_PAIRS.read(config, NAME));
    this.quiet = QUIET.read(config, NAME);
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
    return List.of(WINDOW.describe(window), MIN_PACKETS.describe(minPackets),
        RECORD_MIN_PACKETS.describe(recordMinPackets), TCP_MAX_BPP.describe(tcpMaxBpp), MAX_REPLY.describe(maxReply),
        MAX_PAIRS.describe(maxPairs), QUIET.describe(quiet));
  }

  @Override
  public Combine combine(int kind) {
    return Combine.SUM;
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    if (!(e.details() instanceof NetworkTraffic t) || t.bytes() == null) {
      return;
    }
    long bucket = Flows.bucket(e.time().getEpochSecond(), window.getSeconds());
    if (t.bytes() >= REPLY_RECORD_MIN_BYTES && !"outbound".equals(t.direction()) && e.dst() != null
        && e.src().ip() != null && e.dst().ip() != null) {
      byte[] s = IpAddress.parse(e.src().ip());
      if (s != null && !IpAddress.isInternal(s) && IpAddress.isInternal(e.dst().ip())) {
        out.emit(REPLY, e.dst().ip() + "\n" + e.src().ip() + "\n" + bucket, null, t.bytes());
        return;
      }
    }
    Long packets = t.packets();
    if (packets == null || packets < recordMinPackets) {
      return;
    }
    Flows.Outbound f = Flows.outbound(e);
    if (f == null) {
      return;
    }
    String protocol = t.protocol() == null ? "" : t.protocol();
    String kind;
    switch (protocol) {
      case "tcp", "6" -> {
        if (t.bytes() > (long) tcpMaxBpp * packets) {
          return;
        }
        kind = t.tcpFlags() != null && t.tcpFlags() == 2 ? "tcp-syn" : "tcp";
      }
      case "udp", "17" -> {
        if (f.srcPort() != null && (f.srcPort() < 1024 || f.srcPort() == 443)) {
          return;
        }
        kind = "udp";
      }
      case "icmp", "1", "icmpv6", "58" -> kind = "icmp";
      default -> {
        return;
      }
    }
    String key = f.src() + "\n" + f.dst() + "\n" + bucket;
    out.emit(PACKETS, key, kind, packets);
    out.emit(BYTES, key, kind, t.bytes());
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** One source and destination in its current window. */
  private static final class Pair implements Serializable {
    private static final long serialVersionUID = 1L;
    final long bucket;
    final String key;
    @org.jspecify.annotations.Nullable EventSummary first;
    double packets;
    double bytes;
    double reply;
    String kind = "";
    final List<String> evidence = new ArrayList<>();

    Pair(String key, long bucket) {
      this.key = key;
      this.bucket = bucket;
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Pair> pairs = new BoundedMap<>(maxPairs);
    private final BoundedMap<String, Instant> reported = new BoundedMap<>(maxPairs);

    @Override
    public void accept(Observation o, Alerts alerts) {
      long now = Flows.bucket(o.time().getEpochSecond(), window.getSeconds());
      closeStale(now, alerts);
      int cut = o.key().lastIndexOf('\n');
      if (cut < 0) {
        return;
      }
      String id = o.key().substring(0, cut);
      Pair p = pairs.get(id);
      if (p != null && p.bucket != now) {
        pairs.remove(id);
        close(p, alerts);
        p = null;
      }
      if (p == null) {
        p = new Pair(id, now);
        pairs.put(id, p);
      }
      switch (o.kind()) {
        case REPLY -> p.reply += o.amount();
        case BYTES -> p.bytes += o.amount();
        default -> {
          p.packets += o.amount();
          if (p.first == null) {
            p.first = o.event();
          }
          if (o.value() != null && (p.kind.isEmpty() || o.value().equals("tcp-syn"))) {
            p.kind = o.value();
          }
          if (p.evidence.size() < 10) {
            p.evidence.add(o.eventId());
          }
        }
      }
    }

    private void closeStale(long now, Alerts alerts) {
      Flows.removeStale(pairs, now, p -> p.bucket).forEach(p -> close(p, alerts));
    }

    private void close(Pair p, Alerts alerts) {
      EventSummary first = p.first;
      if (first == null || p.packets < minPackets || p.reply > maxReply * p.bytes) {
        return;
      }
      Instant last = reported.get(p.key);
      reported.put(p.key, first.time());
      if (last != null && first.time().isBefore(last.plus(quiet))) {
        return;
      }
      String src = first.sourceIp() == null ? "?" : first.sourceIp();
      String what = switch (p.kind) {
        case "tcp-syn" -> "TCP SYN-only packets";
        case "tcp" -> "tiny TCP packets";
        case "udp" -> "UDP packets";
        default -> "ICMP packets";
      };
      String reason = Flows.label(src, OutboundScanDetector.host(first)) + " sent " + Reasons.number(p.packets) + " "
          + what + " (" + Reasons.number(Math.round(p.bytes / p.packets)) + " bytes each) to "
          + Reasons.cut(first.destination() == null ? "?" : first.destination()) + " in " + Reasons.duration(window)
          + ", " + bytes(p.reply) + " back: flood from this host (DDoS agent)";
      alerts.raise(new Alert(null, reason, first, p.evidence));
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
      return pairs.size() + reported.size();
    }

    @Override
    public long evicted() {
      return pairs.evicted() + reported.evicted();
    }
  }

  /** {@code 0 bytes}, {@code 12.3 MB}: decimal units, one decimal. */
  static String bytes(double b) {
    if (b < 1000) {
      return Reasons.number(Math.round(b)) + " bytes";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double v = b;
    int u = -1;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
