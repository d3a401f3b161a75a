package dev.kumo.detect;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.tuning.TuningProfile;
import java.nio.file.Path;
import java.util.List;

/**
 * What to load for a run.
 *
 * @param builtin whether Kumo's built-in pack (rules and detectors) is included
 * @param paths user rule folders and files
 * @param detectors settings of the built-in detectors
 * @param experimentalAlerts whether {@code experimental} rules and detectors report (else dry-run)
 * @param tuning level changes and disabled rules applied to every loaded rule
 * @param intel the lists detectors consult, with the analyst's indicators of compromise
 */
public record PackOptions(boolean builtin, List<Path> paths, CompileOptions compile, DetectorConfig detectors,
    boolean experimentalAlerts, TuningProfile tuning, Intel intel) {
  public PackOptions {
    paths = List.copyOf(paths);
  }

  /** Options with the built-in lists and no indicators. */
  public PackOptions(boolean builtin, List<Path> paths, CompileOptions compile, DetectorConfig detectors,
      boolean experimentalAlerts, TuningProfile tuning) {
    this(builtin, paths, compile, detectors, experimentalAlerts, tuning, Intel.builtin());
  }

  /** The built-in pack plus {@code paths}, default settings. */
  public static PackOptions of(boolean builtin, List<Path> paths, CompileOptions compile) {
    return new PackOptions(builtin, paths, compile, DetectorConfig.DEFAULTS, false, TuningProfile.builtin());
  }
}
