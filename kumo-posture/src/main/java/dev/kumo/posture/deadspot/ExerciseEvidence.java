package dev.kumo.posture.deadspot;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Exercise results as evidence: the ATT&amp;CK Navigator layer {@code kumo exercise} writes
 * ({@code navigator-layer.json}), where each exercised technique has score = percent of its steps detected.
 *
 * @param scores technique id → best score seen (0 = exercised and missed)
 * @param file where it was read
 */
public record ExerciseEvidence(Map<String, Integer> scores, String file) {
  private static final long MAX_BYTES = 64L << 20;

  public ExerciseEvidence {
    scores = Map.copyOf(scores);
  }

  /**
   * Reads a layer file, or {@code navigator-layer.json} inside an exercise report folder.
   *
   * @throws IllegalArgumentException when it is not a Navigator layer with techniques
   */
  public static ExerciseEvidence read(Path path) throws IOException {
    Path file = Files.isDirectory(path) ? path.resolve("navigator-layer.json") : path;
    if (Files.size(file) > MAX_BYTES) {
      throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES + " bytes");
    }
    Object tree;
    try {
      tree = JsonTreeReader.lenient().read(Files.readString(file));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage());
    }
    if (!(tree instanceof JsonObject layer) || !(layer.get("techniques") instanceof JsonArray techniques)) {
      throw new IllegalArgumentException(file + ": not an ATT&CK Navigator layer (no 'techniques' list)");
    }
    Map<String, Integer> scores = new TreeMap<>();
    for (int i = 0; i < techniques.size(); i++) {
      if (!(techniques.get(i) instanceof JsonObject t) || t.getString("techniqueID") == null
          || !(t.get("score") instanceof Number n)) {
        throw new IllegalArgumentException(file + ": techniques[" + i + "] has no techniqueID and score");
      }
      scores.merge(t.getString("techniqueID"), n.intValue(), Math::max);
    }
    return new ExerciseEvidence(scores, file.toString());
  }

  /** The score of {@code technique} or of a sub-technique of it, or null when not exercised. */
  public @Nullable Integer score(String technique) {
    Integer best = scores.get(technique);
    for (Map.Entry<String, Integer> e : scores.entrySet()) {
      if (e.getKey().startsWith(technique + ".") || technique.startsWith(e.getKey() + ".")) {
        best = best == null ? e.getValue() : Math.max(best, e.getValue());
      }
    }
    return best;
  }
}
