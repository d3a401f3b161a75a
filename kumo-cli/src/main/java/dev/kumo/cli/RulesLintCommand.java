package dev.kumo.cli;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.detect.CompiledRule;
import dev.kumo.detect.FieldCoverage;
import dev.kumo.detect.LoadedRules;
import dev.kumo.detect.Reachability;
import dev.kumo.detect.SourceMappings;
import dev.kumo.sigma.DetectionRule;
import dev.kumo.sigma.LoadProblem;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.tuning.TuningEntry;
import dev.kumo.tuning.TuningProfile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo rules lint}: load and compile rules, report every problem. */
@Command(name = "lint", description = "Load and compile rules and report every problem with file and line."
    + " Exit code 5 when a rule cannot load.",
    footer = {"", "Example:", "  kumo rules lint ../sigma/rules ./my-rules"})
final class RulesLintCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Rule files or folders (default: the built-in pack).")
  List<Path> paths = List.of();

  @Option(names = "--placeholders", paramLabel = "FILE", description = "Values for %%placeholders%% (expand).")
  Path placeholders;

  @Option(names = {"-q", "--quiet"}, description = "Only errors, no warnings.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    RuleOptions ro = new RuleOptions();
    ro.placeholders = placeholders;
    ro.maxRegexLength = dev.kumo.sigma.compile.CompileOptions.DEFAULT_MAX_REGEX_LENGTH;
    ro.noBuiltin = !paths.isEmpty();
    ro.rules = paths;
    LoadedRules rules = ro.load();
    PrintStream out = System.out;
    List<LoadProblem> problems = rules.problems();
    long errors = rules.errorCount();
    for (LoadProblem p : problems) {
      if (p.isError() || !quiet) {
        out.println(Sanitize.terminal(p.format()));
      }
    }
    AttackCatalog catalog = AttackCatalog.bundled();
    long unknownAttack = 0;
    for (SigmaRule r : rules.rules()) {
      for (String t : catalog.fromTags(r.meta().tags()).unknownTechniques()) {
        unknownAttack++;
        if (!quiet) {
          out.println(Sanitize.terminal(r.meta().origin() + ": warning: ATT&CK technique " + t
              + " is not in ATT&CK " + catalog.version() + " [" + r.meta().key() + "]"));
        }
      }
    }
    List<Reachability.Warning> reach = Reachability.warnings(rules.engine(), SourceMappings.bundled());
    if (!quiet) {
      for (Reachability.Warning w : reach) {
        out.println(Sanitize.terminal(w.file() + ":" + w.line() + ": warning: rule '" + w.ruleTitle() + "' "
            + w.message() + " [" + w.ruleKey() + "]"));
      }
    }
    long warnings = problems.size() - errors + unknownAttack + reach.size();
    if (!quiet) {
      for (TuningProfile.Applied t : rules.tuned()) {
        TuningEntry e = t.entry();
        String what = switch (e.action()) {
          case DISABLE -> "disabled";
          case EXPERIMENTAL -> "runs dry (experimental)";
          case LEVEL -> "level " + e.level().id();
        };
        out.println(Sanitize.terminal(t.rule().meta().origin() + ": tuned: rule '" + t.rule().meta().title() + "' "
            + what + " by " + e.file() + ":" + e.line() + " — " + e.reason()));
      }
    }
    int loaded = rules.rules().size();
    out.println();
    out.println(loaded + " rules loaded, " + errors + " errors, " + warnings + " warnings");
    for (Map.Entry<String, Integer> e : rules.rulesBySource().entrySet()) {
      int unindexed = rules.engine().stats(e.getKey()).unindexed();
      out.println("  " + e.getKey() + ": " + e.getValue() + " rules (" + (e.getValue() - unindexed)
          + " indexed, " + unindexed + " evaluated on every event)");
    }
    if (!rules.unrouted().isEmpty()) {
      Map<String, Integer> byLogsource = new TreeMap<>();
      for (DetectionRule d : rules.unrouted()) {
        byLogsource.merge(d.logsource().toString(), 1, Integer::sum);
      }
      out.println("  " + rules.unrouted().size() + " rules are for log sources Kumo does not read yet:");
      byLogsource.forEach((ls, n) -> out.println("    " + n + "  " + Sanitize.terminal(ls)));
    }
    Map<String, List<FieldCoverage.Gap>> gaps = FieldCoverage.gaps(rules.engine(), SourceMappings.bundled());
    for (String source : rules.rulesBySource().keySet()) {
      List<FieldCoverage.Gap> g = gaps.getOrDefault(source, List.of());
      List<FieldCoverage.Gap> open = g.stream().filter(x -> !x.explained()).toList();
      List<FieldCoverage.Gap> explained = g.stream().filter(FieldCoverage.Gap::explained).toList();
      out.println("  " + source + " fields: " + (open.isEmpty() ? "all resolved" : open.size() + " not provided by the source:")
          + (explained.isEmpty() ? "" : " (" + explained.size() + " explained as never present)"));
      for (FieldCoverage.Gap x : open) {
        out.println("    " + Sanitize.terminal(x.field() + "  in " + x.ruleKey() + " (" + x.ruleFile() + ")"));
      }
      for (FieldCoverage.Gap x : explained) {
        out.println("    " + Sanitize.terminal(x.field() + "  in " + x.ruleKey() + ": never present — " + x.reason()));
      }
    }
    long sources = rules.engine().rules().stream().map(CompiledRule::sourceId).distinct().count();
    if (sources == 0 && loaded > 0 && rules.unrouted().size() == loaded) {
      out.println("  note: none of these rules applies to a log source Kumo reads");
    }
    return errors > 0 ? ExitCode.RULES : ExitCode.OK;
  }
}
