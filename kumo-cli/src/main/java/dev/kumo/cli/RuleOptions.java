package dev.kumo.cli;

import dev.kumo.detect.LoadedRules;
import dev.kumo.detect.PackOptions;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.tuning.MuteEntry;
import dev.kumo.tuning.Mutelist;
import dev.kumo.tuning.MutelistReader;
import dev.kumo.tuning.TuningProfile;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.sigma.compile.Placeholders;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that choose the rules: shared by hunt, demo and bench. */
public final class RuleOptions {
  @Option(names = "--rules", paramLabel = "DIR|FILE",
      description = "Sigma rules to add to the built-in pack (folder or file; repeatable).")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--no-builtin", description = "Leave Kumo's built-in rule pack out.")
  boolean noBuiltin;

  @Option(names = "--placeholders", paramLabel = "FILE",
      description = "YAML map of placeholder name to values, for rules using the expand modifier.")
  Path placeholders;

  @Option(names = "--max-regex-length", paramLabel = "N", defaultValue = "4096",
      description = "Longest regular expression accepted from a rule (default: ${DEFAULT-VALUE}).")
  int maxRegexLength;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "YAML settings file; its 'detectors:' section sets detector thresholds and windows, "
          + "or turns detectors off (see kumo rules explain <detector>).")
  Path settings;

  @Option(names = "--experimental",
      description = "Report findings of experimental rules and detectors too (by default they run dry: counted only).")
  boolean experimental;

  @Option(names = "--tuning", paramLabel = "FILE",
      description = "YAML tuning profile ('tuning:' list: rule id or name, action disable|experimental|level, reason), "
          + "applied after Kumo's own profile for SigmaHQ rules. A 'tuning:' section in the --settings file is read too.")
  List<Path> tuning = new ArrayList<>();

  @Option(names = "--no-tuning", description = "Do not apply Kumo's shipped tuning profile for SigmaHQ rules.")
  boolean noTuning;

  CompileOptions compileOptions() throws IOException {
    Placeholders p = placeholders == null ? Placeholders.NONE
        : new Placeholders(RuleLoader.readPlaceholders(placeholders));
    return new CompileOptions(java.util.function.UnaryOperator.identity(), p, maxRegexLength, false);
  }

  LoadedRules load() throws IOException {
    return load(dev.kumo.intel.Intel.builtin());
  }

  /** The rules and detectors, the detectors consulting {@code intel}. */
  LoadedRules load(dev.kumo.intel.Intel intel) throws IOException {
    return LoadedRules.load(new PackOptions(!noBuiltin, rules, compileOptions(), detectorConfig(), experimental,
        tuningProfile(), intel));
  }

  /** Kumo's profile (unless --no-tuning), then --tuning files, then the settings file's 'tuning:' section. */
  TuningProfile tuningProfile() throws IOException {
    TuningProfile p = noTuning ? TuningProfile.NONE : TuningProfile.builtin();
    List<Path> files = new ArrayList<>(tuning);
    if (settings != null) {
      files.add(settings);
    }
    for (Path f : files) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        p = p.plus(TuningProfile.read(r, f.toString()));
      }
    }
    return p;
  }

  /** The mutelist entries of the given files plus any 'mutelist:' section of the settings file. */
  Mutelist mutelist(List<Path> files) throws IOException {
    List<Path> all = new ArrayList<>(files);
    if (settings != null) {
      all.add(settings);
    }
    List<MuteEntry> entries = new ArrayList<>();
    for (Path f : all) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        entries.addAll(MutelistReader.read(r, f.toString()).entries());
      }
    }
    return new Mutelist(entries);
  }

  DetectorConfig detectorConfig() throws IOException {
    if (settings == null) {
      return DetectorConfig.DEFAULTS;
    }
    try (Reader r = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
      return DetectorConfig.read(r, settings.toString());
    }
  }
}
