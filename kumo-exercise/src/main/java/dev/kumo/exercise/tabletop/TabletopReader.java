package dev.kumo.exercise.tabletop;

import dev.kumo.sigma.yaml.YMap;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a tabletop scenario (schema in {@code docs/tabletop.md}).
 *
 * <p>Validation is complete before a {@link Tabletop} is returned: required fields, unknown keys, unique ids
 * (injects, decisions and distractors share one namespace), offsets that parse and never go backwards, owners that
 * are declared roles, positive decision weights, negative distractor weights, {@code before} references to
 * decisions that exist, and playbook links of the form {@code path.md#anchor}. Stateless and thread-safe.
 */
public final class TabletopReader {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final Pattern PLAYBOOK = Pattern.compile("[A-Za-z0-9_./-]+\\.md#[a-z0-9-]+");
  private static final Set<String> TOP = Set.of("id", "title", "threat", "summary", "roles", "objectives", "injects");
  private static final Set<String> INJECT = Set.of("id", "at", "title", "text", "techniques", "decisions",
      "distractors");
  private static final Set<String> DECISION = Set.of("id", "text", "owner", "weight", "playbook", "keywords",
      "before");
  private static final Set<String> DISTRACTOR = Set.of("id", "text", "weight", "why", "keywords");

  private TabletopReader() {}

  /**
   * Reads one scenario.
   *
   * @param file the file or resource name used in error messages
   * @throws TabletopException naming the file, line, path in the document and reason of the first problem
   */
  public static Tabletop read(Reader in, String file) {
    YamlFields y = new YamlFields(file);
    YMap root = y.root(in);
    y.onlyKeys(root, "", TOP);
    String id = y.required(root, "", "id");
    checkId(y, root, "id", id);
    String title = y.required(root, "", "title");
    Threat threat;
    try {
      threat = Threat.parse(y.required(root, "", "threat"));
    } catch (TabletopException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw y.fail(root.lineOf("threat"), "threat", e.getMessage());
    }
    String summary = y.required(root, "", "summary");
    List<Role> roles = roles(y, root);
    List<String> objectives = y.strings(root, "", "objectives");
    if (objectives.isEmpty()) {
      throw y.fail(root.lineOf("objectives"), "objectives", "required: list at least one objective");
    }
    Set<String> roleNames = new HashSet<>();
    roles.forEach(r -> roleNames.add(r.name()));
    List<YMap> injectMaps = y.maps(root, "", "injects");
    if (injectMaps.isEmpty()) {
      throw y.fail(root.lineOf("injects"), "injects", "required: list at least one inject");
    }
    Map<String, String> ids = new HashMap<>();
    List<Inject> injects = new ArrayList<>();
    Map<String, Integer> beforeLines = new HashMap<>();
    Duration last = Duration.ZERO;
    for (int i = 0; i < injectMaps.size(); i++) {
      Inject inject = inject(y, injectMaps.get(i), "injects[" + i + "]", roleNames, ids, beforeLines);
      if (inject.at().compareTo(last) < 0) {
        throw y.fail(injectMaps.get(i).lineOf("at"), "injects[" + i + "].at",
            "offset " + inject.atText() + " is earlier than the inject before it (" + Offsets.format(last) + ")");
      }
      last = inject.at();
      injects.add(inject);
    }
    Tabletop t = new Tabletop(id, title, threat, summary, roles, objectives, injects, file);
    Set<String> decisionIds = new HashSet<>();
    t.decisions().forEach(d -> decisionIds.add(d.id()));
    for (Decision d : t.decisions()) {
      if (d.before() != null && (!decisionIds.contains(d.before()) || d.before().equals(d.id()))) {
        throw y.fail(beforeLines.get(d.id()), ids.get(d.id()) + ".before",
            "'" + d.before() + "' is not another decision of this tabletop");
      }
    }
    if (t.decisions().isEmpty()) {
      throw y.fail(root.lineOf("injects"), "injects", "no inject expects any decision: nothing to score");
    }
    return t;
  }

  private static List<Role> roles(YamlFields y, YMap root) {
    List<YMap> maps = y.maps(root, "", "roles");
    if (maps.isEmpty()) {
      throw y.fail(root.lineOf("roles"), "roles", "required: list at least one role");
    }
    List<Role> roles = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < maps.size(); i++) {
      String path = "roles[" + i + "]";
      YMap m = maps.get(i);
      y.onlyKeys(m, path, Set.of("name", "description"));
      String name = y.required(m, path, "name");
      checkId(y, m, path + ".name", name);
      if (!seen.add(name)) {
        throw y.fail(m.lineOf("name"), path + ".name", "duplicate role '" + name + "'");
      }
      roles.add(new Role(name, y.required(m, path, "description")));
    }
    return roles;
  }

  private static Inject inject(YamlFields y, YMap m, String path, Set<String> roles, Map<String, String> ids,
      Map<String, Integer> beforeLines) {
    y.onlyKeys(m, path, INJECT);
    String id = uniqueId(y, m, path, ids);
    Duration at;
    try {
      at = Offsets.parse(y.required(m, path, "at"));
    } catch (TabletopException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw y.fail(m.lineOf("at"), path + ".at", e.getMessage());
    }
    List<String> techniques = y.strings(m, path, "techniques");
    for (String t : techniques) {
      if (!TECHNIQUE.matcher(t).matches()) {
        throw y.fail(m.lineOf("techniques"), path + ".techniques", "'" + t + "' is not an ATT&CK id like T1552.005");
      }
    }
    List<Decision> decisions = new ArrayList<>();
    List<YMap> dm = y.maps(m, path, "decisions");
    for (int i = 0; i < dm.size(); i++) {
      decisions.add(decision(y, dm.get(i), path + ".decisions[" + i + "]", roles, ids, beforeLines));
    }
    List<Distractor> distractors = new ArrayList<>();
    List<YMap> xm = y.maps(m, path, "distractors");
    for (int i = 0; i < xm.size(); i++) {
      String p = path + ".distractors[" + i + "]";
      YMap x = xm.get(i);
      y.onlyKeys(x, p, DISTRACTOR);
      String xid = uniqueId(y, x, p, ids);
      int weight = y.integer(x, p, "weight");
      if (weight >= 0) {
        throw y.fail(x.lineOf("weight"), p + ".weight", "a distractor's weight must be negative (it costs points)");
      }
      distractors.add(new Distractor(xid, y.required(x, p, "text"), weight, y.required(x, p, "why"),
          y.strings(x, p, "keywords")));
    }
    return new Inject(id, at, y.required(m, path, "title"), y.required(m, path, "text"), techniques, decisions,
        distractors);
  }

  private static Decision decision(YamlFields y, YMap m, String path, Set<String> roles, Map<String, String> ids,
      Map<String, Integer> beforeLines) {
    y.onlyKeys(m, path, DECISION);
    String id = uniqueId(y, m, path, ids);
    String text = y.required(m, path, "text");
    String owner = y.required(m, path, "owner");
    if (!roles.contains(owner)) {
      throw y.fail(m.lineOf("owner"), path + ".owner", "unknown role '" + owner + "' (roles: "
          + String.join(", ", new java.util.TreeSet<>(roles)) + ")");
    }
    int weight = y.integer(m, path, "weight");
    if (weight <= 0) {
      throw y.fail(m.lineOf("weight"), path + ".weight", "a decision's weight must be positive, not " + weight);
    }
    String playbook = y.required(m, path, "playbook");
    if (!PLAYBOOK.matcher(playbook).matches()) {
      throw y.fail(m.lineOf("playbook"), path + ".playbook",
          "'" + playbook + "' is not a link to a playbook step like docs/playbooks/ransomware.md#snapshot-volumes");
    }
    String before = y.optional(m, path, "before");
    beforeLines.put(id, m.lineOf("before"));
    return new Decision(id, text, owner, weight, playbook, y.strings(m, path, "keywords"),
        before == null ? null : before.strip());
  }

  private static String uniqueId(YamlFields y, YMap m, String path, Map<String, String> ids) {
    String id = y.required(m, path, "id");
    checkId(y, m, path + ".id", id);
    String previous = ids.putIfAbsent(id, path);
    if (previous != null) {
      throw y.fail(m.lineOf("id"), path + ".id", "duplicate id '" + id + "' (already used at " + previous + ")");
    }
    return id;
  }

  private static void checkId(YamlFields y, YMap m, String path, String id) {
    if (!ID.matcher(id).matches()) {
      throw y.fail(m.lineOf(path.substring(path.lastIndexOf('.') + 1)), path,
          "'" + id + "' is not an id: use lower-case letters, digits and '-' (at most 64)");
    }
  }
}
