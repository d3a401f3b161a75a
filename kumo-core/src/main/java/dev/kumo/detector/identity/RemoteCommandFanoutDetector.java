package dev.kumo.detector.identity;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.BoundedMap;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorMeta;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.InstanceIds;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.event.Actor;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One principal running commands or opening shells on many distinct instances within a window:
 * SSM {@code SendCommand} (the {@code instanceIds} and {@code InstanceIds} targets; tag targets
 * cannot be counted), SSM {@code StartSession}, EC2 Instance Connect {@code SendSSHPublicKey} and
 * {@code SendSerialConsoleSSHPublicKey}. Intruders with cloud credentials fan out into the workload
 * this way; people work on a few hosts at a time, and fleet-wide jobs run from services (State
 * Manager, Maintenance Windows: their calls carry {@code invokedBy} and are ignored) or by tag.
 *
 * <p>High for a principal's first fan-out in the data; a principal that already fanned out earlier
 * in the data is routine fleet automation and its later episodes are low. Successful calls only.
 */
public final class RemoteCommandFanoutDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_remote_command_fanout";

  static final Setting<Integer> INSTANCES = Setting.integer("instances", 10,
      "distinct instances one principal must reach within the window");
  static final Setting<Duration> WINDOW = Setting.duration("window", Duration.ofHours(1),
      "the sliding window; an episode also ends after this long without another such call");
  static final Setting<Integer> MAX_PRINCIPALS = Setting.integer("max-principals", 10_000,
      "principals tracked at once; beyond this the least recently active is reported (if due) and dropped");
  public static final List<Setting<?>> SETTINGS = List.of(INSTANCES, WINDOW, MAX_PRINCIPALS);

  /** Instances and evidence ids one episode keeps (and the reason lists the first 10). */
  private static final int MAX_KEPT = 200;
  /** Reaches one principal's window keeps; beyond this the oldest are forgotten. */
  private static final int MAX_RECENT = 2_000;
  private static final int MAX_EVIDENCE = 50;
  private static final int LISTED = 10;
  /** Longest an episode runs before it is reported and a new one starts. */
  private static final Duration MAX_EPISODE = Duration.ofDays(1);
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneOffset.UTC);

  private static final RuleMeta META = DetectorMeta.of(NAME, "6f2d8a4c-1b7e-4f3a-a9d5-2e8c0b6f4d17",
      "AWS Commands or Shells on Many Instances by One Principal")
      .description("One principal ran SSM commands, opened Session Manager sessions or pushed EC2 Instance Connect or "
          + "serial-console SSH keys on many distinct instances within a short window. People work on a few hosts at "
          + "a time and fleet jobs run from AWS services or by tag; fanning out by instance id is how an intruder with "
          + "cloud credentials moves into the workload.")
      .level(Level.HIGH)
      .tags("attack.execution", "attack.t1651", "attack.lateral-movement", "attack.t1021.008",
          "kumo.threat.upstream-movement")
      .references("https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_SendCommand.html",
          "https://stratus-red-team.cloud/attack-techniques/AWS/aws.execution.ssm-send-command/",
          "https://stratus-red-team.cloud/attack-techniques/AWS/aws.lateral-movement.ec2-instance-connect/")
      .falsepositives("Operators or deployment tools running commands on a fleet by instance id (later episodes of the "
          + "same principal are low)")
      .build();

  private final int threshold;
  private final Duration window;
  private final int maxPrincipals;

  public RemoteCommandFanoutDetector(DetectorConfig config, Intel intel) {
    this.threshold = Math.max(2, INSTANCES.read(config, NAME));
    this.window = WINDOW.read(config, NAME);
    this.maxPrincipals = Math.max(1, MAX_PRINCIPALS.read(config, NAME));
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
    return List.of(INSTANCES.describe(threshold), WINDOW.describe(window), MAX_PRINCIPALS.describe(maxPrincipals));
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    String op = e.api().operation();
    String service = e.api().service();
    if (op == null || service == null || e.api().failed()) {
      return;
    }
    boolean ssm = service.equals("ssm.amazonaws.com") && (op.equals("SendCommand") || op.equals("StartSession"));
    boolean connect = service.equals("ec2-instance-connect.amazonaws.com")
        && (op.equals("SendSSHPublicKey") || op.equals("SendSerialConsoleSSHPublicKey"));
    if (!ssm && !connect) {
      return;
    }
    Actor a = e.actor();
    String principal = a.label();
    if (principal == null || Identities.isServiceCall(a)) {
      return;
    }
    JsonObject req = e.raw().getObject("requestParameters");
    if (req == null) {
      return;
    }
    if (op.equals("SendCommand")) {
      if (req.get("instanceIds") instanceof JsonArray ids) {
        emitAll(ids, principal, out);
      }
      if (req.get("targets") instanceof JsonArray targets) {
        for (Object t : targets) {
          if (t instanceof JsonObject target && "InstanceIds".equals(target.getString("key"))
              && target.get("values") instanceof JsonArray ids) {
            emitAll(ids, principal, out);
          }
        }
      }
    } else {
      emit(req.get(op.equals("StartSession") ? "target" : "instanceId"), principal, out);
    }
  }

  private static void emitAll(JsonArray ids, String principal, Observer out) {
    int n = Math.min(ids.size(), 1_000);
    for (int i = 0; i < n; i++) {
      emit(ids.get(i), principal, out);
    }
  }

  private static void emit(@Nullable Object id, String principal, Observer out) {
    if (id instanceof String s && InstanceIds.is(s)) {
      out.emit(0, principal, s.toLowerCase(Locale.ROOT), 0);
    }
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** An instance reached, when and by which event. */
  private record Reach(String instance, Instant time, String eventId, EventSummary event) implements Serializable {}

  /** One principal's reaches within the window, and its episode once it crossed the threshold. */
  private static final class Track implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Reaches within the window, oldest first (bounded). */
    final ArrayDeque<Reach> recent = new ArrayDeque<>();
    /** Distinct instances among {@link #recent}, with how many reaches each. */
    final HashMap<String, Integer> distinct = new HashMap<>();
    Instant lastHit = Instant.EPOCH;
    @Nullable Episode episode;

    void add(Reach r) {
      recent.addLast(r);
      distinct.merge(r.instance, 1, Integer::sum);
      if (recent.size() > MAX_RECENT) {
        dropOldest();
      }
    }

    void expire(Instant cutoff) {
      while (!recent.isEmpty() && !recent.peekFirst().time.isAfter(cutoff)) {
        dropOldest();
      }
    }

    private void dropOldest() {
      Reach old = recent.removeFirst();
      distinct.computeIfPresent(old.instance, (k, n) -> n == 1 ? null : n - 1);
    }
  }

  private static final class Episode implements Serializable {
    private static final long serialVersionUID = 1L;
    final EventSummary first;
    EventSummary last;
    final Set<String> instances = new LinkedHashSet<>();
    final List<String> evidence = new ArrayList<>();
    final Map<String, Integer> operations = new TreeMap<>();
    @Nullable String lastEvent;

    Episode(EventSummary first) {
      this.first = first;
      this.last = first;
    }

    void add(Reach r) {
      if (instances.size() < MAX_KEPT) {
        instances.add(r.instance);
      }
      if (!r.eventId.equals(lastEvent)) {
        lastEvent = r.eventId;
        operations.merge(r.event.operation() == null ? "?" : r.event.operation(), 1, Integer::sum);
        if (evidence.size() < MAX_EVIDENCE && !evidence.contains(r.eventId)) {
          evidence.add(r.eventId);
        }
      }
      if (r.time.isAfter(last.time())) {
        last = r.event;
      }
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    /** Principals in order of their last hit (observations come in time order). */
    private final BoundedMap<String, Track> tracks = new BoundedMap<>(maxPrincipals);
    /** Principals that already had an episode, with its start. */
    private final BoundedMap<String, Instant> fannedOut = new BoundedMap<>(maxPrincipals);
    private long dropped;

    @Override
    public void accept(Observation o, Alerts alerts) {
      expire(o.time(), alerts);
      String principal = o.key();
      String instance = o.value();
      if (instance == null) {
        return;
      }
      Track t = tracks.get(principal);
      if (t == null) {
        if (tracks.size() >= maxPrincipals) {
          Iterator<Map.Entry<String, Track>> eldest = tracks.entrySet().iterator();
          Map.Entry<String, Track> e = eldest.next();
          eldest.remove();
          dropped++;
          close(e.getKey(), e.getValue(), alerts);
        }
        t = new Track();
        tracks.put(principal, t);
      }
      Instant now = o.time();
      t.expire(now.minus(window));
      Reach r = new Reach(instance, now, o.eventId(), o.event());
      t.add(r);
      if (t.episode != null && !now.isBefore(t.episode.first.time().plus(MAX_EPISODE))) {
        close(principal, t, alerts);
      }
      if (t.episode != null) {
        t.episode.add(r);
      } else if (t.distinct.size() >= threshold) {
        Episode ep = new Episode(t.recent.peekFirst().event);
        t.recent.forEach(ep::add);
        t.episode = ep;
      }
      t.lastHit = now;
    }

    /** Reports and drops the principals whose last hit is a window old. */
    private void expire(Instant now, Alerts alerts) {
      Iterator<Map.Entry<String, Track>> it = tracks.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, Track> e = it.next();
        if (now.isBefore(e.getValue().lastHit.plus(window))) {
          break;
        }
        it.remove();
        close(e.getKey(), e.getValue(), alerts);
      }
    }

    private void close(String principal, Track t, Alerts alerts) {
      Episode ep = t.episode;
      t.episode = null;
      if (ep == null) {
        return;
      }
      Instant before = fannedOut.get(principal);
      if (before == null) {
        fannedOut.put(principal, ep.first.time());
      }
      StringBuilder sb = new StringBuilder(Reasons.cut(Reasons.shortPrincipal(principal)))
          .append(" ran commands or opened shells on ").append(ep.instances.size()).append(" instances in ")
          .append(Reasons.duration(Duration.between(ep.first.time(), ep.last.time()))).append(" (");
      String sep = "";
      for (Map.Entry<String, Integer> op : ep.operations.entrySet()) {
        sb.append(sep).append(Reasons.cut(op.getKey())).append(" ×").append(op.getValue());
        sep = ", ";
      }
      sb.append("): ").append(String.join(", ", ep.instances.stream().limit(LISTED).toList()));
      if (ep.instances.size() > LISTED) {
        sb.append(", … (+").append(ep.instances.size() - LISTED).append(" more)");
      }
      if (before != null) {
        sb.append("; it did so before, from ").append(MINUTE.format(before));
      }
      alerts.raise(new Alert(before == null ? null : Level.LOW, sb.toString(), ep.first, ep.evidence));
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      expire(watermark, alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      List<Map.Entry<String, Track>> open = new ArrayList<>(tracks.entrySet());
      tracks.clear();
      open.forEach(e -> close(e.getKey(), e.getValue(), alerts));
    }

    @Override
    public long size() {
      return tracks.size() + fannedOut.size();
    }

    @Override
    public long evicted() {
      return dropped + tracks.evicted() + fannedOut.evicted();
    }
  }
}
