package dev.kumo.detector.identity;

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
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.intel.NetworkOwner;
import dev.kumo.intel.NetworkRanges;
import dev.kumo.net.IpAddress;
import dev.kumo.sigma.RuleMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * EC2 instance-profile credentials used from an address outside every cloud provider's published
 * ranges: the credentials left the instance (SSRF to the metadata service, a compromised host
 * exporting them), GuardDuty's {@code InstanceCredentialExfiltration.OutsideAWS}. One finding per
 * session and address episode.
 */
public final class InstanceCredentialsOutsideDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_instance_credentials_used_outside";

  static final Setting<Duration> QUIET = Setting.duration("episode-quiet", Duration.ofHours(1),
      "an episode (one finding) ends after this long without another call from the same session and address");
  static final Setting<Integer> MAX_EPISODES = Setting.integer("max-open-episodes", 10_000,
      "episodes held open at once; beyond this the oldest is reported early");
  public static final List<Setting<?>> SETTINGS = List.of(QUIET, MAX_EPISODES);


  private static final RuleMeta META = DetectorMeta.of(NAME, "5d0f7f0e-8a3c-4b8e-9f57-3c1f0b9e6a01",
      "AWS EC2 Instance Credentials Used Outside the Cloud")
      .description("Temporary credentials of an EC2 instance profile (session marked ec2RoleDelivery, or named after "
          + "the instance) were used from an address that is not private and not in any cloud provider's published "
          + "ranges. Instance credentials are only meant to be used by the instance itself; their use from elsewhere "
          + "means they were stolen (SSRF to the metadata service, a compromised host).")
      .level(dev.kumo.sigma.Level.HIGH)
      .tags("attack.credential-access", "attack.t1552.005", "attack.initial-access", "attack.t1078.004",
          "kumo.threat.upstream-movement")
      .references("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html",
          "https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.ec2-steal-instance-credentials/")
      .falsepositives("Instances whose traffic leaves through a NAT or proxy outside AWS (on-premises egress)")
      .build();

  private final NetworkRanges ranges;
  private final Duration quiet;
  private final int maxEpisodes;

  public InstanceCredentialsOutsideDetector(DetectorConfig config, Intel intel) {
    this.ranges = intel.networks();
    this.quiet = QUIET.read(config, NAME);
    this.maxEpisodes = MAX_EPISODES.read(config, NAME);
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
    return List.of(QUIET.describe(quiet), MAX_EPISODES.describe(maxEpisodes));
  }

  /**
   * The Systems Manager agent's own channels: the agent talks to them from wherever it runs (hybrid
   * activations run on premises), so they say nothing about stolen credentials.
   */
  private static final Set<String> AGENT_SERVICES = Set.of("ssmmessages.amazonaws.com", "ec2messages.amazonaws.com");

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    if (!"AssumedRole".equals(e.actor().identityType()) || e.src().ip() == null || e.actor().principal() == null
        || e.actor().invokedBy() != null || AGENT_SERVICES.contains(e.api().service())) {
      return;
    }
    if (!Identities.isInstanceSession(e)) {
      return;
    }
    byte[] ip = IpAddress.parse(e.src().ip());
    if (ip == null || IpAddress.isInternal(ip)) {
      return;
    }
    NetworkOwner owner = ranges.lookup(e.src().ip());
    if (owner != null && owner.kind() == NetworkOwner.Kind.CLOUD) {
      return;
    }
    out.emit(0, e.actor().principal() + "\n" + e.src().ip(), null, 0);
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final Episodes episodes = new Episodes(quiet, Duration.ofDays(1), maxEpisodes, 50, this::close);

    @Override
    public void accept(Observation o, Alerts alerts) {
      episodes.hit(o.key(), o, o.event().operation(), alerts);
    }

    private void close(Episodes.Episode ep, Alerts alerts) {
      String ip = ep.first().sourceIp();
      NetworkOwner no = ranges.lookup(ip);
      String owner = no == null ? "not a cloud provider address" : no.owner() + " " + no.kind().label();
      String reason = "instance credentials of " + Reasons.shortPrincipal(ep.first().principal()) + " used from "
          + ip + " (" + owner + "): " + ep.count() + (ep.count() == 1 ? " call" : " calls")
          + " in " + Reasons.duration(ep.length()) + " (" + String.join(", ", ep.values().stream().limit(5)
          .map(Reasons::cut).toList()) + (ep.values().size() > 5 ? ", …" : "") + ")";
      alerts.raise(new Alert(null, reason, ep.first(), ep.evidence()));
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
