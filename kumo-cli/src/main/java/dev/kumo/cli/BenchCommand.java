package dev.kumo.cli;

import dev.kumo.cli.output.Numbers;
import dev.kumo.config.DataSize;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.JsonLogReader;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kumo bench}: throughput of parsing alone and of the full hunt, on one thread and on all,
 * with the peak heap of each run.
 */
@Command(name = "bench", sortOptions = false,
    description = "Measure events/s and MB/s for parse-only and for the full hunt, on 1 and N threads, and peak heap.",
    footer = {"", "Example:", "  kumo replay ../shared/data --size 1GiB -o /tmp/corpus",
        "  kumo bench /tmp/corpus --rules ../shared/sigma/rules"})
final class BenchCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or folders.")
  List<Path> paths;

  @Mixin
  RuleOptions ruleOptions;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel runs (default: all cores).")
  Integer threads;

  @Option(names = "--warmup", paramLabel = "FILES", defaultValue = "20",
      description = "Files read once before measuring, to warm up the JIT (default: ${DEFAULT-VALUE}).")
  int warmupFiles;

  @Override
  public Integer call() throws Exception {
    List<InputFile> inputs = Inputs.expand(paths).files();
    if (inputs.isEmpty()) {
      System.err.println("kumo: nothing to read");
      return ExitCode.NO_INPUT;
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    LoadedRules rules = ruleOptions.load();
    System.out.println("Kumo bench · " + inputs.size() + " files · " + DataSize.format(inputs.stream()
        .mapToLong(InputFile::size).sum()) + " on disk · " + rules.engine().rules().size() + " rules active ("
        + rules.rules().size() + " loaded) · " + n + " threads · max heap "
        + DataSize.format(Runtime.getRuntime().maxMemory()));
    List<InputFile> warm = inputs.subList(0, Math.min(warmupFiles, inputs.size()));
    parse(warm, n);
    hunt(warm, rules, n);

    List<Row> rows = new ArrayList<>();
    rows.add(measure("parse only", 1, () -> parse(inputs, 1)));
    rows.add(measure("full hunt", 1, () -> hunt(inputs, rules, 1)));
    if (n > 1) {
      rows.add(measure("parse only", n, () -> parse(inputs, n)));
      rows.add(measure("full hunt", n, () -> hunt(inputs, rules, n)));
    }
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "%-12s %7s %9s %12s %9s %11s %10s", "", "threads", "time",
        "events/s", "MB/s", "peak heap", "findings"));
    for (Row r : rows) {
      System.out.println(String.format(Locale.ROOT, "%-12s %7d %9s %12s %9.1f %11s %10s", r.name, r.threads,
          String.format(Locale.ROOT, "%.1f s", r.seconds), Numbers.count((long) (r.counts.events / r.seconds)),
          r.counts.jsonBytes / 1e6 / r.seconds, DataSize.format(r.peakHeap), r.name.startsWith("parse") ? "-"
              : Numbers.count(r.counts.findings)));
    }
    Row p1 = rows.get(0);
    Row h1 = rows.get(1);
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "events: %s · JSON: %s", Numbers.count(p1.counts.events),
        DataSize.format(p1.counts.jsonBytes)));
    System.out.println(String.format(Locale.ROOT, "full hunt / parse only, 1 thread: %.0f%%", 100.0 * p1.seconds / h1.seconds));
    if (n > 1) {
      Row hn = rows.get(3);
      Row pn = rows.get(2);
      System.out.println(String.format(Locale.ROOT, "full hunt / parse only, %d threads: %.0f%%", n, 100.0 * pn.seconds / hn.seconds));
      System.out.println(String.format(Locale.ROOT, "full hunt speed-up 1 → %d threads: %.2f×", n, h1.seconds / hn.seconds));
    }
    return ExitCode.OK;
  }

  private record Counts(long events, long jsonBytes, long findings) {}

  private record Row(String name, int threads, double seconds, Counts counts, long peakHeap) {}

  private interface Run {
    Counts run() throws Exception;
  }

  private static Row measure(String name, int threads, Run run) throws Exception {
    System.gc();
    resetPeaks();
    long t0 = System.nanoTime();
    Counts c = run.run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Row r = new Row(name, threads, seconds, c, peakHeap());
    System.out.println(String.format(Locale.ROOT, "  %s on %d thread%s: %.1f s", name, threads, threads == 1 ? "" : "s",
        seconds));
    return r;
  }

  /** Reads and normalizes every event, nothing else. */
  private static Counts parse(List<InputFile> inputs, int threads) throws InterruptedException {
    ConcurrentLinkedQueue<InputFile> queue = new ConcurrentLinkedQueue<>(inputs);
    JsonLogReader reader = new JsonLogReader(LogSources.defaults(), dev.kumo.ingest.IngestLimits.DEFAULTS, null);
    AtomicLong events = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    List<Thread> ts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        IngestStats stats = new IngestStats(0);
        long[] count = new long[1];
        InputFile f;
        while ((f = queue.poll()) != null) {
          reader.read(f, e -> count[0]++, stats, null);
        }
        events.addAndGet(count[0]);
        bytes.addAndGet(stats.jsonBytes());
      });
      ts.add(t);
      t.start();
    }
    for (Thread t : ts) {
      t.join();
    }
    return new Counts(events.get(), bytes.get(), 0);
  }

  private static Counts hunt(List<InputFile> inputs, LoadedRules rules, int threads) {
    HuntOptions options = new HuntOptions(threads, null, null, Level.INFORMATIONAL, false,
        dev.kumo.ingest.IngestLimits.DEFAULTS, null, CorrelationLimits.DEFAULTS,
        HuntOptions.DEFAULT_MAX_FINDINGS_IN_MEMORY, Path.of(System.getProperty("java.io.tmpdir")), true);
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), options, Clock.systemUTC())
        .run(inputs, new Progress())) {
      long findings = 0;
      Iterator<Finding> it = r.findings();
      while (it.hasNext()) {
        it.next();
        findings++;
      }
      return new Counts(r.summary().events(), r.summary().jsonBytes(), findings);
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
