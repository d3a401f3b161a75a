package dev.kumo.detector.compute;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.BoundedMap;
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
import dev.kumo.json.JsonObject;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compute launched in a region the account had never launched compute in: the account-level sign of
 * cryptomining (and GPU or LLM hijacking), where attackers with stolen keys start instances in regions
 * nobody watches, often across several at once and often with GPU types.
 *
 * <p>Per account the state learns the regions with successful compute launches (EC2 instances, fleets and
 * Spot requests, Auto Scaling groups, EMR, EKS, ECS, Batch, SageMaker, Lightsail; launches by AWS services
 * on the account's behalf included). A launch by a principal (not an AWS service) in a region new to the
 * account opens a finding once the account has a history: its first launch was at least {@code learning}
 * earlier and it made at least {@code min-history} launches before. Launches in that region during the next
 * {@code window} (by anyone, services included) join the finding, which is medium, or high when it includes
 * a GPU/accelerated or very large (16xlarge and up, metal) type or {@code many-instances} instances. Failed
 * calls are ignored: they launch nothing. State is bounded: {@code max-accounts} accounts of at most 64
 * regions each, and as many open findings.
 */
public final class ComputeInNewRegionDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_compute_in_new_region";

  static final Setting<Duration> LEARNING = Setting.duration("learning", Duration.ofDays(7),
      "how long after the first compute launch seen for an account its regions are only learned, never reported");
  static final Setting<Integer> MIN_HISTORY = Setting.integer("min-history", 10,
      "compute launches the account must have made (in any region) before a new region is reported");
  static final Setting<Duration> WINDOW = Setting.duration("window", Duration.ofHours(1),
      "launches in the new region within this time of the first one are reported with it, in one finding");
  static final Setting<Integer> MANY_INSTANCES = Setting.integer("many-instances", 10,
      "instances launched in the new region within the window that make the finding high");
  static final Setting<Integer> MAX_ACCOUNTS = Setting.integer("max-accounts", 10_000,
      "accounts whose compute regions are remembered; beyond this the least recently active one is forgotten");
  public static final List<Setting<?>> SETTINGS = List.of(LEARNING, MIN_HISTORY, WINDOW, MANY_INSTANCES, MAX_ACCOUNTS);

  /** Regions remembered per account: AWS has fewer than 40, so more means junk input. */
  static final int MAX_REGIONS = 64;
  private static final int MAX_EVIDENCE = 20;
  private static final int MAX_SHOWN = 5;

  /** Observation kinds: a launch by a principal, or by an AWS service on the account's behalf. */
  private static final int BY_PRINCIPAL = 0;
  private static final int BY_SERVICE = 1;

  private static final RuleMeta META = DetectorMeta.of(NAME, "4e0ffa12-050c-4b91-90ac-3d0142a74dd2",
      "AWS Compute Launched in a Region New to the Account")
      .description("A principal launched compute (EC2 instances, fleets or Spot requests, Auto Scaling, EMR, EKS, ECS, "
          + "Batch, SageMaker, Lightsail) in a region where the account had launched none before, after a learning "
          + "period with enough launches elsewhere. Cryptominers and GPU thieves with stolen keys launch in regions "
          + "nobody uses, to stay unseen and to get fresh quota. High when GPU/accelerated or very large types, or "
          + "many instances, are launched there.")
      .level(Level.MEDIUM)
      .tags("attack.impact", "attack.t1496.001", "attack.stealth", "attack.t1578.002", "kumo.threat.cryptomining")
      .references("https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html",
          "https://stratus-red-team.cloud/attack-techniques/AWS/aws.execution.ec2-launch-unusual-instances/",
          "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html")
      .falsepositives("A team expanding into a new region (disaster recovery, a new market)",
          "Accounts whose history in the hunted logs is shorter than their real one")
      .build();

  private final Duration learning;
  private final int minHistory;
  private final Duration window;
  private final int manyInstances;
  private final int maxAccounts;

  public ComputeInNewRegionDetector(DetectorConfig config, Intel intel) {
    this.learning = LEARNING.read(config, NAME);
    this.minHistory = MIN_HISTORY.read(config, NAME);
    this.window = WINDOW.read(config, NAME);
    this.manyInstances = MANY_INSTANCES.read(config, NAME);
    this.maxAccounts = Math.max(1, MAX_ACCOUNTS.read(config, NAME));
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
    return List.of(LEARNING.describe(learning), MIN_HISTORY.describe(minHistory), WINDOW.describe(window),
        MANY_INSTANCES.describe(manyInstances), MAX_ACCOUNTS.describe(maxAccounts));
  }

  /**
   * Emits, for each successful compute launch, the account and region as key, the requested instance types
   * (comma-separated, or null) as value and the instance count as amount.
   */
  @Override
  public void observe(NormalizedEvent e, Observer out) {
    if (!ComputeLaunches.isLaunch(e.api().service(), e.api().operation()) || e.api().failed()) {
      return;
    }
    String account = e.cloud().account();
    String region = e.cloud().region();
    if (account == null || region == null || account.isEmpty() || region.isEmpty()) {
      return;
    }
    ComputeLaunches.Request r = ComputeLaunches.read(object(e.raw().get("requestParameters")),
        object(e.raw().get("responseElements")), e.api().operation());
    out.emit(byService(e) ? BY_SERVICE : BY_PRINCIPAL, account + "\n" + region,
        r.types().isEmpty() ? null : String.join(",", r.types()), r.instances());
  }

  private static boolean byService(NormalizedEvent e) {
    String principal = e.actor().principal();
    return e.actor().invokedBy() != null || "AWSService".equals(e.actor().identityType())
        || (principal != null && principal.contains(":assumed-role/AWSServiceRoleFor"));
  }

  private static @Nullable JsonObject object(@Nullable Object o) {
    return o instanceof JsonObject j ? j : null;
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** What an account has launched so far. */
  private static final class Account implements Serializable {
    private static final long serialVersionUID = 1L;
    final Instant first;
    long launches;
    final Set<String> regions = new LinkedHashSet<>();

    Account(Instant first) {
      this.first = first;
    }
  }

  /** An open finding: launches in a region new to its account, collected for {@code window}. */
  private static final class Pending implements Serializable {
    private static final long serialVersionUID = 1L;
    final String account;
    final String region;
    final EventSummary first;
    final long historyLaunches;
    final Duration historySpan;
    final List<String> knownRegions;
    long launches;
    long instances;
    final Set<String> types = new LinkedHashSet<>();
    final Set<String> principals = new LinkedHashSet<>();
    final Set<String> operations = new LinkedHashSet<>();
    final List<String> evidence = new ArrayList<>();
    EventSummary last;

    Pending(String account, String region, Observation o, Account history) {
      this.account = account;
      this.region = region;
      this.first = o.event();
      this.last = o.event();
      this.historyLaunches = history.launches;
      this.historySpan = Duration.between(history.first, o.time());
      this.knownRegions = List.copyOf(history.regions);
    }

    void add(Observation o) {
      launches++;
      instances = Math.min(1_000_000_000L, instances + (long) o.amount());
      last = o.event();
      if (o.value() != null) {
        for (String t : o.value().split(",")) {
          if (types.size() < 2 * MAX_SHOWN) {
            types.add(t);
          }
        }
      }
      if (o.event().principal() != null && principals.size() < MAX_SHOWN && o.kind() == BY_PRINCIPAL) {
        principals.add(o.event().principal());
      }
      if (o.event().operation() != null && operations.size() < MAX_SHOWN) {
        operations.add(o.event().operation());
      }
      if (evidence.size() < MAX_EVIDENCE) {
        evidence.add(o.eventId());
      }
    }
  }

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Account> accounts = new BoundedMap<>(maxAccounts);
    /** Open findings by account and region, oldest first. */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private long pendingClosedEarly;
    private long regionsDropped;

    @Override
    public void accept(Observation o, Alerts alerts) {
      closeDue(o.time(), alerts);
      Pending p = pending.get(o.key());
      int cut = o.key().indexOf('\n');
      String accountId = o.key().substring(0, cut);
      Account account = accounts.get(accountId);
      if (account == null) {
        account = new Account(o.time());
        accounts.put(accountId, account);
      }
      if (p != null) {
        p.add(o);
      } else {
        String region = o.key().substring(cut + 1);
        if (!account.regions.contains(region)) {
          if (account.regions.size() >= MAX_REGIONS) {
            regionsDropped++;
          } else {
            if (o.kind() == BY_PRINCIPAL && account.launches >= minHistory
                && !o.time().isBefore(account.first.plus(learning))) {
              open(new Pending(accountId, region, o, account), o, alerts);
            }
            account.regions.add(region);
          }
        }
      }
      account.launches++;
    }

    private void open(Pending p, Observation o, Alerts alerts) {
      if (pending.size() >= maxAccounts) {
        Iterator<Pending> eldest = pending.values().iterator();
        Pending dropped = eldest.next();
        eldest.remove();
        pendingClosedEarly++;
        close(dropped, alerts);
      }
      p.add(o);
      pending.put(o.key(), p);
    }

    /** Reports the findings whose window ended by {@code now}; they are kept in order of opening. */
    private void closeDue(Instant now, Alerts alerts) {
      Iterator<Pending> it = pending.values().iterator();
      while (it.hasNext()) {
        Pending p = it.next();
        if (now.isBefore(p.first.time().plus(window))) {
          break;
        }
        it.remove();
        close(p, alerts);
      }
    }

    private void close(Pending p, Alerts alerts) {
      List<String> big = new ArrayList<>();
      for (String t : p.types) {
        if (ComputeLaunches.isAccelerated(t)) {
          big.add(Reasons.cut(t) + " GPU/accelerated");
        } else if (ComputeLaunches.isVeryLarge(t)) {
          big.add(Reasons.cut(t) + " very large");
        }
      }
      boolean many = p.instances >= manyInstances;
      Level level = !big.isEmpty() || many ? Level.HIGH : null;
      List<String> shownTypes = new ArrayList<>();
      for (String t : p.types) {
        if (shownTypes.size() < MAX_SHOWN) {
          shownTypes.add(Reasons.cut(t));
        }
      }
      String reason = "account " + p.account + " launched compute in " + Reasons.cut(p.region)
          + ", a region it had not launched compute in (" + p.historyLaunches + " launches over "
          + Reasons.duration(p.historySpan) + " in " + list(p.knownRegions) + "): "
          + p.launches + (p.launches == 1 ? " launch, " : " launches, ") + p.instances
          + (p.instances == 1 ? " instance" : " instances")
          + (shownTypes.isEmpty() ? "" : " (" + String.join(", ", shownTypes) + (p.types.size() > MAX_SHOWN ? ", …" : "")
              + ")")
          + (big.isEmpty() ? "" : ", " + String.join(", ", big))
          + " in " + Reasons.duration(Duration.between(p.first.time(), p.last.time()))
          + " by " + (p.principals.isEmpty() ? "an unknown principal"
              : String.join(", ", p.principals.stream().map(x -> Reasons.cut(Reasons.shortPrincipal(x))).toList()))
          + " (" + String.join(", ", p.operations) + ")";
      alerts.raise(new Alert(level, reason, p.first, p.evidence));
    }

    private static String list(List<String> regions) {
      if (regions.isEmpty()) {
        return "no region";
      }
      List<String> shown = regions.stream().limit(MAX_SHOWN).map(Reasons::cut).toList();
      return String.join(", ", shown) + (regions.size() > MAX_SHOWN ? " and " + (regions.size() - MAX_SHOWN)
          + " more" : "");
    }

    @Override
    public void advance(Instant watermark, Alerts alerts) {
      closeDue(watermark, alerts);
    }

    @Override
    public void finish(Alerts alerts) {
      List<Pending> open = new ArrayList<>(pending.values());
      pending.clear();
      open.forEach(p -> close(p, alerts));
    }

    @Override
    public long size() {
      return accounts.size() + pending.size();
    }

    @Override
    public long evicted() {
      return accounts.evicted() + pendingClosedEarly + regionsDropped;
    }
  }
}
