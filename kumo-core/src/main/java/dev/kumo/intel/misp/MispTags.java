package dev.kumo.intel.misp;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * MISP tags and galaxy clusters read as indicator labels, confidence and context.
 *
 * <p>Confidence comes from the {@code admiralty-scale:information-credibility} tag (1 → 90, 2 → 70,
 * 3 → 50, 4 → 30, 5 → 10; 6, "cannot be judged", gives none) or the
 * {@code estimative-language:likelihood-probability} tag (almost-certain → 95 ... almost-no-chance → 5);
 * the first such tag wins.
 */
final class MispTags {
  private static final Pattern MACHINE_TAG = Pattern.compile("([^:=]+):([^=]+)=\"?([^\"]*)\"?");
  private static final Pattern ATTACK_ID = Pattern.compile("(.*?)\\s+-\\s+(T\\d{4}(?:\\.\\d{3})?)");
  private static final Map<String, Integer> CREDIBILITY = Map.of("1", 90, "2", 70, "3", 50, "4", 30, "5", 10);
  private static final Map<String, Integer> LIKELIHOOD = Map.of("almost-certain", 95, "very-likely", 85,
      "likely", 70, "roughly-even-chance", 50, "unlikely", 30, "very-unlikely", 15, "almost-no-chance", 5);

  private MispTags() {}

  /** The names of the {@code Tag[]} of an event or attribute, in order. */
  static List<String> names(JsonObject o) {
    List<String> out = new ArrayList<>();
    for (JsonObject tag : objects(o.get("Tag"))) {
      String name = tag.getString("name");
      if (name != null && !name.isBlank()) {
        out.add(name.strip());
      }
    }
    return out;
  }

  /** The confidence the tags state (see the class comment), or null. */
  static @Nullable Integer confidence(List<String> tags) {
    for (String tag : tags) {
      Matcher m = MACHINE_TAG.matcher(tag);
      if (!m.matches()) {
        continue;
      }
      String ns = m.group(1).toLowerCase(Locale.ROOT);
      String pred = m.group(2).toLowerCase(Locale.ROOT);
      String val = m.group(3).toLowerCase(Locale.ROOT).strip();
      if (ns.equals("admiralty-scale") && pred.equals("information-credibility") && CREDIBILITY.containsKey(val)) {
        return CREDIBILITY.get(val);
      }
      if (ns.equals("estimative-language") && pred.equals("likelihood-probability") && LIKELIHOOD.containsKey(val)) {
        return LIKELIHOOD.get(val);
      }
    }
    return null;
  }

  /**
   * The event's galaxy clusters as context: {@code threat-actor: X} (threat-actor, intrusion sets),
   * {@code malware: X} (malpedia, MITRE malware and tools, ransomware, botnets, ...),
   * {@code attack-pattern: T1071 Application Layer Protocol}, {@code campaign: X}, and
   * {@code <cluster type>: X} for the rest.
   */
  static List<String> galaxyContext(JsonObject event) {
    List<String> out = new ArrayList<>();
    for (JsonObject galaxy : objects(event.get("Galaxy"))) {
      String galaxyType = galaxy.getString("type");
      for (JsonObject cluster : objects(galaxy.get("GalaxyCluster"))) {
        String value = cluster.getString("value");
        if (value == null || value.isBlank()) {
          continue;
        }
        String type = cluster.getString("type");
        String c = context(type != null ? type : galaxyType != null ? galaxyType : "galaxy", value.strip());
        if (!out.contains(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  private static String context(String clusterType, String value) {
    String t = clusterType.toLowerCase(Locale.ROOT);
    if (t.contains("attack-pattern")) {
      Matcher m = ATTACK_ID.matcher(value);
      return "attack-pattern: " + (m.matches() ? m.group(2) + " " + m.group(1) : value);
    }
    if (t.equals("threat-actor") || t.contains("intrusion-set") || t.contains("activity-group")) {
      return "threat-actor: " + value;
    }
    if (t.equals("malpedia") || t.contains("malware") || t.contains("tool") || t.equals("ransomware")
        || t.equals("botnet") || t.equals("rat") || t.equals("banker") || t.equals("stealer")
        || t.equals("backdoor") || t.equals("android") || t.equals("exploit-kit")) {
      return "malware: " + value;
    }
    if (t.contains("campaign")) {
      return "campaign: " + value;
    }
    return t + ": " + value;
  }

  /** The objects in a JSON array value (other elements and non-arrays give nothing). */
  static List<JsonObject> objects(@Nullable Object v) {
    List<JsonObject> out = new ArrayList<>();
    if (v instanceof JsonArray a) {
      for (Object e : a) {
        if (e instanceof JsonObject o) {
          out.add(o);
        }
      }
    } else if (v instanceof JsonObject o) {
      out.add(o);
    }
    return out;
  }
}
