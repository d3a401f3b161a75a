package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.exercise.tabletop.Answers;
import dev.kumo.exercise.tabletop.AnswersReader;
import dev.kumo.exercise.tabletop.AnswersWriter;
import dev.kumo.exercise.tabletop.Decision;
import dev.kumo.exercise.tabletop.Distractor;
import dev.kumo.exercise.tabletop.HtmlReport;
import dev.kumo.exercise.tabletop.Inject;
import dev.kumo.exercise.tabletop.InteractiveSession;
import dev.kumo.exercise.tabletop.MarkdownReport;
import dev.kumo.exercise.tabletop.Role;
import dev.kumo.exercise.tabletop.ScoreCard;
import dev.kumo.exercise.tabletop.Scorer;
import dev.kumo.exercise.tabletop.Tabletop;
import dev.kumo.exercise.tabletop.TabletopException;
import dev.kumo.exercise.tabletop.TabletopReader;
import dev.kumo.exercise.tabletop.Tabletops;
import dev.kumo.exercise.tabletop.TextSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kumo tabletop}: list, show, run and validate tabletop response exercises. */
@Command(name = "tabletop", description = "Tabletop response exercises: timed injects, expected decisions and "
    + "owners, scored into an after-action report with links to the playbook steps.",
    subcommands = {TabletopCommand.ListCommand.class, TabletopCommand.ShowCommand.class,
        TabletopCommand.RunCommand.class, TabletopCommand.ValidateCommand.class},
    footer = {"", "Examples:",
        "  kumo tabletop list",
        "  kumo tabletop show ransomware-s3",
        "  kumo tabletop run ransomware-s3 --save-answers answers.yml      play it in the terminal",
        "  kumo tabletop run ransomware-s3 --answers answers.yml --report aar --format both",
        "  kumo tabletop validate my-tabletop.yml"})
final class TabletopCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Report formats of {@code run}. */
  enum ReportFormat { MARKDOWN, HTML, BOTH }

  /** A shipped id, or a file; empty when it is neither. */
  static Optional<Tabletop> load(String idOrFile) throws IOException {
    Path p = Path.of(idOrFile);
    if (Files.isRegularFile(p)) {
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        return Optional.of(TabletopReader.read(r, p.toString()));
      }
    }
    return Tabletops.find(idOrFile);
  }

  static Tabletop require(String idOrFile) throws IOException {
    return load(idOrFile).orElseThrow(() -> new NoSuchFileException(idOrFile,
        null, "neither a file nor a shipped tabletop (see: kumo tabletop list)"));
  }

  @Command(name = "list", description = "List the tabletops shipped with Kumo.")
  static final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.println(String.format(Locale.ROOT, "%-32s %-22s %7s  %s", "ID", "THREAT", "INJECTS", "TITLE"));
      for (Tabletop t : Tabletops.all()) {
        System.out.println(String.format(Locale.ROOT, "%-32s %-22s %7d  %s", t.id(), t.threat().id(),
            t.injects().size(), t.title()));
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "show", description = "Show a tabletop as the facilitator sees it: story, expected decisions, "
      + "owners, weights, distractors and playbook links.")
  static final class ShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID|FILE", description = "A shipped tabletop id or a tabletop YAML file.")
    String tabletop;

    @Override
    public Integer call() throws IOException {
      Tabletop t = require(tabletop);
      StringBuilder sb = new StringBuilder();
      sb.append(t.title()).append("  [").append(t.id()).append(", ").append(t.threat().id()).append("]\n")
          .append(t.summary().strip()).append("\n\nRoles:\n");
      for (Role r : t.roles()) {
        sb.append("  ").append(r.name()).append(" - ").append(r.description()).append('\n');
      }
      sb.append("Objectives:\n");
      t.objectives().forEach(o -> sb.append("  - ").append(o).append('\n'));
      for (Inject i : t.injects()) {
        sb.append("\n[").append(i.atText()).append("] ").append(i.id()).append(": ").append(i.title());
        if (!i.techniques().isEmpty()) {
          sb.append("  (").append(String.join(", ", i.techniques())).append(')');
        }
        sb.append('\n').append("  ").append(i.text().strip().replace("\n", "\n  ")).append('\n');
        for (Decision d : i.decisions()) {
          sb.append("  + ").append(d.id()).append(" (").append(d.owner()).append(", ").append(d.weight())
              .append(d.before() == null ? "" : ", after " + d.before()).append("): ").append(d.text())
              .append("\n      ").append(d.playbook()).append('\n');
        }
        for (Distractor x : i.distractors()) {
          sb.append("  - ").append(x.id()).append(" (").append(x.weight()).append("): ").append(x.text())
              .append("\n      why not: ").append(x.why()).append('\n');
        }
      }
      sb.append("\nMaximum score: ").append(t.maxPoints()).append('\n');
      System.out.print(Sanitize.terminal(sb.toString()).replace("\\x0a", "\n"));
      return ExitCode.OK;
    }
  }

  @Command(name = "run", sortOptions = false, description = "Run a tabletop interactively (stdin/stdout) or from "
      + "an answers file, score it and write the after-action report.")
  static final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID|FILE", description = "A shipped tabletop id or a tabletop YAML file.")
    String tabletop;

    @Option(names = "--answers", paramLabel = "FILE", description = "Replay the answers in FILE instead of asking.")
    Path answers;

    @Option(names = "--report", paramLabel = "DIR", description = "Write the report to DIR/<id>-aar.md and/or "
        + ".html (created); without it the Markdown report is printed.")
    Path report;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "both",
        description = "Report format with --report: markdown, html or both (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--save-answers", paramLabel = "FILE", description = "Save the session as an answers file.")
    Path saveAnswers;

    @Option(names = "--seed", defaultValue = "1", description = "Shuffles the numbered options (default: "
        + "${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
      Tabletop t = require(tabletop);
      Answers a;
      if (answers != null) {
        try (Reader r = Files.newBufferedReader(answers, StandardCharsets.UTF_8)) {
          a = AnswersReader.read(r, answers.toString(), t);
        }
      } else {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        a = new InteractiveSession(t, in, out, Clock.systemUTC(), seed).run();
        out.println();
      }
      if (saveAnswers != null) {
        Files.writeString(saveAnswers, AnswersWriter.write(a), StandardCharsets.UTF_8);
      }
      ScoreCard card = Scorer.score(t, a);
      if (report == null) {
        System.out.print(MarkdownReport.render(card));
        System.out.println();
      } else {
        Files.createDirectories(report);
        for (Path written : write(card)) {
          System.out.println("Report: " + written);
        }
      }
      if (saveAnswers != null) {
        System.out.println("Answers saved: " + saveAnswers);
      }
      System.out.print(TextSummary.render(card));
      return ExitCode.OK;
    }

    private List<Path> write(ScoreCard card) throws IOException {
      String base = card.tabletop().id() + "-aar";
      Path md = report.resolve(base + ".md");
      Path html = report.resolve(base + ".html");
      if (format != ReportFormat.HTML) {
        Files.writeString(md, MarkdownReport.render(card), StandardCharsets.UTF_8);
      }
      if (format != ReportFormat.MARKDOWN) {
        Files.writeString(html, HtmlReport.render(card), StandardCharsets.UTF_8);
      }
      return format == ReportFormat.BOTH ? List.of(md, html) : List.of(format == ReportFormat.HTML ? html : md);
    }
  }

  @Command(name = "validate", description = "Check tabletop YAML files: schema, ids, roles, offsets, weights, links.")
  static final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Tabletop YAML files.")
    List<Path> files;

    @Override
    public Integer call() {
      int exit = ExitCode.OK;
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          System.err.println("kumo: " + Sanitize.terminal(f.toString()) + ": no such file");
          exit = Math.max(exit, ExitCode.NO_INPUT);
          continue;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          Tabletop t = TabletopReader.read(r, f.toString());
          System.out.println(Sanitize.terminal(f + ": ok (" + t.id() + ", " + t.injects().size() + " injects, "
              + t.decisions().size() + " decisions, max " + t.maxPoints() + " points)"));
        } catch (TabletopException e) {
          System.out.println(Sanitize.terminal(e.getMessage()));
          exit = Math.max(exit, ExitCode.USAGE);
        } catch (IOException | RuntimeException e) {
          System.err.println("kumo: " + Sanitize.terminal(f + ": " + e.getMessage()));
          exit = Math.max(exit, ExitCode.NO_INPUT);
        }
      }
      return exit;
    }
  }
}
