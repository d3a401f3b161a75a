package dev.kumo.posture.deadspot;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YScalar;
import dev.kumo.sigma.yaml.YamlChecks;
import dev.kumo.sigma.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The control catalog and the service catalog: Kumo's bundled {@code controls.yml} and {@code services.yml}
 * (see {@code docs/dead-spots.md} for the format). Every problem is collected as {@code file:line: reason}.
 */
public final class ControlCatalog {
  private static final Pattern CONTROL_ID = Pattern.compile("([A-Z&]{2,3})-\\d{2}");
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final int MAX_CHARS = 8 << 20;

  private final List<Control> controls;
  private final Map<String, Service> services;

  public ControlCatalog(List<Control> controls, List<Service> services) {
    this.controls = List.copyOf(controls);
    Map<String, Service> byId = new TreeMap<>();
    services.forEach(s -> byId.put(s.id(), s));
    this.services = byId;
  }

  /** The bundled catalog. */
  public static ControlCatalog bundled() {
    List<Service> services = readServices("services.yml", resource("services.yml"));
    return new ControlCatalog(readControls("controls.yml", resource("controls.yml"), services), services);
  }

  private static String resource(String name) {
    try (InputStream in = ControlCatalog.class.getResourceAsStream("/dev/kumo/posture/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Control> controls() {
    return controls;
  }

  /** The service with this id ({@code aws.ec2}), or null when Kumo does not know it. */
  public @Nullable Service service(String id) {
    return services.get(id);
  }

  public List<Service> services() {
    return List.copyOf(services.values());
  }

  /**
   * Reads a services list.
   *
   * @throws IllegalArgumentException listing every problem
   */
  public static List<Service> readServices(String file, String text) {
    YamlChecks checks = new YamlChecks(file);
    List<Service> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YMap m : maps(file, text, checks)) {
      checks.keys(m, "id", "title", "model");
      String id = checks.text(m, "id", true);
      String title = checks.text(m, "title", true);
      String model = checks.text(m, "model", true);
      ServiceModel sm = model == null ? null : ServiceModel.parse(model);
      if (model != null && sm == null) {
        checks.error(m.lineOf("model"), "model must be iaas, paas or saas, not '" + model + "'");
      }
      if (id != null && !ids.add(id)) {
        checks.error(m.lineOf("id"), "service '" + id + "' listed twice");
      }
      if (id != null && title != null && sm != null) {
        out.add(new Service(id, title, sm));
      }
    }
    if (checks.hasErrors()) {
      throw new IllegalArgumentException(String.join("\n", checks.errors()));
    }
    return out;
  }

  /**
   * Reads a controls list; service overrides must name one of {@code services}.
   *
   * @throws IllegalArgumentException listing every problem
   */
  public static List<Control> readControls(String file, String text, List<Service> services) {
    YamlChecks checks = new YamlChecks(file);
    Set<String> known = new HashSet<>();
    services.forEach(s -> known.add(s.id()));
    List<Control> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YMap m : maps(file, text, checks)) {
      Control c = control(m, checks, known);
      if (c != null && !ids.add(c.id())) {
        checks.error(m.lineOf("id"), "control '" + c.id() + "' listed twice");
      }
      if (c != null) {
        out.add(c);
      }
    }
    if (checks.hasErrors()) {
      throw new IllegalArgumentException(String.join("\n", checks.errors()));
    }
    return out;
  }

  private static @Nullable Control control(YMap m, YamlChecks checks, Set<String> knownServices) {
    checks.keys(m, "id", "domain", "title", "description", "threats", "attack", "ownership", "services", "checks",
        "telemetry", "verify");
    String id = checks.text(m, "id", true);
    String domain = checks.text(m, "domain", true);
    String title = checks.text(m, "title", true);
    String description = checks.text(m, "description", false);
    if (id != null) {
      var matcher = CONTROL_ID.matcher(id);
      if (!matcher.matches()) {
        checks.error(m.lineOf("id"), "control id '" + id + "' must look like LOG-03");
      } else if (domain != null && !matcher.group(1).equals(domain)) {
        checks.error(m.lineOf("domain"), "domain '" + domain + "' does not match id " + id);
      }
    }
    List<Threat> threats = new ArrayList<>();
    for (String t : m.strings("threats")) {
      try {
        threats.add(Threat.parse(t));
      } catch (IllegalArgumentException e) {
        checks.error(m.lineOf("threats"), e.getMessage());
      }
    }
    for (String a : m.strings("attack")) {
      if (!TECHNIQUE.matcher(a).matches()) {
        checks.error(m.lineOf("attack"), "'" + a + "' is not an ATT&CK technique id");
      }
    }
    Map<ServiceModel, Ownership> ownership = new EnumMap<>(ServiceModel.class);
    if (m.get("ownership") instanceof YMap om) {
      for (Map.Entry<String, YNode> e : om.entries().entrySet()) {
        ServiceModel model = ServiceModel.parse(e.getKey());
        Ownership o = ownership(e.getValue(), om.lineOf(e.getKey()), checks);
        if (model == null) {
          checks.error(om.lineOf(e.getKey()), "unknown service model '" + e.getKey() + "' (iaas, paas, saas)");
        } else if (o != null) {
          ownership.put(model, o);
        }
      }
      if (ownership.size() != ServiceModel.values().length) {
        checks.error(m.lineOf("ownership"), "ownership must give iaas, paas and saas");
      }
    } else {
      checks.error(m.line(), "missing 'ownership' map (iaas, paas, saas)");
    }
    Map<String, Ownership> services = new LinkedHashMap<>();
    if (m.get("services") instanceof YMap sm) {
      for (Map.Entry<String, YNode> e : sm.entries().entrySet()) {
        if (!knownServices.contains(e.getKey())) {
          checks.error(sm.lineOf(e.getKey()), "unknown service '" + e.getKey() + "'");
        }
        Ownership o = ownership(e.getValue(), sm.lineOf(e.getKey()), checks);
        if (o != null) {
          services.put(e.getKey(), o);
        }
      }
    }
    boolean verify = checks.bool(m, "verify", false);
    if (id == null || domain == null || title == null) {
      return null;
    }
    return new Control(id, domain, title, description == null ? "" : description.strip(), threats,
        m.strings("attack"), ownership, services, m.strings("checks"), m.strings("telemetry"), verify);
  }

  private static @Nullable Ownership ownership(YNode n, int line, YamlChecks checks) {
    String v = n instanceof YScalar s && s.value() != null ? s.text() : null;
    Ownership o = v == null ? null : Ownership.parse(v);
    if (o == null) {
      checks.error(line, "ownership must be provider, customer, shared or n/a, not '" + v + "'");
    }
    return o;
  }

  private static List<YMap> maps(String file, String text, YamlChecks checks) {
    List<YamlReader.Document> docs = new YamlReader(MAX_CHARS).readAll(new StringReader(text));
    if (docs.size() != 1 || docs.get(0).error() != null || !(docs.get(0).root() instanceof YList list)) {
      throw new IllegalArgumentException(file + ": must be one YAML list"
          + (docs.isEmpty() || docs.get(0).error() == null ? "" : ": " + docs.get(0).error()));
    }
    List<YMap> out = new ArrayList<>();
    for (YNode n : list.items()) {
      if (n instanceof YMap m) {
        out.add(m);
      } else {
        checks.error(n.line(), "each entry must be a map");
      }
    }
    return out;
  }
}
