package dev.kumo.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The ATT&CK Enterprise techniques shipped with Kumo ({@code enterprise-attack.tsv}, generated from
 * MITRE's STIX data), plus {@code technique-aliases.tsv}: newer technique ids used by rules, mapped
 * to the ids in the bundled data. Immutable and thread-safe.
 */
public final class AttackCatalog {
  private static final String RESOURCE = "/dev/kumo/attack/enterprise-attack.tsv";
  private static final String ALIASES = "/dev/kumo/attack/technique-aliases.tsv";
  private static final Pattern TECHNIQUE_TAG = Pattern.compile("t\\d{4}(\\.\\d{3})?");
  /** Techniques whose "defense-evasion" tactic became Defense Impairment in the v18 vocabulary. */
  private static final String IMPAIR_DEFENSES = "T1562";

  private final String version;
  private final Map<String, Technique> techniques;
  private final Map<String, String> aliases;

  private AttackCatalog(String version, Map<String, Technique> techniques, Map<String, String> aliases) {
    this.version = version;
    this.techniques = Map.copyOf(techniques);
    this.aliases = Map.copyOf(aliases);
  }

  private static final class Holder {
    static final AttackCatalog BUNDLED = load();
  }

  /** The catalog bundled in the jar (loaded once; immutable). */
  public static AttackCatalog bundled() {
    return Holder.BUNDLED;
  }

  private static AttackCatalog load() {
    Map<String, Technique> techniques = new LinkedHashMap<>();
    String version = "unknown";
    try (BufferedReader r = reader(RESOURCE)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("# version:")) {
          version = line.substring("# version:".length()).trim();
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        techniques.put(f[0], new Technique(f[0], f[1], split(f[2]), split(f[3]), f.length > 4 && f[4].equals("deprecated")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled ATT&CK catalog", e);
    }
    Map<String, String> aliases = new LinkedHashMap<>();
    try (BufferedReader r = reader(ALIASES)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        aliases.put(f[0], f[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read technique aliases", e);
    }
    return new AttackCatalog(version, techniques, aliases);
  }

  private static BufferedReader reader(String resource) throws IOException {
    InputStream in = AttackCatalog.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing resource " + resource);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static List<String> split(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  /** e.g. {@code 18.0}. */
  public String version() {
    return version;
  }

  public int size() {
    return techniques.size();
  }

  /** The technique for an id (case-insensitive), following aliases. */
  public Optional<Technique> technique(String id) {
    String key = id.toUpperCase(Locale.ROOT);
    Technique t = techniques.get(key);
    if (t == null && aliases.containsKey(key)) {
      t = techniques.get(aliases.get(key));
    }
    return Optional.ofNullable(t);
  }

  /** The bundled-data id an alias stands for, or the id itself. */
  public String canonicalId(String id) {
    String key = id.toUpperCase(Locale.ROOT);
    return aliases.getOrDefault(key, key);
  }

  /** Whether the id is known (directly or through an alias). */
  public boolean knows(String id) {
    return technique(id).isPresent();
  }

  /** The v18 tactics of a technique: "defense-evasion" becomes Stealth or Defense Impairment. */
  public List<Tactic> tacticsFor(String techniqueId) {
    Optional<Technique> t = technique(techniqueId);
    if (t.isEmpty()) {
      return List.of();
    }
    Set<Tactic> out = EnumSet.noneOf(Tactic.class);
    for (String name : t.get().tactics()) {
      Tactic tactic = Tactic.parse(name);
      if (tactic != null) {
        out.add(tactic);
      } else if (Tactic.normalize(name).equals(Tactic.DEFENSE_EVASION)) {
        out.add(evasionSuccessor(techniqueId));
      }
    }
    return List.copyOf(out);
  }

  private Tactic evasionSuccessor(String techniqueId) {
    return canonicalId(techniqueId).startsWith(IMPAIR_DEFENSES) ? Tactic.DEFENSE_IMPAIRMENT : Tactic.STEALTH;
  }

  /**
   * Reads ATT&CK context from Sigma tags: {@code attack.tNNNN[.NNN]} techniques and
   * {@code attack.<tactic>} tactics. "defense-evasion" is mapped per technique; when a rule names no
   * tactic, its techniques' tactics are used.
   */
  public AttackInfo fromTags(List<String> tags) {
    List<String> techs = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Set<Tactic> tactics = EnumSet.noneOf(Tactic.class);
    boolean evasion = false;
    for (String tag : tags) {
      String t = tag.trim().toLowerCase(Locale.ROOT);
      if (!t.startsWith("attack.")) {
        continue;
      }
      String v = t.substring("attack.".length());
      if (TECHNIQUE_TAG.matcher(v).matches()) {
        String id = v.toUpperCase(Locale.ROOT);
        if (!techs.contains(id)) {
          techs.add(id);
        }
        if (!knows(id)) {
          unknown.add(id);
        }
        continue;
      }
      Tactic tactic = Tactic.parse(v);
      if (tactic != null) {
        tactics.add(tactic);
      } else if (Tactic.normalize(v).equals(Tactic.DEFENSE_EVASION)) {
        evasion = true;
      }
    }
    if (evasion) {
      boolean impair = techs.stream().anyMatch(id -> canonicalId(id).startsWith(IMPAIR_DEFENSES));
      boolean other = techs.stream().anyMatch(id -> !canonicalId(id).startsWith(IMPAIR_DEFENSES)
          && tacticsFor(id).contains(Tactic.STEALTH));
      if (impair) {
        tactics.add(Tactic.DEFENSE_IMPAIRMENT);
      }
      if (other || !impair) {
        tactics.add(Tactic.STEALTH);
      }
    }
    if (tactics.isEmpty()) {
      for (String id : techs) {
        tactics.addAll(tacticsFor(id));
      }
    }
    return new AttackInfo(techs, List.copyOf(tactics), unknown);
  }

  /** The name of a technique, or null when unknown. */
  public @Nullable String name(String id) {
    return technique(id).map(Technique::name).orElse(null);
  }
}
