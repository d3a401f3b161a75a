package dev.kumo.detector.identity;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.BoundedMap;
import dev.kumo.detector.Combine;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Episodes;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.Actor;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * An EC2 instance role (instance-profile credentials: the session is marked {@code ec2RoleDelivery}
 * or named after the instance) that starts calling control-plane APIs ({@link ControlPlaneApis}:
 * IAM, STS, Organizations, Secrets Manager, KMS key management, SSM commands and sessions, EC2
 * instance, security-group and snapshot writes, S3 bucket policies and ACLs, CloudTrail, GuardDuty)
 * it did not call while it was learned. Workloads repeat the same few calls; a web server's role
 * that suddenly creates users or sends commands to other hosts is in someone else's hands. One
 * medium finding per role and episode, listing the new APIs (denied calls included: probing is the
 * point).
 *
 * <p>Learning is per role (keyed on the role ARN, so all instances of the role share it) and starts
 * when the role is first seen, whatever its first call: a role never seen before whose very first
 * activity is a control-plane call is learning, and that call becomes part of its baseline. Only a
 * role seen for {@code learning} with {@code min-events} events (counted in the UTC days before
 * the call) reports new APIs. This misses an intrusion that is the first thing the data shows of a
 * role, by design: without history there is nothing to compare with. Roles that called
 * {@code automation-apis} or more distinct control-plane APIs while learning (provisioning hosts,
 * CI runners) are reported at low.
 */
public final class HostRoleNewControlPlaneApiDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_host_role_new_control_plane_api";

  static final Setting<Duration> LEARNING = Setting.duration("learning", Duration.ofDays(1),
      "how long an instance role is only learned after it is first seen (workloads repeat daily)");
  static final Setting<Integer> MIN_EVENTS = Setting.integer("min-events", 20,
      "events the role must have had in the UTC days before a call for the call to be judged");
  static final Setting<Integer> AUTOMATION_APIS = Setting.integer("automation-apis", 10,
      "a role that called this many distinct control-plane APIs while learning is automation: its findings are low");
  static final Setting<Duration> QUIET = Setting.duration("episode-quiet", Duration.ofHours(1),
      "an episode (one finding) ends after this long without another new API of the role");
  static final Setting<Integer> MAX_ROLES = Setting.integer("max-roles", 20_000,
      "instance roles remembered; beyond this the least recently active is forgotten (and learns again)");
  static final Setting<Integer> MAX_APIS = Setting.integer("max-apis", 500,
      "control-plane APIs remembered per role; a role that reaches it is no longer reported");
  public static final List<Setting<?>> SETTINGS = List.of(LEARNING, MIN_EVENTS, AUTOMATION_APIS, QUIET, MAX_ROLES,
      MAX_APIS);

  /** Event counts per UTC day: kind {@code ACTIVITY + day}, so that days are combined apart. */
  private static final int ACTIVITY = 1 << 20;
  private static final int API = 1;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneOffset.UTC);

  private static final RuleMeta META = DetectorMeta.of(NAME, "8e1f4b7a-2c5d-4e9f-b3a6-71d0c8e5f2b4",
      "AWS EC2 Instance Role Calls New Control-Plane APIs")
      .description("The credentials of an EC2 instance role were used for control-plane APIs (IAM, STS, "
          + "Organizations, Secrets Manager, KMS key management, SSM commands and sessions, EC2 instance, "
          + "security-group and snapshot writes, S3 bucket policies and ACLs, CloudTrail, GuardDuty) that the role "
          + "had not called during its learning period. Workloads repeat the same calls; new privileged ones "
          + "mean stolen instance credentials or a compromised host probing and escalating.")
      .level(Level.MEDIUM)
      .tags("attack.privilege-escalation", "attack.t1078.004", "attack.discovery", "attack.t1580",
          "kumo.threat.upstream-movement")
      .references("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html",
          "https://hackingthe.cloud/aws/exploitation/ec2-metadata-ssrf/")
      .falsepositives("A new release of the workload that uses a new AWS API",
          "Weekly or monthly jobs on the instance that the learning period did not see")
      .build();

  private final Duration learning;
  private final int minEvents;
  private final int automationApis;
  private final Duration quiet;
  private final int maxRoles;
  private final int maxApis;

  public HostRoleNewControlPlaneApiDetector(DetectorConfig config, Intel intel) {
    this.learning = LEARNING.read(config, NAME);
    this.minEvents = MIN_EVENTS.read(config, NAME);
    this.automationApis = Math.max(1, AUTOMATION_APIS.read(config, NAME));
    this.quiet = QUIET.read(config, NAME);
    this.maxRoles = Math.max(1, MAX_ROLES.read(config, NAME));
    this.maxApis = Math.max(1, MAX_APIS.read(config, NAME));
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
    return List.of(LEARNING.describe(learning), MIN_EVENTS.describe(minEvents),
        AUTOMATION_APIS.describe(automationApis), QUIET.describe(quiet), MAX_ROLES.describe(maxRoles),
        MAX_APIS.describe(maxApis));
  }

  @Override
  public Combine combine(int kind) {
    return kind >= ACTIVITY ? Combine.SUM : Combine.FIRST;
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    Actor a = e.actor();
    if (!"AssumedRole".equals(a.identityType()) || a.invokedBy() != null || !Identities.isInstanceSession(e)) {
      return;
    }
    String role = Identities.roleOf(a);
    if (role == null) {
      return;
    }
    out.emit(ACTIVITY + (int) Math.min(Math.max(day(e.time()), 0), ACTIVITY - 1), role, null, 1); // per day, no string
    String api = ControlPlaneApis.match(e.api().service(), e.api().operation());
    if (api != null) {
      out.emit(API, role, api, 0);
    }
  }

  private static long day(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), 86_400L);
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** What is known of one instance role. */
  private static final class Role implements Serializable {
    private static final long serialVersionUID = 1L;
    final Instant firstSeen;
    long day = Long.MIN_VALUE;
    long dayCount;
    long priorCount;
    final HashSet64 apis;
    int learnedApis;

    Role(Instant firstSeen, int maxApis) {
      this.firstSeen = firstSeen;
      this.apis = new HashSet64(maxApis);
    }

    void activity(long d, long count) {
      if (d > day) {
        priorCount += dayCount;
        day = d;
        dayCount = 0;
      }
      dayCount += count;
    }

    long eventsBefore(long d) {
      return d > day ? priorCount + dayCount : priorCount;
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Role> roles = new BoundedMap<>(maxRoles);
    private final Episodes episodes = new Episodes(quiet, Duration.ofDays(1), maxRoles, 20, this::report);

    @Override
    public void accept(Observation o, Alerts alerts) {
      episodes.advance(o.time(), alerts);
      Role r = roles.get(o.key());
      if (r == null) {
        r = new Role(o.time(), maxApis);
        roles.put(o.key(), r);
      }
      long today = day(o.time());
      if (o.kind() >= ACTIVITY) {
        r.activity(today, o.count());
        return;
      }
      String api = o.value();
      if (api == null || r.apis.full()) {
        return;
      }
      if (!r.apis.add(HashSet64.hash(api))) {
        return;
      }
      boolean learned = !o.time().isBefore(r.firstSeen.plus(learning)) && r.eventsBefore(today) >= minEvents;
      if (!learned) {
        r.learnedApis++;
        return;
      }
      String error = o.event().errorCode();
      episodes.hit(o.key(), o, error == null ? api : api + " (" + error + ")", alerts);
    }

    private void report(Episodes.Episode ep, Alerts alerts) {
      Role r = roles.get(ep.key());
      boolean automation = r != null && r.learnedApis >= automationApis;
      List<String> apis = ep.values();
      StringBuilder sb = new StringBuilder("instance role ").append(Reasons.cut(Identities.shortName(ep.key())));
      if (r != null) {
        sb.append(" (seen since ").append(MINUTE.format(r.firstSeen)).append(')');
      }
      sb.append(" called ").append(apis.size()).append(apis.size() == 1 ? " control-plane API" : " control-plane APIs")
          .append(" it had not used before: ");
      sb.append(String.join(", ", apis.stream().limit(8).map(Reasons::cut).toList()));
      if (apis.size() > 8) {
        sb.append(", …");
      }
      String session = ep.first().principal();
      if (session != null) {
        sb.append("; by ").append(Reasons.cut(Reasons.shortPrincipal(session)));
      }
      if (ep.first().sourceIp() != null) {
        sb.append(" from ").append(Reasons.cut(ep.first().sourceIp()));
      }
      if (automation) {
        sb.append(" (the role used ").append(r.learnedApis).append(" control-plane APIs while learned: automation)");
      }
      alerts.raise(new Alert(automation ? Level.LOW : null, sb.toString(), ep.first(), ep.evidence()));
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
      return roles.size() + episodes.size();
    }

    @Override
    public long evicted() {
      return roles.evicted() + episodes.evicted();
    }
  }
}
