package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.intel.IntelFeeds;
import dev.kumo.intel.IntelProblem;
import dev.kumo.intel.local.FeedFile;
import dev.kumo.intel.local.LocalIntel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo intel import}: reads feeds and stores them in the local intel store (one feed per file). */
@Command(name = "import", description = "Read intel files or folders (STIX 2.1 bundles, MISP events and feed folders, "
    + "MISP warninglists, plain lists and CSV; gzip or not) into the local intel store. A feed imported again "
    + "replaces its earlier version; indicators the feed revokes are removed from every feed. Every problem "
    + "(unsupported pattern parts, bad values) is listed.")
final class IntelImportCommand implements Callable<Integer> {
  /** Problems listed per feed; the rest are counted. */
  private static final int SHOWN_PROBLEMS = 200;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Intel files or folders.")
  List<Path> paths;

  @Option(names = "--name", paramLabel = "FEED", description = "Feed name (only with one file; default: the file name).")
  String name;

  @Option(names = "--dry-run", description = "Read and report, store nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LocalIntel store = IntelOptions.local();
    int failed = 0;
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("kumo: no such file or folder: " + Sanitize.terminal(p.toString()));
        failed++;
        continue;
      }
      List<IntelFeeds.Feed> feeds = IntelFeeds.read(p);
      if (name != null && feeds.size() != 1) {
        err.println("kumo: --name needs exactly one feed; " + Sanitize.terminal(p.toString()) + " holds " + feeds.size());
        return ExitCode.USAGE;
      }
      for (IntelFeeds.Feed f : feeds) {
        String feedName = name != null ? name : f.feed();
        List<IntelProblem> problems = f.load().problems();
        for (IntelProblem pr : problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size()))) {
          err.println("  " + Sanitize.terminal(pr.toString()));
        }
        if (problems.size() > SHOWN_PROBLEMS) {
          err.println("  … and " + (problems.size() - SHOWN_PROBLEMS) + " more problems in " + Sanitize.terminal(f.origin()));
        }
        int revoked = 0;
        boolean empty = f.load().indicators().isEmpty() && f.load().warninglists().isEmpty()
            && f.load().revoked().isEmpty();
        if (empty) {
          out.println("skipped " + Sanitize.terminal(feedName) + ": no indicators or warninglists in "
              + Sanitize.terminal(f.origin()) + (problems.isEmpty() ? "" : " (" + problems.size() + " problems)"));
          continue;
        }
        if (!dryRun) {
          List<dev.kumo.intel.Indicator> indicators = f.load().indicators().stream()
              .map(i -> i.withFeed(feedName)).toList();
          revoked = store.put(new FeedFile(feedName, f.origin(), Clock.systemUTC().instant(), null, indicators,
              f.load().warninglists()), f.load().revoked());
        }
        out.println((dryRun ? "read " : "imported ") + Sanitize.terminal(feedName) + ": " + describe(f)
            + (problems.isEmpty() ? "" : ", " + problems.size() + " problems")
            + (revoked > 0 ? ", " + revoked + " revoked indicators removed" : "")
            + " (" + f.format().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
      }
    }
    if (!dryRun) {
      out.println("Local intel store: " + Sanitize.terminal(store.dir().toString()));
    }
    out.flush();
    err.flush();
    return failed > 0 ? ExitCode.NO_INPUT : ExitCode.OK;
  }

  /** {@code 1,609 indicators (domain 1,380, ip 229)} and warninglists. */
  static String describe(IntelFeeds.Feed f) {
    Map<String, Integer> byType = new TreeMap<>();
    f.load().indicators().forEach(i -> byType.merge(i.type().id(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder(String.format("%,d indicators", f.load().indicators().size()));
    if (!byType.isEmpty()) {
      sb.append(" (");
      byType.forEach((t, n) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(t).append(' ')
          .append(String.format("%,d", n)));
      sb.append(')');
    }
    int values = f.load().warninglists().stream().mapToInt(w -> w.values().size()).sum();
    if (!f.load().warninglists().isEmpty()) {
      sb.append(String.format(", %d warninglists (%,d values)", f.load().warninglists().size(), values));
    }
    return sb.toString();
  }
}
