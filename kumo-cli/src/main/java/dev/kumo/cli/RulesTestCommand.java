package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.cli.output.Style;
import dev.kumo.cli.output.Terminal;
import dev.kumo.detect.LoadedRules;
import dev.kumo.ingest.LogSources;
import dev.kumo.ruletest.RuleTestFile;
import dev.kumo.ruletest.RuleTestFiles;
import dev.kumo.ruletest.RuleTestRunner;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo rules test}: run {@code *.tests.yml} rule tests. */
@Command(name = "test", description = "Run rule tests (<name>.tests.yml beside the rules). Exit code 5 on any failure.",
    footer = {"", "Test file format:",
        "  rule: <rule id, name or file name>",
        "  cases:",
        "    - name: what this case shows",
        "      match: true            # or false",
        "      event: {...}           # one record; or 'events: [...]' for correlation rules",
        "", "Examples:", "  kumo rules test", "  kumo rules test ./my-rules --require-tests"})
final class RulesTestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Folders with rules and their tests (default: the built-in pack).")
  List<Path> paths = List.of();

  @Option(names = "--require-tests",
      description = "Fail when a rule has no positive or no negative case (always on for the built-in pack).")
  boolean requireTests;

  @Option(names = "--no-color", description = "No colours.")
  boolean noColor;

  @Option(names = {"-v", "--verbose"}, description = "List passing cases too.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    boolean builtin = paths.isEmpty();
    LoadedRules rules = LoadedRules.load(builtin, paths, CompileOptions.defaults());
    List<RuleTestFile> files = new ArrayList<>();
    List<String> fileErrors = new ArrayList<>();
    if (builtin) {
      files.addAll(RuleTestFiles.builtin());
    } else {
      for (Path p : RuleTestFiles.find(paths)) {
        try {
          files.add(RuleTestFiles.parse(p));
        } catch (RuleTestFiles.TestFileException e) {
          fileErrors.add(e.getMessage());
        }
      }
    }
    Style style = new Style(!noColor && Terminal.colorAllowed() && Terminal.stdoutIsTerminal());
    PrintStream out = System.out;
    rules.problems().stream().filter(p -> p.isError())
        .forEach(p -> out.println(style.red("rule error ") + Sanitize.terminal(p.format())));
    RuleTestRunner.Report report = new RuleTestRunner(rules, LogSources.defaults()).run(files);
    long passed = 0;
    for (RuleTestRunner.CaseResult r : report.results()) {
      if (r.passed()) {
        passed++;
        if (verbose) {
          out.println(style.green("PASS ") + Sanitize.terminal(r.rule() + " · " + r.caseName()));
        }
      } else {
        out.println(style.red("FAIL ") + Sanitize.terminal(r.file() + ":" + r.line() + " " + r.rule() + " · "
            + r.caseName() + " — expected " + (r.expected() ? "a match" : "no match") + ", got "
            + (r.actual() ? "a match" : "no match") + (r.note() == null ? "" : " (" + r.note() + ")")));
      }
    }
    long failures = report.failures() + fileErrors.size() + rules.errorCount();
    for (String e : report.errors()) {
      out.println(style.red("ERROR ") + Sanitize.terminal(e));
    }
    for (String e : fileErrors) {
      out.println(style.red("ERROR ") + Sanitize.terminal(e));
    }
    long coverageFailures = 0;
    if (builtin || requireTests) {
      for (SigmaRule r : rules.rules()) {
        RuleMeta m = r.meta();
        boolean[] cov = report.coverage().get(m);
        String missing = cov == null ? "no tests" : !cov[0] ? "no positive case" : !cov[1] ? "no negative case" : null;
        if (missing != null) {
          coverageFailures++;
          out.println(style.red("UNTESTED ") + Sanitize.terminal(m.origin() + " " + m.key() + ": " + missing));
        }
      }
    }
    failures += coverageFailures;
    out.println();
    out.println(report.results().size() + " cases in " + files.size() + " test files: " + passed + " passed, "
        + (report.results().size() - passed) + " failed" + (coverageFailures > 0 ? ", " + coverageFailures
        + " rules without both positive and negative cases" : "") + " · " + rules.rules().size() + " rules");
    return failures > 0 ? ExitCode.RULES : ExitCode.OK;
  }
}
