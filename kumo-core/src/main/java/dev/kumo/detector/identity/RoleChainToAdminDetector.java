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
import dev.kumo.finding.Reasons;
import dev.kumo.intel.Intel;
import dev.kumo.json.FieldPath;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import java.io.Serializable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Role chaining: follows {@code sts:AssumeRole} from the caller's credentials to the session it
 * creates ({@code responseElements.credentials.accessKeyId}), so every session knows the chain
 * that led to it: where it started (a user, an EC2 instance role, a workload role issued by a
 * compute service or by web-identity federation, a role session of unknown origin), how many hops
 * it took and whether it crossed accounts.
 *
 * <p>High when a chain of {@code min-hops} (default 2) or more hops that started from an
 * instance or workload role, or crossed accounts, reaches an administrative role: one whose name
 * says so (admin, administrator, OrganizationAccountAccessRole, poweruser, root, fullaccess), or that
 * was seen earlier in the data receiving {@code AdministratorAccess} (AttachRolePolicy) or an inline
 * policy allowing {@code "Action": "*"} (PutRolePolicy). Medium when any chain reaches
 * {@code max-depth} hops (role juggling). One finding per chain origin and target role per
 * {@code repeat-after}; the same origin and target again after that is a routine path (central
 * jump roles, hub-and-spoke administration) and reported low.
 */
public final class RoleChainToAdminDetector implements Detector {
  private static final long serialVersionUID = 1L;
  public static final String NAME = "kumo_aws_role_chain_to_admin";

  static final Setting<Integer> MIN_HOPS = Setting.integer("min-hops", 2,
      "AssumeRole hops a chain needs before reaching an admin role is reported");
  static final Setting<Integer> MAX_DEPTH = Setting.integer("max-depth", 4,
      "chains of this many hops or more are reported (medium) whatever role they reach");
  static final Setting<Integer> MAX_SESSIONS = Setting.integer("max-sessions", 100_000,
      "sessions whose chain is remembered; beyond this the least recently used is forgotten");
  static final Setting<Duration> REPEAT = Setting.duration("repeat-after", Duration.ofDays(1),
      "the same chain origin and target role are reported again only after this long");
  public static final List<Setting<?>> SETTINGS = List.of(MIN_HOPS, MAX_DEPTH, MAX_SESSIONS, REPEAT);

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneOffset.UTC);
  private static final int SESSION = 0;
  private static final int ADMIN_GRANT = 1;
  /** Roles (and evidence ids) a chain keeps; longer chains keep their first and latest. */
  private static final int MAX_PATH = 8;

  /** Names of administrative roles (matched anywhere in the role name, case-insensitive). */
  private static final Pattern ADMIN_NAME = Pattern.compile(
      "(?i)admin|organizationaccountaccessrole|power-?user|full-?access|(?:^|[^a-z])root(?:$|[^a-z])");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
  private static final Pattern CREDENTIAL = Pattern.compile("[\\w+=,.@:/-]{1,512}");
  /** Compute services whose role sessions are workloads. */
  private static final Set<String> WORKLOAD_SERVICES = Set.of("lambda.amazonaws.com", "ecs-tasks.amazonaws.com",
      "codebuild.amazonaws.com", "glue.amazonaws.com", "sagemaker.amazonaws.com", "batch.amazonaws.com",
      "tasks.apprunner.amazonaws.com", "pods.eks.amazonaws.com", "eks.amazonaws.com", "states.amazonaws.com");
  private static final FieldPath IDENTITY_PROVIDER = FieldPath.of("userIdentity.identityProvider");
  private static final JsonTreeReader POLICY = new JsonTreeReader(32, 1 << 20);

  private static final RuleMeta META = DetectorMeta.of(NAME, "3b9e6c1d-7a4f-4d2e-8c5b-9f0a2e7d1c68",
      "AWS Role Chain Reaches an Administrative Role")
      .description("Follows AssumeRole calls from session to session. A chain of two or more hops that started from "
          + "an EC2 instance or workload role, or crossed accounts, and ends in an administrative role (by name, or "
          + "granted AdministratorAccess or Action * earlier) is how stolen workload credentials become admin access; "
          + "very deep chains (role juggling) keep stolen access alive.")
      .level(Level.HIGH)
      .tags("attack.privilege-escalation", "attack.t1078.004", "attack.lateral-movement", "attack.t1550.001",
          "kumo.threat.upstream-movement")
      .references("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining",
          "https://hackingthe.cloud/aws/post_exploitation/role-chain-juggling/")
      .falsepositives("Hub-and-spoke access where a jump role in a central account assumes admin roles in others")
      .build();

  private final int minHops;
  private final int maxDepth;
  private final int maxSessions;
  private final Duration repeat;

  public RoleChainToAdminDetector(DetectorConfig config, Intel intel) {
    this.minHops = Math.max(1, MIN_HOPS.read(config, NAME));
    this.maxDepth = Math.max(2, MAX_DEPTH.read(config, NAME));
    this.maxSessions = Math.max(1, MAX_SESSIONS.read(config, NAME));
    this.repeat = REPEAT.read(config, NAME);
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
    return List.of(MIN_HOPS.describe(minHops), MAX_DEPTH.describe(maxDepth), MAX_SESSIONS.describe(maxSessions),
        REPEAT.describe(repeat));
  }

  @Override
  public Combine combine(int kind) {
    return kind == ADMIN_GRANT ? Combine.FIRST : Combine.ALL;
  }

  /** Where a chain started. */
  enum Origin {
    USER("user", false), ROOT("root user", false), ROLE("role session", false), ACCOUNT("account", false),
    INSTANCE("EC2 instance role", true), WORKLOAD("workload role", true), SERVICE("service session", false);

    final String label;
    final boolean workload;

    Origin(String label, boolean workload) {
      this.label = label;
      this.workload = workload;
    }
  }

  @Override
  public void observe(NormalizedEvent e, Observer out) {
    String op = e.api().operation();
    if (op == null || e.api().failed()) {
      return;
    }
    String service = e.api().service();
    if ("sts.amazonaws.com".equals(service)) {
      if (op.equals("AssumeRole") || op.equals("AssumeRoleWithWebIdentity")) {
        observeAssumeRole(e, op, out);
      }
    } else if ("iam.amazonaws.com".equals(service)) {
      if (op.equals("AttachRolePolicy") || op.equals("PutRolePolicy")) {
        observeGrant(e, op, out);
      }
    }
  }

  private static void observeAssumeRole(NormalizedEvent e, String op, Observer out) {
    JsonObject raw = e.raw();
    JsonObject req = raw.getObject("requestParameters");
    JsonObject resp = raw.getObject("responseElements");
    if (req == null || resp == null) {
      return;
    }
    String roleArn = req.getString("roleArn");
    JsonObject creds = resp.getObject("credentials");
    JsonObject assumed = resp.getObject("assumedRoleUser");
    String newKey = creds == null ? null : creds.getString("accessKeyId");
    String newArn = assumed == null ? null : assumed.getString("arn");
    String session = newKey != null && !newKey.isEmpty() ? newKey : newArn;
    if (roleArn == null || session == null || !ROLE_ARN.matcher(roleArn).matches()
        || !CREDENTIAL.matcher(session).matches()) {
      return;
    }
    Actor a = e.actor();
    Origin origin;
    String callerKey;
    String callerLabel;
    boolean starts;
    if (op.equals("AssumeRoleWithWebIdentity")) {
      // Federation: the session starts a chain; the identity provider names it.
      origin = Origin.WORKLOAD;
      starts = true;
      String provider = IDENTITY_PROVIDER.firstText(raw);
      callerKey = "";
      callerLabel = "web identity" + (provider == null ? "" : " " + provider);
    } else if ("AWSService".equals(a.identityType()) || a.invokedBy() != null) {
      // A service assuming a role for a resource (an instance profile, a function, a task).
      String svc = a.invokedBy() != null ? a.invokedBy() : a.principal() != null ? a.principal() : "AWS service";
      origin = svc.equals("ec2.amazonaws.com") ? Origin.INSTANCE
          : WORKLOAD_SERVICES.contains(svc) ? Origin.WORKLOAD : Origin.SERVICE;
      starts = true;
      callerKey = "";
      callerLabel = svc;
    } else {
      String type = a.identityType();
      origin = "IAMUser".equals(type) ? Origin.USER : "Root".equals(type) ? Origin.ROOT
          : "AWSAccount".equals(type) ? Origin.ACCOUNT
          : "AssumedRole".equals(type) && Identities.isInstanceSession(e) ? Origin.INSTANCE : Origin.ROLE;
      starts = false;
      String label = a.label();
      callerKey = a.accessKeyId() != null ? a.accessKeyId() : label != null ? label : "";
      callerLabel = label == null ? "unknown caller" : Reasons.shortPrincipal(label);
    }
    String callerAccount = Identities.CALLER_ACCOUNT.firstText(raw);
    String value = String.join("\n", session, roleArn, origin.name(), starts ? "1" : "0",
        callerAccount == null ? "" : callerAccount, callerLabel);
    if (callerKey.indexOf('\n') >= 0 || value.chars().filter(c -> c == '\n').count() != 5) {
      return; // a hostile value: the fields could not be told apart
    }
    out.emit(SESSION, callerKey, value, 0);
  }

  private static void observeGrant(NormalizedEvent e, String op, Observer out) {
    JsonObject req = e.raw().getObject("requestParameters");
    String account = e.cloud().account();
    if (req == null || account == null) {
      return;
    }
    String role = req.getString("roleName");
    if (role == null || role.isEmpty()) {
      return;
    }
    boolean admin;
    if (op.equals("AttachRolePolicy")) {
      String policy = req.getString("policyArn");
      admin = policy != null && policy.startsWith("arn:aws") && policy.endsWith(":policy/AdministratorAccess");
    } else {
      Object doc = req.get("policyDocument");
      admin = doc instanceof JsonObject parsed ? allowsEverything(parsed) : doc instanceof String text
          && allowsEverything(text);
    }
    if (admin) {
      out.emit(ADMIN_GRANT, account + ":" + Identities.lastSegment(role), req.getString("policyArn") != null
          ? "AdministratorAccess" : "inline policy allowing Action *", 0);
    }
  }

  /** Whether a policy document (JSON, possibly URL-encoded) allows {@code "Action": "*"}. */
  static boolean allowsEverything(@Nullable String document) {
    if (document == null || document.isEmpty()) {
      return false;
    }
    String text = document.strip();
    if (text.startsWith("%7B") || text.startsWith("%7b")) {
      try {
        text = URLDecoder.decode(text, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException ex) {
        return false;
      }
    }
    Object doc;
    try {
      doc = POLICY.read(text);
    } catch (RuntimeException ex) {
      return false;
    }
    return doc instanceof JsonObject policy && allowsEverything(policy);
  }

  private static boolean allowsEverything(JsonObject policy) {
    Object statements = policy.get("Statement");
    List<Object> list = statements instanceof JsonArray arr ? arr : statements == null ? List.of() : List.of(statements);
    for (Object s : list) {
      if (s instanceof JsonObject st && "Allow".equals(st.getString("Effect")) && isStar(st.get("Action"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isStar(@Nullable Object action) {
    if ("*".equals(action)) {
      return true;
    }
    if (action instanceof JsonArray arr) {
      for (Object o : arr) {
        if ("*".equals(o)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public DetectorState start() {
    return new State();
  }

  /** The chain behind one session. */
  private record Chain(Origin origin, String originLabel, int hops, boolean crossed, List<String> path,
      List<String> evidence) implements Serializable {}

  private final class State implements DetectorState {
    private static final long serialVersionUID = 1L;

    private final BoundedMap<String, Chain> sessions = new BoundedMap<>(maxSessions);
    /** {@code account:roleName} of roles granted admin rights, with how. */
    private final BoundedMap<String, String> adminRoles = new BoundedMap<>(Math.max(1, maxSessions / 10));
    /** When each origin and target was first and last reported. */
    private final BoundedMap<String, Instant[]> reported = new BoundedMap<>(Math.max(1, maxSessions / 10));

    @Override
    public void accept(Observation o, Alerts alerts) {
      if (o.kind() == ADMIN_GRANT) {
        if (o.value() != null) {
          adminRoles.putIfAbsent(o.key(), o.value());
        }
        return;
      }
      String[] f = o.value() == null ? new String[0] : o.value().split("\n", -1);
      if (f.length != 6) {
        return;
      }
      String session = f[0];
      String roleArn = f[1];
      Origin origin = Origin.valueOf(f[2]);
      boolean starts = f[3].equals("1");
      String callerAccount = f[4];
      String callerLabel = f[5];
      String targetAccount = Identities.accountOf(roleArn);
      String targetName = Identities.lastSegment(roleArn);
      String hop = "role/" + targetName + " (" + targetAccount + ")";
      Chain chain;
      if (starts) {
        chain = new Chain(origin, callerLabel + " → role/" + targetName, 0, false, List.of(callerLabel, hop),
            List.of(o.eventId()));
      } else {
        Chain parent = o.key().isEmpty() ? null : sessions.get(o.key());
        String callerArn = o.event().principal();
        if (parent == null && callerArn != null) {
          parent = sessions.get(callerArn);
        }
        if (parent == null) {
          parent = new Chain(origin, callerLabel, 0, false, List.of(callerLabel), List.of());
        }
        boolean crossed = parent.crossed || (targetAccount != null && !callerAccount.isEmpty()
            && !targetAccount.equals(callerAccount));
        chain = new Chain(parent.origin, parent.originLabel, parent.hops + 1, crossed, append(parent.path, hop, "…"),
            append(parent.evidence, o.eventId(), null));
      }
      Chain existing = sessions.get(session);
      if (existing != null && (existing.hops > chain.hops
          || (existing.hops == chain.hops && (existing.origin != Origin.ACCOUNT || chain.origin == Origin.ACCOUNT)))) {
        // The same session logged twice (in the caller's and in the role's account, where the
        // caller is only an AWSAccount): keep what says more about the chain.
        return;
      }
      sessions.put(session, chain);
      judge(chain, roleArn, targetAccount, targetName, o, alerts);
    }

    private void judge(Chain c, String roleArn, @Nullable String account, String name, Observation o, Alerts alerts) {
      String grant = adminRoles.get(account + ":" + name);
      boolean adminName = ADMIN_NAME.matcher(name).find();
      boolean admin = adminName || grant != null;
      Level level;
      String dedupe;
      boolean toAdmin = c.hops >= minHops && admin && (c.origin.workload || c.crossed);
      if (toAdmin) {
        level = Level.HIGH;
        dedupe = c.originLabel + "\n" + roleArn;
      } else if (c.hops >= maxDepth) {
        level = Level.MEDIUM;
        dedupe = c.originLabel + "\n" + "depth";
      } else {
        return;
      }
      Instant[] before = reported.get(dedupe);
      if (before != null && o.time().isBefore(before[1].plus(repeat))) {
        return;
      }
      reported.put(dedupe, new Instant[] {before == null ? o.time() : before[0], o.time()});
      if (before != null) {
        level = Level.LOW; // the same path again on a later day: a routine hub-and-spoke path, not an intrusion
      }
      StringBuilder sb = new StringBuilder("role chain of ").append(c.hops).append(" hops from ")
          .append(c.origin.label).append(' ').append(Reasons.cut(c.originLabel));
      if (toAdmin) {
        sb.append(" reached administrative role ").append(Reasons.cut(name)).append(" (")
            .append(adminName ? "by its name" : "granted " + grant + " earlier").append(')');
      } else {
        sb.append(" reached ").append(Reasons.cut(name));
      }
      if (c.crossed) {
        sb.append(", crossing accounts");
      }
      sb.append(": ").append(String.join(" → ", c.path.stream().map(Reasons::cut).toList()));
      if (before != null) {
        sb.append("; the same since ").append(MINUTE.format(before[0]));
      }
      alerts.raise(new Alert(level, sb.toString(), o.event(), c.evidence));
    }

    /** The list with {@code item} added, keeping the first and the latest entries (and a marker between). */
    private List<String> append(List<String> list, String item, @Nullable String gap) {
      List<String> out = new ArrayList<>(MAX_PATH);
      if (list.size() < MAX_PATH) {
        out.addAll(list);
      } else {
        out.add(list.get(0));
        int keep = MAX_PATH - (gap == null ? 2 : 3);
        if (gap != null) {
          out.add(gap);
        }
        out.addAll(list.subList(list.size() - keep, list.size()));
      }
      out.add(item);
      return List.copyOf(out);
    }

    // advance: the default; every alert is raised by the observation that completes its chain, nothing waits for time

    @Override
    public void finish(Alerts alerts) {}

    @Override
    public long size() {
      return sessions.size() + adminRoles.size() + reported.size();
    }

    @Override
    public long evicted() {
      return sessions.evicted() + adminRoles.evicted() + reported.evicted();
    }
  }
}
