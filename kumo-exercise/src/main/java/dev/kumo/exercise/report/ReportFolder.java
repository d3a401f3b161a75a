package dev.kumo.exercise.report;

import dev.kumo.exercise.drill.ExerciseResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The after-action report folder ({@code kumo exercise --report DIR}, and the console's drill runs): the files a
 * scored drill is written to, one per {@link Part}.
 */
public final class ReportFolder {
  public static final String MARKDOWN_FILE = "exercise.md";
  public static final String HTML_FILE = "exercise.html";
  public static final String LAYER_FILE = "navigator-layer.json";
  public static final String JSON_FILE = "exercise.json";

  /** One file of the folder. */
  public enum Part {
    MARKDOWN(MARKDOWN_FILE), HTML(HTML_FILE), NAVIGATOR(LAYER_FILE), JSON(JSON_FILE);

    private final String file;

    Part(String file) {
      this.file = file;
    }

    /** The file's name in the folder. */
    public String file() {
      return file;
    }
  }

  private ReportFolder() {}

  /** The Navigator layer's name: {@code Kumo exercise: LABELS-FILE-NAME}. */
  public static String layerName(ExerciseResult r) {
    return "Kumo exercise: " + String.valueOf(Path.of(r.labelsFile()).getFileName());
  }

  /**
   * Writes the {@code parts} of the report into {@code dir} (created when missing), replacing files of the same
   * name.
   *
   * @param seed the seed of a simulated run, or null (recorded in {@code exercise.json})
   * @return the names of the files written, in {@link Part} order
   */
  public static List<String> write(ExerciseResult r, @Nullable Long seed, Path dir, Set<Part> parts)
      throws IOException {
    Files.createDirectories(dir);
    List<String> written = new ArrayList<>();
    for (Part p : Part.values()) {
      if (!parts.contains(p)) {
        continue;
      }
      try (Writer w = Files.newBufferedWriter(dir.resolve(p.file()), StandardCharsets.UTF_8)) {
        switch (p) {
          case MARKDOWN -> new MarkdownReport().write(r, new PrintWriter(w));
          case HTML -> new HtmlReport().write(r, new PrintWriter(w));
          case NAVIGATOR -> new NavigatorLayer().write(r, layerName(r), w);
          default -> new ExerciseJsonWriter().write(r, seed, w);
        }
      }
      written.add(p.file());
    }
    return written;
  }
}
