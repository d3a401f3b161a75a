package dev.kumo.flink;

import dev.kumo.detect.LoadedRules;
import dev.kumo.detect.PackOptions;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.tuning.TuningProfile;
import dev.kumo.hunt.FindingGate;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The rules of one operator instance: those loaded at start, replaced by the latest control message
 * the operator's broadcast state holds. A message is compiled once per instance and cached by its
 * text; a message whose rules do not compile is refused (the rules in force stay). Not thread-safe.
 */
final class RuleBook implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Key of the latest control message in the broadcast state. */
  static final String CURRENT = "current";

  private final RuleSet initial;
  private transient @Nullable String cachedText;
  private transient @Nullable RuleSet cached;

  RuleBook(RuleSet initial) {
    this.initial = initial;
  }

  /** The rules in force given the latest accepted control message (null: none yet). */
  RuleSet current(@Nullable String latestUpdate) {
    if (latestUpdate == null) {
      return initial;
    }
    if (!latestUpdate.equals(cachedText)) {
      cached = compile(RulesUpdate.parse(latestUpdate), initial.gate());
      cachedText = latestUpdate;
    }
    return java.util.Objects.requireNonNull(cached);
  }

  /**
   * Compiles an update, whose findings pass {@code gate} (the job's); throws IllegalArgumentException
   * naming the first rule error, so that a broken update is refused as a whole.
   */
  static RuleSet compile(RulesUpdate update, FindingGate gate) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("kumo-rules-");
      Path rules = Files.createDirectories(dir.resolve("rules"));
      Path intel = Files.createDirectories(dir.resolve("intel"));
      for (Map.Entry<String, String> e : update.rules().entrySet()) {
        Files.writeString(rules.resolve(e.getKey()), e.getValue());
      }
      for (Map.Entry<String, String> e : update.intel().entrySet()) {
        Files.writeString(intel.resolve(e.getKey()), e.getValue());
      }
      LoadedRules loaded = LoadedRules.load(new PackOptions(update.builtin(), update.rules().isEmpty() ? List.of()
          : List.of(rules), CompileOptions.defaults(), DetectorConfig.DEFAULTS, false, TuningProfile.builtin(),
          IntelFiles.load(update.intel().isEmpty() ? List.of() : List.of(intel))));
      if (loaded.errorCount() > 0) {
        throw new IllegalArgumentException("rules of version " + update.version() + " do not compile: "
            + loaded.problems().stream().filter(p -> p.isError()).findFirst().map(Object::toString).orElse("?"));
      }
      return new RuleSet(update.version(), loaded.engine(), gate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (dir != null) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // a temporary folder left behind
        }
      }
    }
  }
}
