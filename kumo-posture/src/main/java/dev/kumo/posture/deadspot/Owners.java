package dev.kumo.posture.deadspot;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's {@code owners.yml}: which team owns which control, domain or service, and the
 * attestations it has recorded. Format ({@code docs/dead-spots.md}):
 *
 * <pre>
 * controls: {LOG-03: secops}        # control id → team
 * services: {aws.s3: data-platform} # service id → team
 * domains:  {IAM: identity}         # domain code → team
 * attestations:
 *   - control: HRS-01
 *     side: customer                # or provider
 *     by: people-team
 *     date: 2026-09-01
 *     expires: 2027-09-01           # optional
 *     evidence: background checks per HR policy v4
 * </pre>
 *
 * An owner is looked up by control, then service, then domain.
 */
public record Owners(Map<String, String> controls, Map<String, String> services, Map<String, String> domains,
    List<Attestation> attestations) {
  /** No owners and no attestations. */
  public static final Owners NONE = new Owners(Map.of(), Map.of(), Map.of(), List.of());

  private static final int MAX_CHARS = 4 << 20;

  public Owners {
    controls = Map.copyOf(controls);
    services = Map.copyOf(services);
    domains = Map.copyOf(domains);
    attestations = List.copyOf(attestations);
  }

  /** The team owning {@code control} for {@code service}, or null when nobody does. */
  public @Nullable String ownerOf(Control control, @Nullable String service) {
    String o = controls.get(control.id());
    if (o == null && service != null) {
      o = services.get(service);
    }
    return o != null ? o : domains.get(control.domain());
  }

  /** Attestations of {@code control} for one side that count on {@code day}. */
  public List<Attestation> attested(String control, boolean provider, LocalDate day) {
    return attestations.stream().filter(a -> a.control().equals(control) && a.provider() == provider
        && a.validOn(day)).toList();
  }

  /**
   * Reads an owners file.
   *
   * @throws IllegalArgumentException listing every problem as {@code file:line: reason}
   */
  public static Owners read(Path file) throws IOException {
    if (Files.size(file) > MAX_CHARS) {
      throw new IllegalArgumentException(file + ": larger than " + MAX_CHARS + " bytes");
    }
    return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Reads owners text; {@code file} names it in messages. */
  public static Owners read(String file, String text) {
    YamlChecks checks = new YamlChecks(file);
    List<YamlReader.Document> docs = new YamlReader(MAX_CHARS).readAll(new StringReader(text));
    if (docs.size() != 1 || docs.get(0).error() != null || !(docs.get(0).root() instanceof YMap root)) {
      throw new IllegalArgumentException(file + ": an owners file is one YAML map"
          + (docs.isEmpty() || docs.get(0).error() == null ? "" : ": " + docs.get(0).error()));
    }
    checks.keys(root, "controls", "services", "domains", "attestations");
    Map<String, String> controls = teams(root, "controls", checks);
    Map<String, String> services = teams(root, "services", checks);
    Map<String, String> domains = teams(root, "domains", checks);
    List<Attestation> attestations = new ArrayList<>();
    YNode list = root.get("attestations");
    if (list instanceof YList l) {
      for (YNode n : l.items()) {
        if (!(n instanceof YMap m)) {
          checks.error(n.line(), "each attestation must be a map");
          continue;
        }
        Attestation a = attestation(file, m, checks);
        if (a != null) {
          attestations.add(a);
        }
      }
    } else if (list != null) {
      checks.error(root.lineOf("attestations"), "'attestations' must be a list");
    }
    if (checks.hasErrors()) {
      throw new IllegalArgumentException(String.join("\n", checks.errors()));
    }
    return new Owners(controls, services, domains, attestations);
  }

  private static Map<String, String> teams(YMap root, String key, YamlChecks checks) {
    Map<String, String> out = new TreeMap<>();
    YNode n = root.get(key);
    if (n == null) {
      return out;
    }
    if (!(n instanceof YMap m)) {
      checks.error(root.lineOf(key), "'" + key + "' must be a map of id to team");
      return out;
    }
    for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
      if (e.getValue() instanceof YScalar s && s.value() != null && !s.text().isBlank()) {
        out.put(e.getKey(), s.text().strip());
      } else {
        checks.error(m.lineOf(e.getKey()), "'" + e.getKey() + "' must name a team");
      }
    }
    return out;
  }

  private static @Nullable Attestation attestation(String file, YMap m, YamlChecks checks) {
    checks.keys(m, "control", "side", "by", "date", "expires", "evidence");
    String control = checks.text(m, "control", true);
    String side = checks.text(m, "side", true);
    String by = checks.text(m, "by", true);
    LocalDate date = date(m, "date", true, checks);
    LocalDate expires = date(m, "expires", false, checks);
    String evidence = checks.text(m, "evidence", true);
    if (side != null && !side.equals("customer") && !side.equals("provider")) {
      checks.error(m.lineOf("side"), "side must be customer or provider, not '" + side + "'");
      return null;
    }
    if (control == null || side == null || by == null || date == null || evidence == null) {
      return null;
    }
    return new Attestation(control, side.equals("provider"), by, date, expires, evidence, file + ":" + m.line());
  }

  private static @Nullable LocalDate date(YMap m, String key, boolean required, YamlChecks checks) {
    String v = checks.text(m, key, required);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
    } catch (DateTimeParseException e) {
      checks.error(m.lineOf(key), "'" + key + "' must be a date like 2026-09-01, not '" + v + "'");
      return null;
    }
  }
}
