package dev.kumo.simulate.scenario;

import dev.kumo.simulate.actors.Machines;
import dev.kumo.simulate.actors.World;
import dev.kumo.simulate.cloudtrail.Identity;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.org.Account;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Addresses;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import dev.kumo.simulate.org.Role;
import dev.kumo.simulate.org.ServiceUser;
import dev.kumo.simulate.org.UserAgents;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * What one scenario run resolved: the estate attacked, the attacker's address, account and session name,
 * and the values of the scenario's variables. Not thread-safe.
 */
final class ScenarioRun {
  /** Hosting and anonymising ranges attackers call from: outside every cloud provider's ranges. */
  private static final List<String> ATTACKER_RANGES = List.of("185.220.101.0/24", "45.155.205.0/24",
      "193.142.146.0/24", "5.188.206.0/24", "91.240.118.0/24");

  /** How long before the assumed actor's first step its role is assumed. */
  static final long ASSUME_LEAD = 2_000;

  private final World world;
  final Scenario scenario;
  final SplittableRandom random;
  /** When the scenario starts (epoch ms). */
  final long start;
  final Estate estate;
  final String attackerIp;
  final String foreignAccount;
  final String sessionName;
  final String resourceId;
  final List<PoolAddresses.Pool> pools;
  private final Map<Integer, String> external = new HashMap<>();
  private final Map<String, Estate> estates = new HashMap<>();
  private final Map<String, Identity.RoleSession> sessions = new HashMap<>();

  ScenarioRun(World world, Scenario s, long start, SplittableRandom random) {
    this.world = world;
    this.scenario = s;
    this.random = random;
    this.start = start;
    this.estate = estate(s.targetAccount(), s.targetRegion());
    this.attackerIp = Addresses.inAny(ATTACKER_RANGES, random);
    this.foreignAccount = String.valueOf(100_000_000_000L + random.nextLong(899_999_999_999L));
    this.sessionName = "botocore-session-" + (1_700_000_000 + random.nextInt(100_000_000));
    this.resourceId = "i-0" + RandomIds.hex(random, 16);
    this.pools = PoolAddresses.shuffled(random);
  }

  /** The estate of the account of {@code kind} in {@code region}, or its home estate when region is null. */
  private Estate estate(String kind, @Nullable String region) {
    Account account = account(kind);
    for (Estate e : world.org().estates(account)) {
      if (region == null ? e.home() : e.region().equals(region)) {
        return e;
      }
    }
    throw new IllegalArgumentException(scenario.file() + ": the " + kind + " account has no estate in "
        + region + " (regions: " + account.regions() + ")");
  }

  /**
   * Where the actor works: the target estate, or for an actor of another account that account's estate in the
   * target's region if it has one, else its home estate.
   */
  Estate estate(ScenarioActor actor) {
    if (actor.account() == null) {
      return estate;
    }
    return estates.computeIfAbsent(actor.account(),
        kind -> estate(kind, account(kind).regions().contains(estate.region()) ? estate.region() : null));
  }

  /** The account of a kind as scenarios write it ({@code shared-services}). */
  private Account account(String kind) {
    return world.org().account(AccountKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_')));
  }

  /**
   * The credentials the actor signs with at {@code time}. Instance credentials stolen and used elsewhere are
   * the session issued when the scenario starts; an assumed role's session is the one its AssumeRole started.
   */
  Identity identity(ScenarioActor actor, @Nullable Instance instance, long time) {
    return switch (actor.credentials()) {
      case "instance-role" -> Machines.session(world, instance, actor.from().equals("instance") ? time : start);
      case "user-key" -> world.sessions().user(user(actor));
      case "role" -> actor.assumedBy() != null ? assumed(actor)
          : world.sessions().role(role(actor), sessionName, time);
      default -> throw new IllegalStateException("actor '" + actor.name() + "' has no credentials");
    };
  }

  /** When the AssumeRole that starts {@code actor}'s session happens (epoch ms); -1 if the actor never acts. */
  long assumedAt(ScenarioActor actor) {
    Scenario.Step first = scenario.firstStepOf(actor.name());
    return first == null ? -1 : start + first.at().toMillis() - ASSUME_LEAD;
  }

  /** The session of a chained role actor, named like botocore names the sessions it assumes. */
  Identity.RoleSession assumed(ScenarioActor actor) {
    return sessions.computeIfAbsent(actor.name(), n -> {
      long at = assumedAt(actor);
      return world.sessions().assumed(role(actor), "botocore-session-" + at / 1000, at);
    });
  }

  private Role role(ScenarioActor actor) {
    Estate e = estate(actor);
    Role r = world.org().findRole(e.accountId(), actor.role());
    if (r == null) {
      throw new IllegalArgumentException(scenario.file() + ": no role '" + actor.role() + "' in the "
          + e.account().name() + " account");
    }
    return r;
  }

  /** The actor's instance (by purpose), else the estate's first; null when it names none and there is none. */
  @Nullable Instance instance(ScenarioActor actor) {
    List<Instance> all = estate(actor).instances();
    if (all.isEmpty() && actor.instance() == null) {
      return null;
    }
    if (actor.instance() != null) {
      for (Instance i : all) {
        if (i.purpose().equals(actor.instance())) {
          return i;
        }
      }
      throw new IllegalArgumentException(scenario.file() + ": no '" + actor.instance()
          + "' instance in the attacked estate");
    }
    return all.get(0);
  }

  ServiceUser user(ScenarioActor actor) {
    ServiceUser fallback = null;
    for (ServiceUser u : world.org().serviceUsers()) {
      if (actor.user() != null && (u.userName().equals(actor.user()) || u.purpose().equals(actor.user()))) {
        return u;
      }
      if (fallback == null || (u.account().equals(estate.accountId()) && !fallback.account().equals(
          estate.accountId()))) {
        fallback = u;
      }
    }
    if (fallback == null || actor.user() != null) {
      throw new IllegalArgumentException(scenario.file() + ": no IAM user '" + actor.user() + "' to take a key of");
    }
    return fallback;
  }

  String instanceAgent(Instance i) {
    return UserAgents.boto(RandomIds.stable(world.org().seed(), i.id()), false);
  }

  /** The {@code k}-th external destination of this run (residential networks: scans and floods hit many). */
  String external(int k) {
    return external.computeIfAbsent(k, x -> Addresses.inAny(Addresses.VISITORS, random));
  }

  Map<String, String> variables(ScenarioActor actor, @Nullable Instance instance, long time, int i) {
    Estate estate = estate(actor);
    Map<String, String> v = new HashMap<>();
    v.put("account", estate.accountId());
    v.put("region", estate.region());
    v.put("foreign_account", foreignAccount);
    v.put("attacker_ip", attackerIp);
    v.put("instance", instance == null ? resourceId : instance.id());
    v.put("instance_role", instance == null ? "" : instance.role().name());
    v.put("volume", first(estate.volumes(), "vol-0" + RandomIds.hex(random, 16)));
    v.put("bucket", first(estate.buckets(), world.org().name() + "-data"));
    v.put("bucket2", estate.buckets().size() > 1 ? estate.buckets().get(1) : v.get("bucket"));
    v.put("kms_key", first(estate.kmsKeys(), RandomIds.uuid(random)));
    v.put("database", first(estate.databases(), "orders-db"));
    v.put("secret", first(estate.secrets(), "prod/orders/db"));
    v.put("parameter", first(estate.parameters(), "/prod/orders/config"));
    v.put("security_group", first(estate.securityGroups(), "sg-0" + RandomIds.hex(random, 16)));
    v.put("user", actor.credentials().equals("user-key") ? user(actor).userName() : "");
    v.put("org", world.org().name());
    v.put("i", Integer.toString(i));
    v.put("n", Integer.toString(i + 1));
    v.put("instance_i", estate.instances().isEmpty() ? v.get("instance")
        : estate.instances().get(i % estate.instances().size()).id());
    v.put("bucket_i", cycle(estate.buckets(), i, v.get("bucket")));
    v.put("secret_i", cycle(estate.secrets(), i, v.get("secret")));
    v.put("parameter_i", cycle(estate.parameters(), i, v.get("parameter")));
    v.put("uuid", RandomIds.uuid(random));
    v.put("hex8", RandomIds.hex(random, 8));
    v.put("hex17", RandomIds.hex(random, 17));
    v.put("time", Instant.ofEpochMilli(time).toString());
    return v;
  }

  private static String first(List<String> list, String fallback) {
    return list.isEmpty() ? fallback : list.get(0);
  }

  private static String cycle(List<String> list, int i, String fallback) {
    return list.isEmpty() ? fallback : list.get(i % list.size());
  }
}
