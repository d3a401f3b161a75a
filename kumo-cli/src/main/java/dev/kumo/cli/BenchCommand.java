package dev.kumo.cli;

import dev.kumo.cli.output.Numbers;
import dev.kumo.config.DataSize;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
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

  @Mixin
  IntelOptions intelOptions;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for the parallel runs (default: all cores).")
  Integer threads;

  @Option(names = "--warmup", paramLabel = "FILES", defaultValue = "32",
      description = "Files read (parse and hunt) before measuring, to warm up the JIT (default: ${DEFAULT-VALUE}).")
  int warmupFiles;

  @Option(names = "--sources-only", description = "Only measure parse-only throughput per log source.")
  boolean sourcesOnly;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
      description = "Rounds of measurements; medians are reported (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Override
  public Integer call() throws Exception {
    List<InputFile> inputs = Inputs.expand(paths).files();
    if (inputs.isEmpty()) {
      System.err.println("kumo: nothing to read");
      return ExitCode.NO_INPUT;
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    dev.kumo.intel.Intel intel = intelOptions.load(new java.io.PrintWriter(
        new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true), true);
    LoadedRules rules = ruleOptions.load(intel);
    System.out.println("Kumo bench · " + inputs.size() + " files · " + DataSize.format(inputs.stream()
        .mapToLong(InputFile::size).sum()) + " on disk · " + rules.engine().rules().size() + " rules active ("
        + rules.rules().size() + " loaded) · " + intel.iocs().size() + " intel indicators · " + n
        + " threads · max heap "
        + DataSize.format(Runtime.getRuntime().maxMemory()));
    if (sourcesOnly) {
      perSource(inputs, true);
      return ExitCode.OK;
    }
    List<InputFile> warm = inputs.subList(0, Math.min(warmupFiles, inputs.size()));
    parse(warm, n);
    hunt(warm, rules, n);

    // Runs are interleaved (parse and hunt, 1 and N threads, in turn) and ratios are taken per round,
    // so a slow stretch of a shared machine affects both sides of a comparison alike.
    List<List<Row>> rounds = new ArrayList<>();
    for (int i = 0; i < Math.max(1, repeat); i++) {
      List<Row> round = new ArrayList<>();
      round.add(measure("parse only", 1, () -> parse(inputs, 1)));
      round.add(measure("full hunt", 1, () -> hunt(inputs, rules, 1)));
      if (n > 1) {
        round.add(measure("parse only", n, () -> parse(inputs, n)));
        round.add(measure("full hunt", n, () -> hunt(inputs, rules, n)));
      }
      rounds.add(round);
    }
    List<Row> rows = new ArrayList<>();
    for (int k = 0; k < rounds.get(0).size(); k++) {
      int col = k;
      rows.add(median(rounds.stream().map(r -> r.get(col)).toList()));
    }
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "%-12s %7s %9s %12s %9s %11s %11s %10s", "", "threads", "time",
        "events/s", "MB/s", "peak heap", "peak live", "findings"));
    for (Row r : rows) {
      System.out.println(String.format(Locale.ROOT, "%-12s %7d %9s %12s %9.1f %11s %11s %10s", r.name, r.threads,
          String.format(Locale.ROOT, "%.1f s", r.seconds), Numbers.count((long) (r.counts.events / r.seconds)),
          r.counts.jsonBytes / 1e6 / r.seconds, DataSize.format(r.peakHeap), DataSize.format(r.peakLive),
          r.name.startsWith("parse") ? "-" : Numbers.count(r.counts.findings)));
    }
    System.out.println("(median of " + rounds.size() + " rounds; peak heap: highest heap use seen, garbage included;"
        + " peak live: highest heap use right after a garbage collection, what the run really keeps)");
    System.out.println();
    System.out.println(String.format(Locale.ROOT, "events: %s · JSON: %s", Numbers.count(rows.get(0).counts.events),
        DataSize.format(rows.get(0).counts.jsonBytes)));
    System.out.println(String.format(Locale.ROOT, "full hunt / parse only, 1 thread: %.0f%%",
        100 * medianRatio(rounds, 0, 1)));
    if (n > 1) {
      System.out.println(String.format(Locale.ROOT, "full hunt / parse only, %d threads: %.0f%%", n,
          100 * medianRatio(rounds, 2, 3)));
      System.out.println(String.format(Locale.ROOT, "full hunt speed-up 1 → %d threads: %.2f×", n,
          medianRatio(rounds, 1, 3)));
    }
    perSource(inputs, false);
    return ExitCode.OK;
  }

  /**
   * Parse-only throughput of each log source on one thread: every file is read on its own and its
   * time is charged to the source of most of its events.
   */
  private void perSource(List<InputFile> inputs, boolean always) {
    LogReader reader = new LogReader(LogSources.defaults(), dev.kumo.ingest.IngestLimits.DEFAULTS, null);
    java.util.Map<String, long[]> bySource = new java.util.TreeMap<>(); // events, bytes, nanos, files
    for (int round = 0; round < 2; round++) { // the first round warms up each source's code
      bySource.clear();
      for (InputFile f : inputs) {
        IngestStats stats = new IngestStats(0);
        long t0 = System.nanoTime();
        reader.read(f, e -> { }, stats, null);
        long nanos = System.nanoTime() - t0;
        String source = stats.eventsBySource().entrySet().stream().max(java.util.Map.Entry.comparingByValue())
            .map(java.util.Map.Entry::getKey).orElse("(no events)");
        long[] acc = bySource.computeIfAbsent(source, k -> new long[4]);
        acc[0] += stats.events();
        acc[1] += stats.jsonBytes();
        acc[2] += nanos;
        acc[3]++;
      }
    }
    if (!always && bySource.size() < 2 && bySource.containsKey("aws.cloudtrail")) {
      return;
    }
    long[] ct = bySource.get("aws.cloudtrail");
    double ctRate = ct == null || ct[2] == 0 ? 0 : ct[0] / (ct[2] / 1e9);
    System.out.println();
    System.out.println("Parse-only throughput per log source, 1 thread (file by file):");
    System.out.println(String.format(Locale.ROOT, "  %-24s %7s %12s %12s %9s %s", "source", "files", "events",
        "events/s", "MB/s", ct == null ? "" : "vs aws.cloudtrail"));
    for (var e : bySource.entrySet()) {
      long[] a = e.getValue();
      double secs = a[2] / 1e9;
      double rate = secs == 0 ? 0 : a[0] / secs;
      System.out.println(String.format(Locale.ROOT, "  %-24s %7d %12s %12s %9.1f %s", e.getKey(), a[3],
          Numbers.count(a[0]), Numbers.count((long) rate), secs == 0 ? 0 : a[1] / 1e6 / secs,
          ctRate == 0 ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * rate / ctRate)));
    }
  }

  private record Counts(long events, long jsonBytes, long findings) {}

  private record Row(String name, int threads, double seconds, Counts counts, long peakHeap, long peakLive) {}

  private interface Run {
    Counts run() throws Exception;
  }

  /** The run with the median time. */
  private static Row median(List<Row> runs) {
    List<Row> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(Row::seconds));
    return sorted.get(sorted.size() / 2);
  }

  /** Median over rounds of time(column a) / time(column b). */
  private static double medianRatio(List<List<Row>> rounds, int a, int b) {
    double[] r = rounds.stream().mapToDouble(x -> x.get(a).seconds / x.get(b).seconds).sorted().toArray();
    return r[r.length / 2];
  }

  private static Row measure(String name, int threads, Run run) throws Exception {
    System.gc();
    resetPeaks();
    LiveHeap live = new LiveHeap();
    long t0 = System.nanoTime();
    Counts c;
    try {
      c = run.run();
    } finally {
      live.close();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Row r = new Row(name, threads, seconds, c, peakHeap(), live.peak());
    System.out.println(String.format(Locale.ROOT, "  %s on %d thread%s: %.1f s", name, threads, threads == 1 ? "" : "s",
        seconds));
    return r;
  }

  /** Reads and normalizes every event, nothing else. */
  private static Counts parse(List<InputFile> inputs, int threads) throws InterruptedException {
    ConcurrentLinkedQueue<InputFile> queue = new ConcurrentLinkedQueue<>(inputs);
    LogReader reader = new LogReader(LogSources.defaults(), dev.kumo.ingest.IngestLimits.DEFAULTS, null);
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
    HuntOptions options = HuntOptions.defaults().withThreads(threads);
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

  /** Records the heap in use after each garbage collection: the memory a run really retains. */
  private static final class LiveHeap implements AutoCloseable {
    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
    private final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();
    private final javax.management.NotificationListener listener = (n, hb) -> {
      if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        var info = com.sun.management.GarbageCollectionNotificationInfo.from(
            (javax.management.openmbean.CompositeData) n.getUserData());
        long used = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
          if (isHeapPool(e.getKey())) {
            used += e.getValue().getUsed();
          }
        }
        peak.accumulateAndGet(used, Math::max);
      }
    };

    LiveHeap() {
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter em) {
          em.addNotificationListener(listener, null, null);
          emitters.add(em);
        }
      }
    }

    long peak() {
      return peak.get();
    }

    @Override
    public void close() {
      for (var em : emitters) {
        try {
          em.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
          // already gone
        }
      }
    }

    private static boolean isHeapPool(String name) {
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getName().equals(name)) {
          return p.getType() == MemoryType.HEAP;
        }
      }
      return false;
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
