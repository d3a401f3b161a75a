package dev.kumo.posture.check;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlChecks;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads check metadata from catalog YAML: a list of maps with {@code id, kind, title, severity, threat,
 * attack, benchmarks, telemetry, risk, remediation, command}. Every problem is collected as
 * {@code file:line: reason}; any problem refuses the whole file.
 */
public final class CheckCatalog {
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final int MAX_CHARS = 4 << 20;

  private CheckCatalog() {}

  /** Reads a bundled catalog file from the classpath, e.g. {@code checks/aws.yml}. */
  public static List<CheckMeta> bundled(String name) {
    String res = "/dev/kumo/posture/" + name;
    try (InputStream in = CheckCatalog.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled catalog " + res);
      }
      return read(res, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads catalog text; {@code file} names it in messages.
   *
   * @throws IllegalArgumentException listing every problem
   */
  public static List<CheckMeta> read(String file, String text) {
    YamlChecks checks = new YamlChecks(file);
    List<YamlReader.Document> docs = new YamlReader(MAX_CHARS).readAll(new StringReader(text));
    if (docs.size() != 1 || docs.get(0).error() != null || !(docs.get(0).root() instanceof YList list)) {
      throw new IllegalArgumentException(file + ": a check catalog is one YAML list"
          + (docs.isEmpty() || docs.get(0).error() == null ? "" : ": " + docs.get(0).error()));
    }
    List<CheckMeta> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YNode n : list.items()) {
      if (!(n instanceof YMap m)) {
        checks.error(n.line(), "each check must be a map");
        continue;
      }
      CheckMeta meta = meta(m, checks);
      if (meta != null) {
        if (!ids.add(meta.id())) {
          checks.error(m.lineOf("id"), "check id '" + meta.id() + "' listed twice");
        }
        out.add(meta);
      }
    }
    if (checks.hasErrors()) {
      throw new IllegalArgumentException(String.join("\n", checks.errors()));
    }
    return List.copyOf(out);
  }

  private static @Nullable CheckMeta meta(YMap m, YamlChecks checks) {
    checks.keys(m, "id", "kind", "title", "severity", "threat", "attack", "benchmarks", "telemetry", "risk",
        "remediation", "command");
    String id = checks.id(m, "id");
    String kind = checks.text(m, "kind", true);
    String title = checks.text(m, "title", true);
    String sev = checks.text(m, "severity", true);
    String threat = checks.text(m, "threat", true);
    String risk = checks.text(m, "risk", true);
    String remediation = checks.text(m, "remediation", true);
    String command = checks.text(m, "command", false);
    Provider provider = null;
    if (kind != null) {
      try {
        provider = Provider.parse(kind.split("\\.", 2)[0]);
      } catch (IllegalArgumentException e) {
        checks.error(m.lineOf("kind"), "kind '" + kind + "' must start with aws., azure. or gcp.");
      }
    }
    Level level = sev == null ? null : Level.parse(sev);
    if (sev != null && level == null) {
      checks.error(m.lineOf("severity"), "unknown severity '" + sev + "'");
    }
    Threat t = null;
    if (threat != null) {
      try {
        t = Threat.parse(threat);
      } catch (IllegalArgumentException e) {
        checks.error(m.lineOf("threat"), e.getMessage());
      }
    }
    List<String> attack = m.strings("attack");
    for (String a : attack) {
      if (!TECHNIQUE.matcher(a).matches()) {
        checks.error(m.lineOf("attack"), "'" + a + "' is not an ATT&CK technique id");
      }
    }
    if (attack.isEmpty()) {
      checks.error(m.line(), "missing 'attack' (ATT&CK technique ids)");
    }
    List<String> benchmarks = m.strings("benchmarks");
    if (provider == null || level == null || t == null || title == null || risk == null || remediation == null) {
      return null;
    }
    return new CheckMeta(id, provider, kind, title, level, t, attack, benchmarks, m.strings("telemetry"),
        risk.strip(), remediation.strip(), command == null ? "" : command.strip());
  }
}
