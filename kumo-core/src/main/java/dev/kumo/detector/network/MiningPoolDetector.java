package dev.kumo.detector.network;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Episodes;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.ResourceRef;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.intel.MiningPools;
import dev.kumo.intel.NetworkOwner;
import dev.kumo.intel.NetworkRanges;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;


/**
 * Our hosts talking to cryptocurrency mining pools, from the list shipped in
 * {@link MiningPools} (Maltrail's crypto_mining trail plus Kumo's additions):
 *
 * <ul>
 *   <li>a DNS lookup of a listed pool domain or any subdomain of it (high);
 *   <li>a flow to a listed pool address on a port the list names, or to a listed address without
 *       ports that no cloud provider or CDN operates (high); to a listed address on another port
 *       (medium), or on another port at a cloud or CDN address, which is reassigned often (low);
 *   <li>repeated connections to a well-known stratum port of an unlisted address (low, a weak
 *       signal: the ports are shared with other software), at least {@code stratum-min-flows} flow
 *       records per episode.
 * </ul>
 *
 * One finding per querying host and pool (or destination) per episode.
 */
public final class MiningPoolDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_intel_mining_pool";

  static final Setting<List<String>> STRATUM_PORTS = Setting.list("stratum-ports",
      List.of("3333", "3334", "3357", "4444", "5555", "7777", "14433", "14444", "45560", "45700"),
      "TCP ports mining pools commonly serve stratum on: connections to them are a weak (low) signal");
  static final Setting<Integer> STRATUM_MIN_FLOWS = Setting.integer("stratum-min-flows", 3,
      "flow records to stratum ports an episode needs before it is reported (miners keep their connection open)");
  static final Setting<Duration> QUIET = Setting.duration("episode-quiet", Duration.ofHours(1),
      "an episode (one finding) ends after this long without another lookup or flow of the same host and pool");
  static final Setting<Integer> MAX_EPISODES = Setting.integer("max-open-episodes", 10_000,
      "episodes held open at once; beyond this the oldest is reported early");
  public static final List<Setting<?>> SETTINGS = List.of(STRATUM_PORTS, STRATUM_MIN_FLOWS, QUIET, MAX_EPISODES);

  private static final int DNS = 0;
  private static final int FLOW_HIGH = 1;
  private static final int FLOW_MEDIUM = 2;
  private static final int FLOW_LOW = 3;
  private static final int STRATUM = 4;

  private static final RuleMeta META = DetectorMeta.of(NAME, "6e2b9d41-7c53-4a8f-b1e0-94d3f5a2c867",
      "Cryptocurrency Mining Pool Contacted")
      .description("One of our hosts looked up the domain of a known cryptocurrency mining pool, or connected to a "
          + "known pool address, or kept connecting to a port pools serve stratum on. Miners resolve and connect to "
          + "their pool as soon as they start: this is the mark of a cryptominer on the host, usually installed "
          + "through a vulnerable application or stolen credentials. Pool list: Maltrail's crypto_mining trail (MIT) "
          + "plus well-known pools.")
      .level(Level.HIGH)
      .tags("attack.impact", "attack.t1496.001", "attack.command-and-control", "attack.t1071",
          "kumo.threat.cryptomining")
      .references("https://github.com/stamparm/maltrail",
          "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html")
      .falsepositives("Sanctioned mining or research workloads", "Addresses reassigned since they served a pool")
      .build();

  private final MiningPools pools;
  private final NetworkRanges ranges;
  private final Set<Integer> stratumPorts;
  private final int stratumMinFlows;
  private final Duration quiet;
  private final int maxEpisodes;

  public MiningPoolDetector(DetectorConfig config, Intel intel) {
    this.pools = intel.miningPools();
    this.ranges = intel.networks();
    this.stratumPorts = OutboundScanDetector.ports(STRATUM_PORTS.read(config, NAME), STRATUM_PORTS);
    this.stratumMinFlows = Math.max(1, STRATUM_MIN_FLOWS.read(config, NAME));
    this.quiet = QUIET.read(config, NAME);
    this.maxEpisodes = Math.max(1, MAX_EPISODES.read(config, NAME));
  }

  @Override
  public RuleMeta meta() {
    return META;
  }

  @Override
  public Set<String> sources() {
    return Set.of("aws.route53resolver", "aws.vpcflow", "aws.securitylake");
  }

  @Override
  public List<Setting.Value> settings() {
    return List.of(STRATUM_PORTS.describe(stratumPorts.stream().sorted().map(String::valueOf).toList()),
        STRATUM_MIN_FLOWS.describe(stratumMinFlows), QUIET.describe(quiet), MAX_EPISODES.describe(maxEpisodes));
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    if (e.details() instanceof DnsQuery q) {
      String pool = pools.domainOf(q.hostname());
      if (pool != null) {
        out.emit(DNS, querier(e) + "\n" + pool, q.hostname(), 0);
      }
      return;
    }
    Flows.Outbound f = Flows.outbound(e);
    if (f == null || !Flows.initiating(f)) {
      return;
    }
    MiningPools.PoolAddress pool = pools.address(f.dst());
    String port = f.dstPort() == null ? "" : f.dstPort().toString();
    if (pool != null) {
      NetworkOwner owner = ranges.lookup(f.dst());
      boolean shared = owner != null && (owner.kind() == NetworkOwner.Kind.CLOUD
          || owner.kind() == NetworkOwner.Kind.CDN);
      int kind = pool.servesPort(f.dstPort()) || (!pool.hasPorts() && !shared) ? FLOW_HIGH
          : shared ? FLOW_LOW : FLOW_MEDIUM;
      out.emit(kind, f.src() + "\n" + f.dst(), port, 0);
      return;
    }
    String protocol = f.t().protocol();
    if (f.dstPort() != null && stratumPorts.contains(f.dstPort()) && ("tcp".equals(protocol) || "6".equals(protocol))
        && !"reject".equals(f.t().action())) {
      out.emit(STRATUM, f.src(), f.dst() + ":" + port, 0);
    }
  }

  /** The querying host: its address, with the instance when the log names it. */
  private static String querier(NormalizedEvent e) {
    String ip = e.src().ip() == null ? "?" : e.src().ip();
    for (ResourceRef r : e.resources()) {
      if ("AWS::EC2::Instance".equals(r.type()) && r.uid() != null) {
        return ip + " (" + r.uid() + ")";
      }
    }
    return ip;
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final Episodes episodes = new Episodes(quiet, Duration.ofDays(1), maxEpisodes, 20, this::close);

    @Override
    public void accept(Observation o, Alerts alerts) {
      episodes.hit(o.kind() + "\n" + o.key(), o, o.value(), alerts);
    }

    private void close(Episodes.Episode ep, Alerts alerts) {
      String[] parts = ep.key().split("\n", 3);
      int kind = Integer.parseInt(parts[0]);
      String count = ep.count() + (ep.count() == 1 ? " time" : " times");
      String span = ep.count() == 1 ? "" : " in " + Reasons.duration(ep.length());
      Level level = null;
      String reason;
      switch (kind) {
        case DNS -> reason = Reasons.cut(parts[1]) + " looked up " + list(ep.values(), 3) + " (mining pool "
            + Reasons.cut(parts[2]) + ") " + count + span;
        case STRATUM -> {
          if (ep.count() < stratumMinFlows) {
            return;
          }
          level = Level.LOW;
          reason = who(parts[1], ep) + " connected to stratum mining ports " + list(ep.values(), 4) + " ("
              + ep.count() + " flows" + span + "); the addresses are not on the mining pool list";
        }
        default -> {
          MiningPools.PoolAddress pool = pools.address(parts[2]);
          String listed = pool == null || !pool.hasPorts() ? "a listed mining pool address"
              : "listed as a mining pool on port" + (pool.ports().length == 1 ? " " : "s ")
                  + Arrays.stream(pool.ports()).limit(5).mapToObj(String::valueOf).collect(Collectors.joining(", "));
          NetworkOwner owner = ranges.lookup(parts[2]);
          level = kind == FLOW_HIGH ? null : kind == FLOW_MEDIUM ? Level.MEDIUM : Level.LOW;
          reason = who(parts[1], ep) + " connected to " + Reasons.cut(parts[2]) + " on port "
              + list(ep.values(), 4) + ", " + listed + " (" + ep.count() + (ep.count() == 1 ? " flow" : " flows")
              + span + ")" + (kind != FLOW_LOW || owner == null ? "" : "; the address is in " + owner.owner() + " "
              + owner.kind().label() + " ranges, whose addresses are often reassigned");
        }
      }
      alerts.raise(new Alert(level, reason, ep.first(), ep.evidence()));
    }

    private static String who(String src, Episodes.Episode ep) {
      return Flows.label(Reasons.cut(src), OutboundScanDetector.host(ep.first()));
    }

    private static String list(List<String> values, int limit) {
      String s = values.stream().limit(limit).map(Reasons::cut).collect(Collectors.joining(", "));
      return values.size() > limit ? s + ", …" : s;
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      episodes.advance(watermark, alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      episodes.closeAll(alerts);
    }

    @Override
    public long size() {
      return episodes.size();
    }

    @Override
    public long evicted() {
      return episodes.evicted();
    }
  }
}
