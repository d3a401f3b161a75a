package dev.kumo.serve.web;

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
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Shared helpers of the service's YAML readers: whole-file maps, whole numbers and durations. */
public final class Yaml {
  /** Largest configuration or users file accepted. */
  public static final int MAX_CHARS = 1 << 20;
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(s|m|h|d)");

  private Yaml() {}

  /** Reads a file holding one YAML map; a malformed one throws with {@code file:line: reason}. */
  public static YMap root(Path path) throws IOException {
    if (Files.size(path) > MAX_CHARS) {
      throw new WebConfigException(List.of(path + ": larger than " + MAX_CHARS + " bytes"));
    }
    return root(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
  }

  public static YMap root(String file, String text) {
    List<YamlReader.Document> docs = new YamlReader(MAX_CHARS).readAll(new StringReader(text));
    if (docs.size() != 1 || docs.get(0).error() != null || !(docs.get(0).root() instanceof YMap root)) {
      String why = docs.isEmpty() ? "empty file" : docs.get(0).error() != null ? docs.get(0).error()
          : docs.size() > 1 ? "one document per file" : "the file must hold a map";
      throw new WebConfigException(List.of(file + ":" + (docs.isEmpty() ? 1 : docs.get(0).line()) + ": " + why));
    }
    return root;
  }

  /** A whole number in {@code [min, max]}, or {@code dflt} when absent. */
  public static int integer(YamlChecks checks, YMap m, String key, int dflt, int min, int max) {
    String v = checks.text(m, key, false);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    checks.error(m.lineOf(key), "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    return dflt;
  }

  /** A duration such as {@code 30s}, {@code 15m}, {@code 12h} or {@code 1d}, or {@code dflt} when absent. */
  public static Duration duration(YamlChecks checks, YMap m, String key, Duration dflt) {
    String v = checks.text(m, key, false);
    if (v == null) {
      return dflt;
    }
    Matcher x = DURATION.matcher(v.strip());
    if (!x.matches() || Long.parseLong(x.group(1)) == 0) {
      checks.error(m.lineOf(key), "'" + key + "' must be a positive duration such as 30s, 15m, 12h or 1d, not '" + v
          + "'");
      return dflt;
    }
    long n = Long.parseLong(x.group(1));
    switch (x.group(2)) {
      case "s":
        return Duration.ofSeconds(n);
      case "m":
        return Duration.ofMinutes(n);
      case "h":
        return Duration.ofHours(n);
      default:
        return Duration.ofDays(n);
    }
  }

  /** A scalar node's text, or null. */
  static @Nullable String scalar(@Nullable YNode n) {
    return n instanceof YScalar s && s.value() != null ? s.text() : null;
  }
}
