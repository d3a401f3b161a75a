package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.intel.local.FeedFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo intel list}: the feeds of the local intel store. */
@Command(name = "list", description = "List the feeds of the local intel store: name, indicators, warninglists, "
    + "when and where from they were imported.")
final class IntelListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<FeedFile> feeds = IntelOptions.local().feeds();
    if (feeds.isEmpty()) {
      out.println("The local intel store (" + Sanitize.terminal(IntelOptions.local().dir().toString())
          + ") holds no feeds: kumo intel import PATH adds one.");
      return ExitCode.OK;
    }
    out.println(String.format("%-32s %12s %6s  %-20s  %s", "FEED", "INDICATORS", "LISTS", "IMPORTED", "FROM"));
    for (FeedFile f : feeds) {
      out.println(String.format("%-32s %,12d %6d  %-20s  %s", Sanitize.terminal(f.feed()), f.indicators().size(),
          f.warninglists().size(), f.imported().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
          Sanitize.terminal(f.origin())));
    }
    return ExitCode.OK;
  }
}
