package dev.kumo.posture.prowler;

import dev.kumo.exercise.tabletop.Threat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bundled map from Prowler check-id prefixes to Kumo threats and ATT&amp;CK techniques
 * ({@code dev/kumo/posture/prowler-threats.tsv}); the longest matching prefix wins.
 */
final class ProwlerThreats {
  /** One line of the map. */
  record Entry(String prefix, Threat threat, List<String> techniques) {}

  private final List<Entry> entries;

  private ProwlerThreats(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads the bundled map. */
  static ProwlerThreats bundled() {
    String res = "/dev/kumo/posture/prowler-threats.tsv";
    try (InputStream in = ProwlerThreats.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled " + res);
      }
      return parse(res, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code prefix TAB threat TAB techniques} lines; {@code #} starts a comment.
   *
   * @throws IllegalArgumentException naming the line
   */
  static ProwlerThreats parse(String name, String text) {
    List<Entry> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 3) {
        throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected prefix, threat, techniques");
      }
      out.add(new Entry(f[0], Threat.parse(f[1]),
          Arrays.stream(f[2].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
    }
    return new ProwlerThreats(out);
  }

  /** The entry of the longest prefix of {@code checkId}, or null. */
  @Nullable Entry match(String checkId) {
    Entry best = null;
    for (Entry e : entries) {
      if (checkId.startsWith(e.prefix()) && (best == null || e.prefix().length() > best.prefix().length())) {
        best = e;
      }
    }
    return best;
  }
}
