package dev.kumo.cli;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.Tactic;
import dev.kumo.cli.output.Sanitize;
import dev.kumo.correlate.CorrelationDef;
import dev.kumo.detect.CompiledRule;
import dev.kumo.detect.LoadedRules;
import dev.kumo.detector.DetectorBinding;
import dev.kumo.detector.Setting;
import dev.kumo.sigma.CorrelationRule;
import dev.kumo.sigma.DetectionRule;
import dev.kumo.sigma.FilterRule;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.sigma.condition.ConditionPrinter;
import dev.kumo.tuning.TuningEntry;
import dev.kumo.tuning.TuningProfile;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kumo rules explain}: print a rule's compiled form. */
@Command(name = "explain", description = "Print how a rule was compiled (condition tree, routing, index), or what a "
    + "detector does and its settings.",
    footer = {"", "Examples:", "  kumo rules explain kumo_aws_cloudtrail_logging_stopped",
        "  kumo rules explain kumo_aws_instance_credentials_used_outside",
        "  kumo rules explain ./sigma/rules/cloud/aws/cloudtrail/aws_cloudtrail_disable_logging.yml"})
final class RulesExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RULE", description = "A rule or detector id, name or title, or a rule file.")
  String rule;

  @Mixin
  RuleOptions ruleOptions;

  @Override
  public Integer call() throws Exception {
    Path asFile = Path.of(rule);
    if (Files.isRegularFile(asFile)) {
      ruleOptions.rules = new ArrayList<>(ruleOptions.rules);
      ruleOptions.rules.add(asFile);
    }
    LoadedRules rules = ruleOptions.load();
    List<SigmaRule> matches = new ArrayList<>();
    for (SigmaRule r : rules.rules()) {
      RuleMeta m = r.meta();
      boolean fileMatch = Files.isRegularFile(asFile) && Path.of(m.origin().file()).toAbsolutePath().normalize()
          .equals(asFile.toAbsolutePath().normalize());
      if (fileMatch || m.isReferencedBy(rule) || m.title().equalsIgnoreCase(rule)) {
        matches.add(r);
      }
    }
    List<DetectorBinding> detectors = rules.engine().detectors().stream().filter(b -> {
      RuleMeta m = b.detector().meta();
      return m.isReferencedBy(rule) || m.title().equalsIgnoreCase(rule);
    }).toList();
    if (matches.isEmpty() && detectors.isEmpty()) {
      for (TuningProfile.Applied t : rules.tuned()) {
        RuleMeta m = t.rule().meta();
        if (t.entry().action() == TuningEntry.Action.DISABLE && (m.isReferencedBy(rule) || m.title().equalsIgnoreCase(rule))) {
          System.err.println("kumo: rule '" + Sanitize.terminal(m.title()) + "' is disabled by tuning ("
              + Sanitize.terminal(t.entry().file()) + ":" + t.entry().line() + "): "
              + Sanitize.terminal(t.entry().reason()) + (t.entry().file().startsWith("builtin:")
                  ? " — use --no-tuning to explain it anyway" : ""));
          return ExitCode.USAGE;
        }
      }
      System.err.println("kumo: no rule or detector with id, name or title '" + Sanitize.terminal(rule)
          + "' (add --rules DIR to search your own rules)");
      rules.problems().stream().filter(p -> p.isError()).forEach(p -> System.err.println(Sanitize.terminal(p.format())));
      return ExitCode.USAGE;
    }
    for (SigmaRule r : matches) {
      explain(r, rules, System.out);
    }
    for (DetectorBinding b : detectors) {
      explain(b, System.out);
    }
    return ExitCode.OK;
  }

  private static void header(RuleMeta m, PrintStream out) {
    AttackCatalog catalog = AttackCatalog.bundled();
    out.println(Sanitize.terminal(m.title()));
    out.println("  id:        " + nv(m.id()) + (m.name() == null ? "" : "   name: " + Sanitize.terminal(m.name())));
    out.println("  file:      " + Sanitize.terminal(m.origin().toString()));
    out.println("  level:     " + m.effectiveLevel().id() + "   status: " + nv(m.status()));
    out.println("  author:    " + nv(m.author()));
    var attack = catalog.fromTags(m.tags());
    if (!attack.isEmpty()) {
      out.println("  ATT&CK:    " + attack.techniques().stream()
          .map(t -> t + " " + (catalog.name(t) == null ? "(unknown)" : catalog.name(t))).collect(Collectors.joining(", "))
          + " · " + attack.tactics().stream().map(Tactic::displayName).collect(Collectors.joining(", ")));
    }
  }

  private static void explain(DetectorBinding b, PrintStream out) {
    RuleMeta m = b.detector().meta();
    header(m, out);
    String over = b.detector().sources().isEmpty() ? "the input files themselves (no events)"
        : String.join(", ", new java.util.TreeSet<>(b.detector().sources()));
    out.println("  kind:      Java detector, runs in event time over " + over
        + (b.dryRun() ? " (dry run: experimental)" : ""));
    if (m.description() != null) {
      out.println("  what:      " + Sanitize.terminal(m.description()));
    }
    if (!b.detector().settings().isEmpty()) {
      out.println("Settings (detectors: " + m.name() + ": in --settings FILE):");
      for (Setting.Value v : b.detector().settings()) {
        out.println("  " + v.name() + " = " + Sanitize.terminal(v.value())
            + (v.value().equals(v.defaultValue()) ? "" : " (default " + Sanitize.terminal(v.defaultValue()) + ")")
            + " — " + Sanitize.terminal(v.description()));
      }
    }
    out.println();
  }

  private static void explain(SigmaRule r, LoadedRules rules, PrintStream out) {
    RuleMeta m = r.meta();
    header(m, out);
    if (r instanceof DetectionRule d) {
      out.println("  logsource: " + Sanitize.terminal(d.logsource().toString()));
      List<CompiledRule> compiled = rules.engine().rules().stream().filter(c -> c.meta() == m).toList();
      if (compiled.isEmpty()) {
        out.println("  routing:   no log source Kumo reads matches this logsource; the rule never runs");
        out.println("Condition (Sigma field names):");
        out.print(indent(ConditionPrinter.print(d.condition())));
      }
      for (CompiledRule c : compiled) {
        out.println("  routing:   " + c.sourceId() + (c.emitsFindings() ? "" : " (feeds correlations only)"));
        out.println("  index:     " + rules.engine().indexKeys(c)
            .map(e -> "evaluated only on events whose " + e.getKey() + " is one of " + e.getValue())
            .orElse("evaluated on every " + c.sourceId() + " event"));
        if (!c.feeds().isEmpty()) {
          out.println("  feeds:     " + c.feeds().size() + " correlation(s)");
        }
        out.println("Condition for " + c.sourceId() + ":");
        out.print(indent(ConditionPrinter.print(c.condition())));
      }
    } else if (r instanceof CorrelationRule c) {
      out.println("  type:      " + c.type().id() + " within " + c.timespan().toString().substring(2).toLowerCase(Locale.ROOT)
          + (c.groupBy().isEmpty() ? "" : " grouped by " + String.join(", ", c.groupBy())));
      out.println("  rules:     " + String.join(", ", c.rules()));
      out.println("  condition: " + c.condition().stream().map(Object::toString).collect(Collectors.joining(" and "))
          + (c.valueField() == null ? "" : " (field " + c.valueField() + ")"));
      out.println("  generate:  " + c.generate());
      boolean active = rules.engine().correlations().stream().map(CorrelationDef::rule).anyMatch(x -> x == c);
      out.println("  status:    " + (active ? "active" : "not active (see kumo rules lint)"));
    } else if (r instanceof FilterRule f) {
      out.println("  filter for: " + String.join(", ", f.rules()));
      out.println("Condition (ANDed as NOT into those rules):");
      out.print(indent(ConditionPrinter.print(f.condition())));
    }
    out.println();
  }

  private static String nv(String s) {
    return s == null ? "-" : Sanitize.terminal(s);
  }

  private static String indent(String s) {
    return s.lines().map(l -> "  " + Sanitize.terminal(l)).collect(Collectors.joining("\n", "", "\n"));
  }
}
