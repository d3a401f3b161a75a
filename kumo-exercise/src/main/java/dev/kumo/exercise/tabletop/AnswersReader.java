package dev.kumo.exercise.tabletop;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads an answers file and checks it against its tabletop:
 *
 * <pre>
 * tabletop: ransomware-s3
 * team:
 *   - {name: Aiko, role: incident-commander}
 * injects:
 *   detection:
 *     at: 2026-03-10T10:00:00Z
 *     owners: [incident-commander, soc-analyst]
 *     actions:
 *       - open-case                                  # a decision or distractor id
 *       - do: snapshot every volume of the instance  # free text, matched by keywords
 *         owner: cloud-engineer
 *         at: 2026-03-10T10:04:00Z
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class AnswersReader {
  private AnswersReader() {}

  /**
   * Reads answers for {@code tabletop}.
   *
   * @throws TabletopException naming file, line, path and reason: unknown inject or role, another tabletop's id,
   *     bad timestamp, missing fields
   */
  public static Answers read(Reader in, String file, Tabletop tabletop) {
    YamlFields y = new YamlFields(file);
    YMap root = y.root(in);
    y.onlyKeys(root, "", Set.of("tabletop", "team", "injects"));
    String id = y.required(root, "", "tabletop");
    if (!id.equals(tabletop.id())) {
      throw y.fail(root.lineOf("tabletop"), "tabletop", "answers are for '" + id + "', not '" + tabletop.id() + "'");
    }
    List<Answers.Member> team = new ArrayList<>();
    List<YMap> members = y.maps(root, "", "team");
    for (int i = 0; i < members.size(); i++) {
      String p = "team[" + i + "]";
      y.onlyKeys(members.get(i), p, Set.of("name", "role"));
      String role = y.required(members.get(i), p, "role");
      checkRole(y, tabletop, members.get(i).lineOf("role"), p + ".role", role);
      team.add(new Answers.Member(y.required(members.get(i), p, "name"), role));
    }
    Map<String, Answers.Response> responses = new LinkedHashMap<>();
    YNode injects = root.get("injects");
    if (injects != null && !(injects instanceof YScalar s && s.value() == null)) {
      if (!(injects instanceof YMap im)) {
        throw y.fail(injects.line(), "injects", "must map inject ids to responses");
      }
      for (Map.Entry<String, YNode> e : im.entries().entrySet()) {
        String p = "injects." + e.getKey();
        if (tabletop.inject(e.getKey()).isEmpty()) {
          throw y.fail(im.lineOf(e.getKey()), p, "no inject '" + e.getKey() + "' in tabletop '" + tabletop.id() + "'");
        }
        if (!(e.getValue() instanceof YMap rm)) {
          throw y.fail(e.getValue().line(), p, "must be a map with owners and actions");
        }
        responses.put(e.getKey(), response(y, tabletop, rm, p));
      }
    }
    return new Answers(id, team, responses);
  }

  private static Answers.Response response(YamlFields y, Tabletop t, YMap m, String p) {
    y.onlyKeys(m, p, Set.of("at", "owners", "actions"));
    List<String> owners = y.strings(m, p, "owners");
    for (String o : owners) {
      checkRole(y, t, m.lineOf("owners"), p + ".owners", o);
    }
    List<Answers.Action> actions = new ArrayList<>();
    YNode a = m.get("actions");
    if (a instanceof YList l) {
      for (int i = 0; i < l.items().size(); i++) {
        actions.add(action(y, t, l.items().get(i), p + ".actions[" + i + "]"));
      }
    } else if (a != null && !(a instanceof YScalar s && s.value() == null)) {
      throw y.fail(a.line(), p + ".actions", "must be a list");
    }
    return new Answers.Response(instant(y, m, p), owners, actions);
  }

  private static Answers.Action action(YamlFields y, Tabletop t, YNode n, String p) {
    if (n instanceof YScalar s && s.value() != null && !s.text().isBlank()) {
      return new Answers.Action(s.text().strip(), null, null);
    }
    if (!(n instanceof YMap m)) {
      throw y.fail(n.line(), p, "must be an id, free text, or a map with do/owner/at");
    }
    y.onlyKeys(m, p, Set.of("do", "owner", "at"));
    String owner = y.optional(m, p, "owner");
    if (owner != null) {
      owner = owner.strip();
      checkRole(y, t, m.lineOf("owner"), p + ".owner", owner);
    }
    return new Answers.Action(y.required(m, p, "do"), owner, instant(y, m, p));
  }

  private static @Nullable Instant instant(YamlFields y, YMap m, String p) {
    String at = y.optional(m, p, "at");
    if (at == null) {
      return null;
    }
    try {
      return Instant.parse(at.strip());
    } catch (DateTimeParseException e) {
      throw y.fail(m.lineOf("at"), p + ".at", "'" + at + "' is not a UTC timestamp like 2026-03-10T10:04:00Z");
    }
  }

  private static void checkRole(YamlFields y, Tabletop t, int line, String path, String role) {
    if (!t.hasRole(role)) {
      throw y.fail(line, path, "unknown role '" + role + "' (roles: "
          + String.join(", ", t.roles().stream().map(Role::name).toList()) + ")");
    }
  }
}
