package dev.kumo.tuning;

import dev.kumo.net.IpNetwork;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a mutelist from the {@code mutelist:} list of a YAML file:
 *
 * <pre>
 * mutelist:
 *   - name: ci-creates-roles
 *     reason: the deploy pipeline creates roles on every release
 *     owner: platform-team@example.com
 *     expires: 2027-03-31
 *     rules: [kumo_aws_iam_role_created]
 *     principal: arn:aws:sts::111122223333:assumed-role/ci-deployer/*
 *     source_ip: [10.0.0.0/8]
 *     fields:
 *       requestParameters.roleName: app-*
 * </pre>
 *
 * Every problem is an {@link IllegalArgumentException} naming the file and line: a wrong mutelist
 * must never load silently (it could hide an attack, or hide nothing).
 */
public final class MutelistReader {
  private static final Set<String> KEYS = Set.of("name", "reason", "owner", "expires", "rules", "principal",
      "account", "region", "source_ip", "resource", "user_agent", "event_name", "log_source", "fields");

  private MutelistReader() {}

  public static Mutelist read(Reader in, String file) {
    List<YamlReader.Document> docs = new YamlReader().readAll(in);
    List<MuteEntry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YamlReader.Document d : docs) {
      if (d.error() != null) {
        throw new IllegalArgumentException(file + ":" + d.line() + ": " + d.error());
      }
      if (!(d.root() instanceof YMap root) || root.get("mutelist") == null) {
        continue;
      }
      if (!(root.get("mutelist") instanceof YList list)) {
        throw new IllegalArgumentException(file + ":" + root.lineOf("mutelist") + ": 'mutelist' must be a list of entries");
      }
      for (YNode item : list.items()) {
        MuteEntry e = entry(item, file);
        if (!names.add(e.name())) {
          throw new IllegalArgumentException(file + ":" + item.line() + ": entry name '" + e.name() + "' is used twice");
        }
        entries.add(e);
      }
    }
    return new Mutelist(entries);
  }

  private static MuteEntry entry(YNode node, String file) {
    if (!(node instanceof YMap m)) {
      throw new IllegalArgumentException(file + ":" + node.line() + ": a mutelist entry must be a map");
    }
    for (String k : m.entries().keySet()) {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(file + ":" + m.lineOf(k) + ": unknown key '" + k + "' (known: "
            + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
      }
    }
    String name = required(m, "name", file);
    String reason = required(m, "reason", file);
    String owner = required(m, "owner", file);
    LocalDate expires;
    try {
      expires = LocalDate.parse(required(m, "expires", file));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(file + ":" + m.lineOf("expires") + ": 'expires' must be a date like 2027-03-31");
    }
    List<IpNetwork> ips = new ArrayList<>();
    for (String s : strings(m, "source_ip", file)) {
      try {
        ips.add(IpNetwork.parse(s));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + m.lineOf("source_ip") + ": " + e.getMessage());
      }
    }
    Map<String, List<Glob>> fields = new LinkedHashMap<>();
    YNode f = m.get("fields");
    if (f != null) {
      if (!(f instanceof YMap fm)) {
        throw new IllegalArgumentException(file + ":" + f.line() + ": 'fields' must map record paths to values");
      }
      for (String path : fm.entries().keySet()) {
        fields.put(path, globs(values(fm.get(path), path, file)));
      }
    }
    MuteEntry e = new MuteEntry(name, reason, owner, expires, globs(strings(m, "rules", file)),
        globs(strings(m, "principal", file)), globs(strings(m, "account", file)), globs(strings(m, "region", file)),
        ips, globs(strings(m, "resource", file)), globs(strings(m, "user_agent", file)),
        globs(strings(m, "event_name", file)), globs(strings(m, "log_source", file)), fields, file, m.line());
    boolean anyCriterion = !e.rules().isEmpty() || !e.principals().isEmpty() || !e.accounts().isEmpty()
        || !e.regions().isEmpty() || !e.sourceIps().isEmpty() || !e.resources().isEmpty() || !e.userAgents().isEmpty()
        || !e.eventNames().isEmpty() || !e.logSources().isEmpty() || !e.fields().isEmpty();
    if (!anyCriterion) {
      throw new IllegalArgumentException(file + ":" + m.line() + ": entry '" + name
          + "' has no criteria and would suppress every finding");
    }
    return e;
  }

  private static String required(YMap m, String key, String file) {
    YNode v = m.get(key);
    if (!(v instanceof YScalar s) || s.text().isBlank()) {
      throw new IllegalArgumentException(file + ":" + m.line() + ": every mutelist entry needs '" + key + "'");
    }
    return s.text().trim();
  }

  private static List<String> strings(YMap m, String key, String file) {
    YNode v = m.get(key);
    return v == null ? List.of() : values(v, key, file);
  }

  private static List<String> values(YNode v, String key, String file) {
    if (v instanceof YScalar s) {
      return List.of(s.text());
    }
    if (v instanceof YList l) {
      List<String> out = new ArrayList<>();
      for (YNode i : l.items()) {
        if (!(i instanceof YScalar s)) {
          throw new IllegalArgumentException(file + ":" + i.line() + ": '" + key + "' must list plain values");
        }
        out.add(s.text());
      }
      return out;
    }
    throw new IllegalArgumentException(file + ":" + v.line() + ": '" + key + "' must be a value or a list of values");
  }

  private static List<Glob> globs(List<String> patterns) {
    return patterns.stream().map(Glob::new).toList();
  }
}
