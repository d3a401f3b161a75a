package dev.kumo.serve.reports;

import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlChecks;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code reports:} section of {@code serve.yml}; problems go to {@code checks} as {@code file:line: reason}.
 *
 * <pre>
 * reports:
 *   posture: reports/posture.jsonl       # kumo posture --format json --output reports/posture.jsonl
 *   dead_spots: reports/dead-spots.json  # kumo dead-spots --format json --output reports/dead-spots.json
 * </pre>
 */
public final class ReportsConfigReader {
  private ReportsConfigReader() {}

  /** The section of {@code root} (absent: {@link ReportsConfig#none()}); relative paths are taken from {@code base}. */
  public static ReportsConfig read(YMap root, YamlChecks checks, Path base) {
    YNode n = root.get("reports");
    if (n == null) {
      return ReportsConfig.none();
    }
    if (!(n instanceof YMap m)) {
      checks.error(root.lineOf("reports"), "'reports' must be a map with 'posture' and/or 'dead_spots'");
      return ReportsConfig.none();
    }
    checks.keys(m, "posture", "dead_spots");
    String posture = checks.text(m, "posture", false);
    String deadSpots = checks.text(m, "dead_spots", false);
    return new ReportsConfig(path(posture, base), path(deadSpots, base));
  }

  private static @Nullable Path path(@Nullable String p, Path base) {
    return p == null || p.isBlank() ? null : base.resolve(p.strip());
  }
}
