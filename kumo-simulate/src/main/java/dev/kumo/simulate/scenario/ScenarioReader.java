package dev.kumo.simulate.scenario;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlChecks;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads scenarios from YAML (schema {@code docs/scenarios.md}) and validates them: every problem is
 * reported with the file, the line and the reason, all at once, in a {@link ScenarioException}.
 */
public final class ScenarioReader {
  /** Largest scenario file accepted. */
  public static final int MAX_CHARS = 1 << 20;
  /** Most records one action may ask for. */
  public static final int MAX_COUNT = 100_000;

  static final Set<String> THREATS = Set.of("app-exploitation", "misconfiguration", "upstream-movement",
      "ransomware", "data-theft", "cryptomining", "attack-infrastructure", "log-tampering");
  static final Set<String> TACTICS = Set.of("reconnaissance", "resource-development", "initial-access", "execution",
      "persistence", "privilege-escalation", "defense-evasion", "defense-impairment", "stealth", "credential-access",
      "discovery", "lateral-movement", "collection", "command-and-control", "exfiltration", "impact");
  static final Set<String> CREDENTIALS = Set.of("instance-role", "user-key", "role", "none");
  static final Set<String> ACCOUNTS = Set.of("production", "staging", "security", "shared-services", "management");
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final Pattern CALL = Pattern.compile("([a-z0-9-]+):([A-Za-z0-9]+)");
  private static final Pattern OFFSET = Pattern.compile("\\+?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final YamlChecks checks;
  private final String file;

  private ScenarioReader(String file) {
    this.file = file;
    this.checks = new YamlChecks(file);
  }

  /** Reads one scenario file. */
  public static Scenario read(Path path) throws IOException {
    if (Files.size(path) > MAX_CHARS) {
      throw new ScenarioException(List.of(path + ": larger than " + MAX_CHARS + " bytes"));
    }
    return read(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
  }

  /** Reads a scenario from text; {@code file} names it in messages. */
  public static Scenario read(String file, String text) {
    return new ScenarioReader(file).parse(new StringReader(text));
  }

  private Scenario parse(Reader in) {
    List<YamlReader.Document> docs = new YamlReader(MAX_CHARS).readAll(in);
    if (docs.size() != 1 || docs.get(0).error() != null || !(docs.get(0).root() instanceof YMap root)) {
      String why = docs.isEmpty() ? "empty file" : docs.get(0).error() != null ? docs.get(0).error()
          : docs.size() > 1 ? "one scenario per file" : "a scenario must be a map";
      throw new ScenarioException(List.of(file + ":" + (docs.isEmpty() ? 1 : docs.get(0).line()) + ": " + why));
    }
    checks.keys(root, "scenario", "title", "threat", "description", "start", "target", "actors", "steps");
    String id = checks.id(root, "scenario");
    String title = checks.text(root, "title", true);
    String threat = checks.text(root, "threat", true);
    if (threat != null && !THREATS.contains(threat)) {
      checks.error(root.lineOf("threat"), "unknown threat '" + threat + "' (one of " + sorted(THREATS) + ")");
    }
    String description = checks.text(root, "description", false);
    Duration start = offset(root, "start", Duration.ofDays(1));
    String account = "production";
    String region = null;
    if (root.get("target") instanceof YMap t) {
      checks.keys(t, "account", "region");
      String a = checks.text(t, "account", false);
      if (a != null) {
        if (!ACCOUNTS.contains(a)) {
          checks.error(t.lineOf("account"), "unknown account kind '" + a + "' (one of " + sorted(ACCOUNTS) + ")");
        }
        account = a;
      }
      region = checks.text(t, "region", false);
    } else if (root.get("target") != null) {
      checks.error(root.lineOf("target"), "'target' must be a map (account, region)");
    }
    Map<String, ScenarioActor> actors = actors(root);
    List<Scenario.Step> steps = steps(root, actors);
    chains(root, actors, steps);
    if (checks.hasErrors()) {
      throw new ScenarioException(checks.errors());
    }
    return new Scenario(id, title, threat, description == null ? "" : description.strip(), start, account, region,
        actors, steps, file);
  }

  private Map<String, ScenarioActor> actors(YMap root) {
    Map<String, ScenarioActor> out = new LinkedHashMap<>();
    if (!(root.get("actors") instanceof YMap m)) {
      checks.error(root.line(), "'actors' must be a map of actor name to its credentials and origin");
      return out;
    }
    for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
      if (!(e.getValue() instanceof YMap a)) {
        checks.error(m.lineOf(e.getKey()), "actor '" + e.getKey() + "' must be a map");
        continue;
      }
      checks.keys(a, "credentials", "instance", "user", "role", "from", "user_agent", "account", "assumed_by");
      String credentials = checks.text(a, "credentials", true);
      if (credentials != null && !CREDENTIALS.contains(credentials)) {
        checks.error(a.lineOf("credentials"), "unknown credentials '" + credentials + "' (one of " + sorted(CREDENTIALS) + ")");
      }
      String from = checks.text(a, "from", false);
      from = from == null ? "external" : from;
      if (!from.equals("external") && !from.equals("instance") && !IPV4.matcher(from).matches()) {
        checks.error(a.lineOf("from"), "'from' must be external, instance or an IPv4 address, not '" + from + "'");
      }
      String instance = checks.text(a, "instance", false);
      String role = checks.text(a, "role", false);
      if ("instance-role".equals(credentials) && instance == null) {
        checks.error(a.line(), "actor '" + e.getKey() + "' uses instance-role credentials: say which 'instance' (purpose)");
      }
      if ("role".equals(credentials) && role == null) {
        checks.error(a.line(), "actor '" + e.getKey() + "' uses role credentials: name the 'role'");
      }
      if (from.equals("instance") && instance == null) {
        checks.error(a.lineOf("from"), "actor '" + e.getKey() + "' calls from an instance: say which 'instance' (purpose)");
      }
      String account = checks.text(a, "account", false);
      if (account != null && !ACCOUNTS.contains(account)) {
        checks.error(a.lineOf("account"), "unknown account kind '" + account + "' (one of " + sorted(ACCOUNTS) + ")");
      }
      String assumedBy = checks.text(a, "assumed_by", false);
      if (assumedBy != null && credentials != null && !credentials.equals("role")) {
        checks.error(a.lineOf("assumed_by"), "actor '" + e.getKey() + "' uses " + credentials
            + " credentials: only role sessions are assumed by another actor");
      }
      out.put(e.getKey(), new ScenarioActor(e.getKey(), credentials == null ? "none" : credentials, instance,
          checks.text(a, "user", false), role, from, checks.text(a, "user_agent", false), account, assumedBy));
    }
    return out;
  }

  /**
   * Role chains: {@code assumed_by} names another actor with credentials, chains have no cycle, and an actor
   * assumed by a chained one acts only after it (whose session must exist by then).
   */
  private void chains(YMap root, Map<String, ScenarioActor> actors, List<Scenario.Step> steps) {
    if (!(root.get("actors") instanceof YMap m)) {
      return;
    }
    for (ScenarioActor a : actors.values()) {
      String by = a.assumedBy();
      if (by == null || !(m.get(a.name()) instanceof YMap node)) {
        continue;
      }
      int line = node.lineOf("assumed_by");
      ScenarioActor assumer = actors.get(by);
      String cycle = cycle(a, actors);
      if (assumer == null || by.equals(a.name())) {
        checks.error(line, "actor '" + a.name() + "' is assumed by '" + by + "': name another actor (declared: "
            + actors.keySet() + ")");
      } else if (assumer.credentials().equals("none")) {
        checks.error(line, "actor '" + by + "' has no credentials to assume the role of '" + a.name() + "' with");
      } else if (cycle != null) {
        checks.error(line, "assumed_by makes a cycle: " + cycle);
      } else if (assumer.assumedBy() != null && Scenario.firstStep(steps, a.name()) != null) {
        Scenario.Step mine = Scenario.firstStep(steps, a.name());
        Scenario.Step theirs = Scenario.firstStep(steps, by);
        if (theirs == null || theirs.at().compareTo(mine.at()) >= 0) {
          checks.error(line, "actor '" + a.name() + "' first acts (step '" + mine.id() + "') before '" + by
              + "', whose session assumes its role, has acted");
        }
      }
    }
  }

  /** The chain from {@code a} back to itself, like {@code a -> b -> a}, or null when it has none. */
  private static @Nullable String cycle(ScenarioActor a, Map<String, ScenarioActor> actors) {
    List<String> path = new ArrayList<>(List.of(a.name()));
    ScenarioActor at = a;
    while (at != null && at.assumedBy() != null && path.size() <= actors.size()) {
      path.add(at.assumedBy());
      if (at.assumedBy().equals(a.name())) {
        return String.join(" -> ", path);
      }
      at = actors.get(at.assumedBy());
    }
    return null;
  }

  private List<Scenario.Step> steps(YMap root, Map<String, ScenarioActor> actors) {
    List<Scenario.Step> out = new ArrayList<>();
    if (!(root.get("steps") instanceof YList list) || list.items().isEmpty()) {
      checks.error(root.line(), "'steps' must be a non-empty list");
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (YNode n : list.items()) {
      if (!(n instanceof YMap s)) {
        checks.error(n.line(), "a step must be a map");
        continue;
      }
      checks.keys(s, "step", "title", "technique", "tactic", "at", "actor", "cloudtrail", "flows", "billing", "alb", "auditd");
      String id = checks.id(s, "step");
      if (!ids.add(id)) {
        checks.error(s.lineOf("step"), "duplicate step id '" + id + "'");
      }
      String technique = checks.text(s, "technique", true);
      if (technique != null && !TECHNIQUE.matcher(technique).matches()) {
        checks.error(s.lineOf("technique"), "technique must look like T1234 or T1234.001, not '" + technique + "'");
      }
      String tactic = checks.text(s, "tactic", true);
      if (tactic != null) {
        tactic = tactic.toLowerCase(Locale.ROOT).replace(' ', '-');
        if (!TACTICS.contains(tactic)) {
          checks.error(s.lineOf("tactic"), "unknown tactic '" + tactic + "' (an ATT&CK tactic short name, e.g. impact)");
        }
      }
      String actor = checks.text(s, "actor", true);
      if (actor != null && !actors.containsKey(actor)) {
        checks.error(s.lineOf("actor"), "unknown actor '" + actor + "' (declared: " + actors.keySet() + ")");
      }
      List<ScenarioAction> actions = new ArrayList<>();
      if (s.get("cloudtrail") != null) {
        for (YMap c : maps(s, "cloudtrail")) {
          actions.add(apiCall(c));
        }
        if (actor != null && actors.containsKey(actor) && actors.get(actor).credentials().equals("none")) {
          checks.error(s.lineOf("cloudtrail"), "actor '" + actor + "' has no credentials and cannot make API calls");
        }
      }
      if (s.get("flows") != null) {
        for (YMap f : maps(s, "flows")) {
          actions.add(flows(f));
        }
        if (actor != null && actors.containsKey(actor) && actors.get(actor).instance() == null) {
          checks.error(s.lineOf("flows"), "flows come from an instance: give actor '" + actor + "' an 'instance'");
        }
      }
      if (s.get("billing") != null) {
        for (YMap b : maps(s, "billing")) {
          actions.add(billing(b));
        }
      }
      if (s.get("alb") != null) {
        for (YMap a : maps(s, "alb")) {
          actions.add(web(a));
        }
      }
      if (s.get("auditd") != null) {
        for (YMap a : maps(s, "auditd")) {
          actions.add(files(a));
        }
      }
      if (actions.isEmpty()) {
        checks.error(s.line(), "step '" + id + "' leaves no records: give it cloudtrail, flows, billing, alb or auditd");
      }
      out.add(new Scenario.Step(id, checks.text(s, "title", true), technique, tactic, offset(s, "at", Duration.ZERO), actor,
          actions));
    }
    return out;
  }

  private ScenarioAction.ApiCall apiCall(YMap c) {
    checks.keys(c, "call", "count", "every", "region", "data", "request", "response", "error", "error_message",
        "resources");
    String call = checks.text(c, "call", true);
    String service = "?";
    String name = "?";
    if (call != null) {
      var m = CALL.matcher(call);
      if (m.matches()) {
        service = m.group(1);
        name = m.group(2);
      } else {
        checks.error(c.lineOf("call"), "'call' must be service:Operation (e.g. s3:DeleteObjects), not '" + call + "'");
      }
    }
    List<ScenarioAction.ResourceSpec> resources = new ArrayList<>();
    if (c.get("resources") != null) {
      for (YMap r : maps(c, "resources")) {
        checks.keys(r, "arn", "type");
        String arn = checks.text(r, "arn", true);
        String type = checks.text(r, "type", true);
        if (arn != null && type != null) {
          resources.add(new ScenarioAction.ResourceSpec(arn, type));
        }
      }
    }
    for (String body : List.of("request", "response")) {
      if (c.get(body) != null && !(c.get(body) instanceof YMap)) {
        checks.error(c.lineOf(body), "'" + body + "' must be a map (the event's " + body + " parameters)");
      }
    }
    List<String> unknown = new ArrayList<>(Variables.unknown(c.get("request")));
    unknown.addAll(Variables.unknown(c.get("response")));
    for (ScenarioAction.ResourceSpec r : resources) {
      Variables.unknown(r.arn()).forEach(u -> unknown.add(c.lineOf("resources") + u.substring(u.indexOf(':'))));
    }
    for (String u : unknown) {
      int colon = u.indexOf(':');
      checks.error(Integer.parseInt(u.substring(0, colon)), u.substring(colon + 2));
    }
    return new ScenarioAction.ApiCall(service, name, count(c), offset(c, "every", Duration.ofSeconds(1)),
        checks.text(c, "region", false), checks.bool(c, "data", false), c.get("request"), c.get("response"), checks.text(c, "error", false),
        checks.text(c, "error_message", false), resources);
  }

  private ScenarioAction.Flows flows(YMap f) {
    checks.keys(f, "to", "destinations", "port", "protocol", "packets", "bytes", "count", "every");
    String to = checks.text(f, "to", true);
    if (to != null && !to.equals("mining-pool") && !to.equals("external") && !IPV4.matcher(to).matches()) {
      checks.error(f.lineOf("to"), "'to' must be mining-pool, external or an IPv4 address, not '" + to + "'");
    }
    String protocol = checks.text(f, "protocol", false);
    int proto = protocol == null || protocol.equals("tcp") ? 6 : protocol.equals("udp") ? 17 : -1;
    if (proto < 0) {
      checks.error(f.lineOf("protocol"), "'protocol' must be tcp or udp");
    }
    return new ScenarioAction.Flows(to == null ? "external" : to, (int) number(f, "destinations", 1, 1, 100_000),
        (int) number(f, "port", 0, 0, 65535), proto, number(f, "packets", 10, 1, Long.MAX_VALUE / 4),
        number(f, "bytes", 1_000, 1, Long.MAX_VALUE / 4), count(f), offset(f, "every", Duration.ofMinutes(1)));
  }

  private ScenarioAction.Billing billing(YMap b) {
    checks.keys(b, "product", "usage_type", "operation", "region", "amount", "unit", "rate", "instance_type", "days");
    String product = checks.text(b, "product", true);
    String usage = checks.text(b, "usage_type", true);
    double amount = decimal(b, "amount");
    double rate = decimal(b, "rate");
    String operation = checks.text(b, "operation", false);
    String unit = checks.text(b, "unit", false);
    String type = checks.text(b, "instance_type", false);
    return new ScenarioAction.Billing(product == null ? "?" : product, usage == null ? "?" : usage,
        operation == null ? "RunInstances" : operation, checks.text(b, "region", false), amount, unit == null ? "Hrs" : unit,
        rate, type == null ? "" : type, (int) number(b, "days", 1, 1, 366));
  }

  private ScenarioAction.WebRequests web(YMap a) {
    checks.keys(a, "method", "path", "status", "user_agent", "count", "every");
    String method = checks.text(a, "method", false);
    String path = checks.text(a, "path", true);
    if (path != null && !path.startsWith("/")) {
      checks.error(a.lineOf("path"), "'path' must start with /");
    }
    if (path != null) {
      Variables.unknown(path).forEach(u -> checks.error(a.lineOf("path"), u.substring(u.indexOf(':') + 2)));
    }
    String agent = checks.text(a, "user_agent", false);
    return new ScenarioAction.WebRequests(method == null ? "GET" : method, path == null ? "/" : path,
        (int) number(a, "status", 200, 100, 599), agent == null ? "Mozilla/5.0 zgrab/0.x" : agent, count(a),
        offset(a, "every", Duration.ofSeconds(1)));
  }

  private ScenarioAction.FileActivity files(YMap a) {
    checks.keys(a, "host", "activity", "extension", "exe", "count", "every");
    String activity = checks.text(a, "activity", true);
    if (activity != null && !activity.equals("encrypt-rename") && !activity.equals("write-unlink")) {
      checks.error(a.lineOf("activity"), "'activity' must be encrypt-rename or write-unlink, not '" + activity + "'");
    }
    String extension = checks.text(a, "extension", false);
    if (extension != null && !extension.matches("\\.[A-Za-z0-9_-]{1,16}")) {
      checks.error(a.lineOf("extension"), "'extension' must look like .encrypt");
    }
    String exe = checks.text(a, "exe", false);
    if (exe != null && !exe.startsWith("/")) {
      checks.error(a.lineOf("exe"), "'exe' must be an absolute path");
    }
    return new ScenarioAction.FileActivity(checks.text(a, "host", false), activity == null ? "encrypt-rename" : activity,
        extension == null ? ".encrypt" : extension, exe == null ? "/tmp/.x/encryptor" : exe, count(a),
        offset(a, "every", Duration.ofMillis(200)));
  }

  private int count(YMap m) {
    return (int) number(m, "count", 1, 1, MAX_COUNT);
  }

  private List<YMap> maps(YMap parent, String key) {
    List<YMap> out = new ArrayList<>();
    if (!(parent.get(key) instanceof YList list)) {
      checks.error(parent.lineOf(key), "'" + key + "' must be a list");
      return out;
    }
    for (YNode n : list.items()) {
      if (n instanceof YMap m) {
        out.add(m);
      } else {
        checks.error(n.line(), "each entry of '" + key + "' must be a map");
      }
    }
    return out;
  }

  private long number(YMap m, String key, long fallback, long min, long max) {
    String v = checks.text(m, key, false);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n < min || n > max) {
        checks.error(m.lineOf(key), "'" + key + "' must be between " + min + " and " + max + ", not " + n);
        return fallback;
      }
      return n;
    } catch (NumberFormatException e) {
      checks.error(m.lineOf(key), "'" + key + "' must be a whole number, not '" + v + "'");
      return fallback;
    }
  }

  private double decimal(YMap m, String key) {
    String v = checks.text(m, key, true);
    if (v == null) {
      return 0;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0) || Double.isInfinite(d)) {
        checks.error(m.lineOf(key), "'" + key + "' must be a non-negative number");
      }
      return d;
    } catch (NumberFormatException e) {
      checks.error(m.lineOf(key), "'" + key + "' must be a number, not '" + v + "'");
      return 0;
    }
  }

  private Duration offset(YMap m, String key, Duration fallback) {
    String v = checks.text(m, key, false);
    if (v == null) {
      return fallback;
    }
    Duration d = parseOffset(v);
    if (d == null) {
      checks.error(m.lineOf(key), "'" + key + "' must be an offset like +2d4h, +45m or 30s, not '" + v + "'");
      return fallback;
    }
    return d;
  }

  /** {@code +2d4h30m10s} (any part optional, at least one present) as a duration; null if malformed. */
  static @Nullable Duration parseOffset(String text) {
    var m = OFFSET.matcher(text.strip());
    if (text.isBlank() || !m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null
        && m.group(4) == null)) {
      return null;
    }
    try {
      return Duration.ofDays(part(m.group(1))).plusHours(part(m.group(2))).plusMinutes(part(m.group(3)))
          .plusSeconds(part(m.group(4)));
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static long part(@Nullable String s) {
    return s == null ? 0 : Math.min(Long.parseLong(s), 1_000_000L);
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
