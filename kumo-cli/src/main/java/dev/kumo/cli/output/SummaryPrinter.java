package dev.kumo.cli.output;

import dev.kumo.hunt.HuntSummary;
import dev.kumo.hunt.RuleCount;
import dev.kumo.hunt.TopCounter;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.sigma.Level;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The terminal summary of a hunt, in the spirit of Hayabusa's results summary. */
public final class SummaryPrinter {
  private static final int TOP = 5;
  private final PrintWriter out;
  private final Style style;

  public SummaryPrinter(PrintWriter out, Style style) {
    this.out = out;
    this.style = style;
  }

  public void print(HuntSummary s, RulesInfo rules) {
    double seconds = Math.max(s.elapsed().toNanos() / 1e9, 1e-9);
    String bySource = s.eventsBySource().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + Numbers.count(e.getValue())).collect(Collectors.joining(", "));
    out.println(style.bold("Kumo hunt") + "  " + Numbers.count(s.files()) + " files · "
        + dev.kumo.config.DataSize.format(s.bytes()) + " · " + Numbers.count(s.events()) + " events"
        + (bySource.isEmpty() ? "" : " (" + bySource + ")") + " · " + Numbers.duration(s.elapsed()) + " · "
        + Numbers.compact(s.events() / seconds) + " events/s on " + s.threads() + " thread" + (s.threads() == 1 ? "" : "s"));
    out.println("Rules      " + Numbers.count(rules.total()) + " loaded (" + rules.builtin() + " built-in, " + rules.user()
        + " from --rules" + (rules.correlations() > 0 ? ", " + rules.correlations() + " correlations" : "") + ")"
        + (rules.detectors() > 0 ? " + " + rules.detectors() + (rules.detectors() == 1 ? " detector" : " detectors") : "")
        + activeRules(rules) + (rules.loadErrors() > 0 ? style.red(" · " + rules.loadErrors() + " failed to load") : ""));
    if (s.firstEvent() != null) {
      out.println("Event time " + s.firstEvent() + " → " + s.lastEvent());
    }
    if (s.eventsOutsideRange() > 0) {
      out.println("           " + Numbers.count(s.eventsOutsideRange()) + " events outside --from/--to were not checked");
    }
    out.println();
    out.println(style.bold("Findings by level"));
    for (int i = Level.values().length - 1; i >= 0; i--) {
      Level l = Level.values()[i];
      long n = s.findings(l);
      out.println("  " + style.level(l, pad(l.id(), 14)) + leftPad(Numbers.count(n), 9)
          + (s.findings() > 0 ? "  " + style.dim(Numbers.percent(100.0 * n / s.findings())) : ""));
    }
    out.println("  " + style.bold(pad("total", 14)) + leftPad(Numbers.count(s.findings()), 9) + "  findings on "
        + Numbers.count(s.eventsWithFindings()) + " of " + Numbers.count(s.events()) + " events · data reduction "
        + style.green(Numbers.percent(s.dataReductionPercent())));
    if (s.findingsBelowMinLevel() > 0) {
      out.println("  " + style.dim(Numbers.count(s.findingsBelowMinLevel()) + " more below --min-level not shown"));
    }
    if (s.findingsSuppressed() > 0) {
      out.println("  " + style.dim(Numbers.count(s.findingsSuppressed()) + " suppressed by the mutelist ("
          + s.suppressedByEntry().entrySet().stream().sorted(Map.Entry.comparingByKey())
              .map(e -> Sanitize.terminal(e.getKey()) + " " + Numbers.count(e.getValue()))
              .collect(Collectors.joining(", ")) + "); --show-suppressed lists them"));
    }
    if (!s.dryRunRules().isEmpty()) {
      long n = s.dryRunRules().stream().mapToLong(RuleCount::count).sum();
      out.println("  " + style.dim(Numbers.count(n) + " more from " + s.dryRunRules().size()
          + " experimental rules running dry (--experimental reports them)"));
    }
    if (!s.rules().isEmpty()) {
      out.println();
      out.println(style.bold("Top rules"));
      for (RuleCount r : s.rules().subList(0, Math.min(8, s.rules().size()))) {
        out.println("  " + leftPad(Numbers.count(r.count()), 7) + "  " + style.level(r.level(), pad(r.level().id(), 13))
            + Sanitize.terminal(r.title()) + style.dim(r.author() == null ? "" : "  (" + Sanitize.terminal(r.author()) + ")"));
      }
      if (s.rules().size() > 8) {
        out.println(style.dim("  ... and " + (s.rules().size() - 8) + " more rules"));
      }
    }
    top("Top principals", s.topPrincipals());
    top("Top access keys", s.topAccessKeys());
    top("Top source IPs", s.topSourceIps());
    problems(s);
    if (!s.warnings().isEmpty()) {
      out.println();
      for (String w : s.warnings()) {
        out.println(style.yellow("warning: ") + Sanitize.terminal(w));
      }
    }
    if (s.aborted()) {
      out.println();
      out.println(style.red("Stopped early: " + Sanitize.terminal(s.abortReason())));
    }
  }

  private static String activeRules(RulesInfo r) {
    if (r.bySource().isEmpty()) {
      return "";
    }
    String active = r.bySource().entrySet().stream().map(e -> e.getValue() + " for " + e.getKey())
        .collect(Collectors.joining(", "));
    return " · " + active + (r.unrouted() > 0 ? " · " + r.unrouted() + " for log sources not read yet" : "");
  }

  private void top(String title, List<TopCounter.Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    out.println();
    out.println(style.bold(title));
    for (TopCounter.Entry e : entries.subList(0, Math.min(TOP, entries.size()))) {
      out.println("  " + leftPad(Numbers.count(e.count()), 7) + "  " + Sanitize.terminal(e.value()));
    }
  }

  private void problems(HuntSummary s) {
    if (s.problems() == 0 && s.digestFiles() == 0) {
      return;
    }
    out.println();
    if (s.problems() > 0) {
      String kinds = s.problemCounts().entrySet().stream()
          .map(e -> e.getKey().description() + " " + Numbers.count(e.getValue())).collect(Collectors.joining(" · "));
      out.println(style.yellow(style.bold("Skipped input")) + "  " + Numbers.count(s.problems()) + " (" + kinds + ")");
      List<IngestProblem> ex = s.problemExamples();
      for (IngestProblem p : ex.subList(0, Math.min(10, ex.size()))) {
        out.println("  " + Sanitize.terminal(p.format()));
      }
      if (s.problems() > Math.min(10, ex.size())) {
        out.println(style.dim("  ... " + (s.problems() - Math.min(10, ex.size()))
            + " more; use --summary FILE for the examples of every kind"));
      }
    }
    if (s.digestFiles() > 0) {
      out.println(style.dim("  " + s.digestFiles() + " CloudTrail digest files skipped (integrity hashes, not events)"));
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String leftPad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
