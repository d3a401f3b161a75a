package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.intel.Intel;
import dev.kumo.intel.IntelStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo intel stats}: what a hunt would match, per feed and type, and what the store costs in memory. */
@Command(name = "stats", description = "Show the intel a hunt would use (the local intel store plus --intel): "
    + "indicators per feed and type, expired ones, ones left out by warninglists, and the store's memory.")
final class IntelStatsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  IntelOptions intelOptions;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    long before = usedHeap();
    Intel intel = intelOptions.load(spec.commandLine().getErr(), true);
    IntelStore store = intel.iocs();
    long after = usedHeap();
    out.println(String.format("%-32s %-12s %12s", "FEED", "TYPE", "INDICATORS"));
    for (Map.Entry<String, Map<String, Integer>> f : store.counts().entrySet()) {
      for (Map.Entry<String, Integer> t : f.getValue().entrySet()) {
        out.println(String.format("%-32s %-12s %,12d", Sanitize.terminal(f.getKey()), t.getKey(), t.getValue()));
      }
    }
    out.println();
    out.println(String.format("%,d indicators; %,d expired now (they still match events from before their end); "
        + "%,d left out because a warninglist holds their value; %d warninglists (%,d values)", store.size(),
        store.expiredAt(Clock.systemUTC().instant()), store.suppressed(), store.warninglists().size(),
        store.warninglists().stream().mapToInt(w -> w.values().size()).sum()));
    out.println(String.format("memory: about %s of heap for the store (measured: heap in use after building it, "
        + "minus before)", dev.kumo.config.DataSize.format(Math.max(0, after - before))));
    return ExitCode.OK;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
