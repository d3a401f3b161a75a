package dev.kumo.intel.misp;

import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Indicators;
import dev.kumo.intel.IntelLoad;
import dev.kumo.intel.IntelProblem;
import dev.kumo.intel.Warninglist;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads MISP warninglists ({@code {"name", "type", "list": [...]}}).
 *
 * <p>Types: {@code cidr} → {@link IndicatorType#IP} (canonical addresses and CIDRs); {@code hostname}
 * → {@link IndicatorType#DOMAIN}; {@code string} → the one type {@link Indicators#detect} gives every
 * value (a leading {@code .} or {@code *.} of a domain is dropped, since a Kumo domain covers its
 * subdomains), so MISP's {@code .google.com} style lists become DOMAIN lists; a string list of mixed
 * or undetectable values is unsupported. {@code substring} and {@code regex} lists are unsupported
 * (Kumo matches exact values and domains).
 *
 * <p>The cloud provider comes from the list's directory name or its name: Azure ({@code azure}),
 * Amazon/AWS ({@code aws}), GCP and Google ({@code gcp}), Oracle ({@code oci}), OVH ({@code ovh}),
 * Cloudflare ({@code cloudflare}); else empty. Stateless and thread-safe.
 */
public final class WarninglistReader {
  private static final JsonTreeReader JSON = new JsonTreeReader(16, 64 * 1024 * 1024);

  private WarninglistReader() {}

  /**
   * Reads a warninglist, or fails on anything {@link #load} reports as a problem.
   *
   * @param file the list's path or name (its parent directory name helps find the cloud provider)
   * @throws IOException when {@code in} cannot be read, or naming the file and the first problem
   */
  public static Warninglist read(InputStream in, String file) throws IOException {
    IntelLoad load = load(in, file);
    if (!load.problems().isEmpty()) {
      IntelProblem p = load.problems().get(0);
      int more = load.problems().size() - 1;
      throw new IOException(p + (more > 0 ? " (and " + more + " more problems)" : ""));
    }
    return load.warninglists().get(0);
  }

  /**
   * Reads a warninglist: the list of its good values, and a problem for each bad value; an
   * unsupported or malformed list gives only a problem.
   *
   * @throws IOException only when {@code in} cannot be read
   */
  public static IntelLoad load(InputStream in, String file) throws IOException {
    byte[] bytes = in.readAllBytes();
    Object root;
    try {
      root = JSON.read(bytes, 0, bytes.length);
    } catch (JsonTreeReader.JsonFormatException e) {
      return problem(file, "document", "not valid JSON: " + e.getMessage());
    }
    if (!(root instanceof JsonObject o) || !(o.get("list") instanceof JsonArray list)) {
      return problem(file, "document", "not a MISP warninglist (expected an object with a \"list\" array)");
    }
    String name = o.getString("name");
    String type = o.getString("type");
    if (name == null || name.isBlank()) {
      return problem(file, "name", "the warninglist has no name");
    }
    if (type == null) {
      return problem(file, "type", "the warninglist has no type");
    }
    List<String> raw = new ArrayList<>();
    List<IntelProblem> problems = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String s) {
        raw.add(s);
      } else {
        problems.add(new IntelProblem(file, "list[" + i + "]", "not a string"));
      }
    }
    IndicatorType t = switch (type.toLowerCase(Locale.ROOT)) {
      case "cidr" -> IndicatorType.IP;
      case "hostname" -> IndicatorType.DOMAIN;
      case "string" -> stringType(raw);
      default -> null;
    };
    if (t == null) {
      return problem(file, "type", type.equals("string")
          ? "string warninglist of mixed or unrecognised values: Kumo matches one type of exact value"
          : "warninglist type '" + type + "' is not supported (only cidr, hostname and string)");
    }
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      try {
        values.add(Indicators.canonical(t, t == IndicatorType.DOMAIN ? undot(raw.get(i)) : raw.get(i)));
      } catch (IllegalArgumentException e) {
        problems.add(new IntelProblem(file, "list[" + i + "]", e.getMessage()));
      }
    }
    Warninglist wl = new Warninglist(name.strip(), t, List.copyOf(values), cloudProvider(file, name));
    return new IntelLoad(List.of(), problems, List.of(), List.of(wl));
  }

  private static @Nullable IndicatorType stringType(List<String> values) {
    IndicatorType common = null;
    for (String v : values) {
      IndicatorType t = Indicators.detect(undot(v));
      if (t == null || (common != null && t != common)) {
        return null;
      }
      common = t;
    }
    return common;
  }

  private static String undot(String v) {
    String s = v.strip();
    return s.startsWith("*.") ? s.substring(2) : s.startsWith(".") ? s.substring(1) : s;
  }

  /** The provider a list belongs to, from its directory name and its name; empty when none. */
  static String cloudProvider(String file, String name) {
    String f = file.replace('\\', '/');
    int slash = f.lastIndexOf('/');
    String dir = slash > 0 ? f.substring(f.lastIndexOf('/', slash - 1) + 1, slash) : "";
    String text = (dir + " " + name).toLowerCase(Locale.ROOT);
    if (text.contains("azure")) {
      return "azure";
    }
    if (text.contains("amazon") || text.contains("aws")) {
      return "aws";
    }
    if (text.contains("gcp") || text.contains("google")) {
      return "gcp";
    }
    if (text.contains("oracle") || text.contains("(oci)")) {
      return "oci";
    }
    if (text.contains("ovh")) {
      return "ovh";
    }
    if (text.contains("cloudflare")) {
      return "cloudflare";
    }
    return "";
  }

  private static IntelLoad problem(String file, String where, String reason) {
    return new IntelLoad(List.of(), List.of(new IntelProblem(file, where, reason)), List.of(), List.of());
  }
}
