package dev.kumo.respond.plan;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlChecks;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads playbooks from YAML (schema in {@code docs/respond-playbooks.md}) and validates them: every problem is reported
 * as {@code file:line: reason}, all at once, in a {@link PlaybookException}. Checked: required fields, unknown
 * keys, step kinds, effects, mitigation ids, duplicate ids, precondition references (unknown, later step, cycle),
 * and that every {@code change} step has a {@code preserve} step among its preconditions.
 */
public final class PlaybookReader {
  /** Largest playbook file accepted. */
  public static final int MAX_CHARS = 1 << 20;

  static final Set<String> THREATS = Set.of("app-exploitation", "misconfiguration", "upstream-movement",
      "ransomware", "data-theft", "cryptomining", "attack-infrastructure", "log-tampering");

  private final YamlChecks checks;
  private final String file;

  private PlaybookReader(String file) {
    this.file = file;
    this.checks = new YamlChecks(file);
  }

  /** Reads one playbook file. */
  public static Playbook read(Path path) throws IOException {
    if (Files.size(path) > MAX_CHARS) {
      throw new PlaybookException(List.of(path + ": larger than " + MAX_CHARS + " bytes"));
    }
    return read(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
  }

  /** Reads a playbook from text; {@code file} names it in messages. */
  public static Playbook read(String file, String text) {
    return new PlaybookReader(file).parse(text);
  }

  private Playbook parse(String text) {
    List<YamlReader.Document> docs = new YamlReader(MAX_CHARS).readAll(new StringReader(text));
    if (docs.size() != 1 || docs.get(0).error() != null || !(docs.get(0).root() instanceof YMap root)) {
      String why = docs.isEmpty() ? "empty file" : docs.get(0).error() != null ? docs.get(0).error()
          : docs.size() > 1 ? "one playbook per file" : "a playbook must be a map";
      throw new PlaybookException(List.of(file + ":" + (docs.isEmpty() ? 1 : docs.get(0).line()) + ": " + why));
    }
    checks.keys(root, "playbook", "title", "threat", "description", "targets", "steps");
    String id = checks.id(root, "playbook");
    String title = checks.text(root, "title", true);
    String threat = checks.text(root, "threat", true);
    if (threat != null && !THREATS.contains(threat)) {
      checks.error(root.lineOf("threat"), "unknown threat '" + threat + "' (one of " + THREATS.stream().sorted().toList()
          + ")");
    }
    String description = checks.text(root, "description", false);
    List<TargetKind> targets = targets(root);
    List<PlaybookStep> steps = steps(root);
    preconditions(steps);
    if (checks.hasErrors()) {
      throw new PlaybookException(checks.errors());
    }
    return new Playbook(id, title == null ? id : title, threat == null ? "?" : threat,
        description == null ? "" : description.strip(), targets, steps, file);
  }

  private List<TargetKind> targets(YMap root) {
    List<TargetKind> out = new ArrayList<>();
    if (!(root.get("targets") instanceof YList list) || list.items().isEmpty()) {
      checks.error(root.lineOf("targets"), "'targets' must be a non-empty list of " + kinds(TargetKind.values()));
      return out;
    }
    for (YNode n : list.items()) {
      String v = n instanceof YScalar s && s.value() != null ? s.text() : null;
      TargetKind k = v == null ? null : TargetKind.byId(v).orElse(null);
      if (k == null) {
        checks.error(n.line(), "unknown target '" + (v == null ? n.kind() : v) + "' (one of " + kinds(TargetKind.values())
            + ")");
      } else if (out.contains(k)) {
        checks.error(n.line(), "target '" + v + "' listed twice");
      } else {
        out.add(k);
      }
    }
    return out;
  }

  private List<PlaybookStep> steps(YMap root) {
    List<PlaybookStep> out = new ArrayList<>();
    if (!(root.get("steps") instanceof YList list) || list.items().isEmpty()) {
      checks.error(root.lineOf("steps"), "'steps' must be a non-empty list");
      return out;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (YNode n : list.items()) {
      if (!(n instanceof YMap s)) {
        checks.error(n.line(), "a step must be a map");
        continue;
      }
      checks.keys(s, "step", "title", "kind", "effect", "does", "preconditions", "reversible", "how", "mitigation",
          "optional");
      String id = checks.id(s, "step");
      if (seen.putIfAbsent(id, s.line()) != null) {
        checks.error(s.lineOf("step"), "duplicate step id '" + id + "' (first on line " + seen.get(id) + ")");
      }
      String title = checks.text(s, "title", true);
      String kindText = checks.text(s, "kind", true);
      StepKind kind = kindText == null ? null : StepKind.byId(kindText).orElse(null);
      if (kindText != null && kind == null) {
        checks.error(s.lineOf("kind"), "unknown kind '" + kindText + "' (one of " + kinds(StepKind.values()) + ")");
      }
      String effectText = checks.text(s, "effect", true);
      Effect effect = null;
      for (Effect e : Effect.values()) {
        if (e.id().equals(effectText)) {
          effect = e;
        }
      }
      if (effectText != null && effect == null) {
        checks.error(s.lineOf("effect"), "unknown effect '" + effectText + "' (one of " + kinds(Effect.values()) + ")");
      }
      String does = checks.text(s, "does", true);
      List<String> pre = preconditionList(s);
      boolean reversible = checks.bool(s, "reversible", true);
      String how = checks.text(s, "how", true);
      String m = checks.text(s, "mitigation", true);
      Mitigation mitigation = m == null ? null : Mitigation.byId(m).orElse(null);
      if (m != null && mitigation == null) {
        checks.error(s.lineOf("mitigation"), "unknown mitigation '" + m + "' (known: " + Mitigation.known() + ")");
      }
      boolean optional = checks.bool(s, "optional", false);
      // An incomplete step (its problems already reported) still takes part in the precondition checks.
      out.add(new PlaybookStep(id, title == null ? "" : title, kind == null ? StepKind.DESCRIBE_INSTANCE_STATE : kind,
          effect == null ? Effect.READ : effect, does == null ? "" : does.strip(), pre, reversible,
          how == null ? "" : how.strip(), mitigation == null ? new Mitigation("?", "?") : mitigation, optional,
          s.line()));
    }
    return out;
  }

  private List<String> preconditionList(YMap s) {
    YNode n = s.get("preconditions");
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof YList l)) {
      checks.error(s.lineOf("preconditions"), "'preconditions' must be a list of step ids");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (YNode i : l.items()) {
      if (i instanceof YScalar v && v.value() != null) {
        out.add(v.text());
      } else {
        checks.error(i.line(), "a precondition must be a step id, not a " + i.kind());
      }
    }
    return out;
  }

  /** Unknown, self, cyclic and later references; and every change step needs a preserve step before it. */
  private void preconditions(List<PlaybookStep> steps) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      index.putIfAbsent(steps.get(i).id(), i);
    }
    for (int i = 0; i < steps.size(); i++) {
      PlaybookStep s = steps.get(i);
      boolean preserved = false;
      for (String p : s.preconditions()) {
        Integer at = index.get(p);
        if (at == null) {
          checks.error(s.line(), "step '" + s.id() + "': precondition '" + p + "' is not a step of this playbook");
        } else if (at >= i && cycle(s.id(), steps, index) != null) {
          checks.error(s.line(), "step '" + s.id() + "': preconditions make a cycle: " + cycle(s.id(), steps, index));
        } else if (at > i) {
          checks.error(s.line(), "step '" + s.id() + "': precondition '" + p + "' is a later step (steps run in order)");
        } else if (steps.get(at).effect() == Effect.PRESERVE) {
          preserved = true;
        }
      }
      if (s.effect() == Effect.CHANGE && !preserved) {
        checks.error(s.line(), "step '" + s.id() + "' changes state: name the evidence (preserve) steps it needs among its"
            + " preconditions");
      }
    }
  }

  /** A cycle through {@code start}, like {@code a -> b -> a}, or null. */
  private static @Nullable String cycle(String start, List<PlaybookStep> steps, Map<String, Integer> index) {
    return walk(start, start, steps, index, new ArrayList<>(List.of(start)));
  }

  private static @Nullable String walk(String start, String at, List<PlaybookStep> steps, Map<String, Integer> index,
      List<String> path) {
    Integer i = index.get(at);
    if (i == null || path.size() > steps.size() + 1) {
      return null;
    }
    for (String p : steps.get(i).preconditions()) {
      if (p.equals(start)) {
        List<String> full = new ArrayList<>(path);
        full.add(p);
        return String.join(" -> ", full);
      }
      if (!path.contains(p)) {
        path.add(p);
        String found = walk(start, p, steps, index, path);
        path.remove(path.size() - 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<String> kinds(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> v instanceof StepKind k ? k.id() : v instanceof TargetKind t ? t.id()
        : ((Effect) v).id()).toList();
  }
}
