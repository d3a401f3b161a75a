package dev.kumo.hunt;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationHit;
import dev.kumo.correlate.CorrelationInput;
import dev.kumo.correlate.CorrelationInputCodec;
import dev.kumo.correlate.Correlator;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detector.DetectorBinding;
import dev.kumo.detector.DetectorRunner;
import dev.kumo.detector.FileDetector;
import dev.kumo.detector.Observation;
import dev.kumo.detector.ObservationCodec;
import dev.kumo.detector.ObservationCombiner;
import dev.kumo.detector.ObservationSink;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingCodec;
import dev.kumo.ingest.FileFacts;
import dev.kumo.ingest.FileListener;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSource;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.json.JsonObject;
import dev.kumo.sort.ExternalSorter;
import dev.kumo.tuning.MuteEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a hunt: inputs are read in parallel (one file per worker at a time, largest first), every
 * event is matched against the engine, findings are collected in bounded memory, and correlation
 * inputs are replayed in event time once all files are read, so results never depend on thread
 * timing.
 */
public final class Hunter {
  private final DetectionEngine engine;
  private final LogSources sources;
  private final HuntOptions options;
  private final Clock clock;
  /** Dry run, minimum level and the mutelist entries in force on the hunt's day (UTC). */
  private final FindingGate gate;
  /** Sees every event in range, or null (the usual case: no per-event cost). */
  private final @Nullable EventListener listener;
  /** The state of a continuous stream this hunt continues, or null for a batch hunt. */
  private final @Nullable StreamState stream;

  public Hunter(DetectionEngine engine, LogSources sources, HuntOptions options, Clock clock) {
    this(engine, sources, options, clock, null);
  }

  /**
   * A hunter that also hands every event in the time range to {@code listener}, called from the
   * worker threads (see {@link EventListener} for its thread-safety contract).
   */
  public Hunter(DetectionEngine engine, LogSources sources, HuntOptions options, Clock clock,
      @Nullable EventListener listener) {
    this(engine, sources, options, clock, listener, null);
  }

  /**
   * A hunter that continues {@code stream}: correlations and detectors start from its state and,
   * instead of closing every window at the end, move it to the stream's next watermark (see
   * {@link StreamState}); {@code stream} must belong to {@code engine}.
   */
  public Hunter(DetectionEngine engine, LogSources sources, HuntOptions options, Clock clock,
      @Nullable EventListener listener, @Nullable StreamState stream) {
    if (stream != null && stream.engine() != engine) {
      throw new IllegalArgumentException("the stream state belongs to another engine");
    }
    this.stream = stream;
    this.listener = listener;
    this.engine = engine;
    this.sources = sources;
    this.options = options;
    this.clock = clock;
    this.gate = new FindingGate(options, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  /** Thrown inside workers to stop a {@code --strict} hunt. */
  private static final class StopHunt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopHunt() {
      super(null, null, false, false);
    }
  }

  private final class Worker implements Runnable, FileListener, EventMatcher.Outputs {
    final IngestStats stats;
    final FindingStats findingStats = new FindingStats();
    long events;
    long eventsWithFindings;
    long outside;
    long late;
    @Nullable Instant first;
    @Nullable Instant last;
    private final EventMatcher matcher = new EventMatcher(engine, gate);
    private final ConcurrentLinkedQueue<InputFile> queue;
    private final LogReader reader;
    final ExternalSorter<Finding> findings;
    final ExternalSorter<CorrelationInput> correlationInputs;
    final ExternalSorter<Observation> observations;
    private final ObservationCombiner combiner;
    private final AtomicReference<String> abort;
    private final Progress progress;
    /** The file detectors of this hunt (usually none). */
    private final List<DetectorBinding> fileDetectors;

    /** Each worker sorts its own findings and correlation inputs: no lock on the per-event path. */
    Worker(ConcurrentLinkedQueue<InputFile> queue, LogReader reader, FindingCodec codec, int maxInMemory,
        AtomicReference<String> abort, Progress progress, List<DetectorBinding> fileDetectors) {
      this.queue = queue;
      this.reader = reader;
      this.fileDetectors = fileDetectors;
      this.findings = new ExternalSorter<>(codec, maxInMemory, options.tempDir());
      this.correlationInputs = new ExternalSorter<>(CorrelationInputCodec.INSTANCE, maxInMemory,
          options.tempDir());
      this.observations = new ExternalSorter<>(ObservationCodec.INSTANCE, maxInMemory, options.tempDir());
      this.combiner = new ObservationCombiner(maxInMemory, observations::add);
      this.abort = abort;
      this.progress = progress;
      this.stats = new IngestStats(options.limits().maxProblemExamples(), options.strict() ? this::strict : null);
    }

    private void strict(IngestProblem p) {
      abort.compareAndSet(null, "--strict: " + p.format());
      throw new StopHunt();
    }

    @Override
    public void run() {
      InputFile f;
      try {
        while (abort.get() == null && (f = queue.poll()) != null) {
          reader.read(f, this::event, stats, progress, fileDetectors.isEmpty() ? null : this);
        }
      } catch (StopHunt e) {
        // abort reason already recorded
      }
      combiner.flush();
      findings.sortBuffer();
      correlationInputs.sortBuffer();
      observations.sortBuffer();
    }

    @Override
    public boolean wantsHash(InputFile input) {
      for (DetectorBinding b : fileDetectors) {
        if (((FileDetector) b.detector()).wantsHash(input.name())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void fileRead(InputFile input, FileFacts facts) {
      DetectionEngine.observeFile(fileDetectors, facts, combiner);
    }

    private void event(NormalizedEvent e) {
      if (abort.get() != null) {
        throw new StopHunt();
      }
      Instant t = e.time();
      if (!options.inRange(t)) {
        outside++;
        return;
      }
      events++;
      if (stream != null && stream.isLate(t)) {
        late++;
      }
      if (listener != null) {
        listener.event(e);
      }
      if (first == null || t.isBefore(first)) {
        first = t;
      }
      if (last == null || t.isAfter(last)) {
        last = t;
      }
      if (matcher.match(e, findingStats, this)) {
        eventsWithFindings++;
      }
    }

    @Override
    public void finding(Finding f) {
      findings.add(f);
    }

    @Override
    public void correlationInput(CorrelationInput in) {
      correlationInputs.add(in);
    }

    @Override
    public ObservationSink observations() {
      return combiner;
    }
  }

  private boolean offer(Finding f, boolean dryRun, FindingStats stats, ExternalSorter<Finding> sink,
      @Nullable JsonObject raw) {
    return gate.offer(f, dryRun, stats, sink::add, raw);
  }

  /** Runs the hunt to the end (or to the first problem under {@code strict}). */
  public HuntResult run(List<InputFile> inputs, Progress progress) {
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    List<InputFile> ordered = new ArrayList<>(inputs);
    ordered.sort(Comparator.comparingLong(InputFile::size).reversed().thenComparing(InputFile::name));
    ConcurrentLinkedQueue<InputFile> queue = new ConcurrentLinkedQueue<>(ordered);
    LogSource forced = options.forcedSource() == null ? null : sources.byId(options.forcedSource())
        .orElseThrow(() -> new IllegalArgumentException("unknown source '" + options.forcedSource() + "'"));
    LogReader reader = new LogReader(sources, options.limits(), forced);
    AtomicReference<String> abort = new AtomicReference<>();
    int n = Math.max(1, Math.min(options.threads(), ordered.size()));
    int perWorker = Math.max(1, options.maxFindingsInMemory() / n);
    List<Worker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    FindingCodec codec = new FindingCodec(engine.findingRules());
    List<DetectorBinding> fileDetectors = engine.fileDetectors(ordered.stream().map(InputFile::name).toList());
    for (int i = 0; i < n; i++) {
      Worker w = new Worker(queue, reader, codec, perWorker, abort, progress, fileDetectors);
      workers.add(w);
      Thread t = new Thread(w, "kumo-hunt-" + i);
      t.setUncaughtExceptionHandler((th, ex) -> {
        failure.compareAndSet(null, ex);
        abort.compareAndSet(null, "internal error: " + ex);
      });
      threads.add(t);
    }
    if (n == 1) {
      threads.get(0).run(); // no extra thread for a single worker
    } else {
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          abort.compareAndSet(null, "interrupted");
        }
      }
    }
    // correlation hits and detector alerts become findings of their own, sorted with the rest
    ExternalSorter<Finding> laterFindings = new ExternalSorter<>(codec, perWorker, options.tempDir());
    List<ExternalSorter<Finding>> findings = new ArrayList<>();
    workers.forEach(w -> findings.add(w.findings));
    findings.add(laterFindings);
    List<ExternalSorter<CorrelationInput>> corrInputs = workers.stream().map(w -> w.correlationInputs).toList();
    List<ExternalSorter<Observation>> observations = workers.stream().map(w -> w.observations).toList();
    if (failure.get() != null) {
      findings.forEach(ExternalSorter::close);
      corrInputs.forEach(ExternalSorter::close);
      observations.forEach(ExternalSorter::close);
      throw new IllegalStateException("hunt failed: " + failure.get(), failure.get());
    }

    IngestStats stats = new IngestStats(options.limits().maxProblemExamples());
    FindingStats fstats = new FindingStats();
    long events = 0;
    long withFindings = 0;
    long outside = 0;
    long late = 0;
    Instant first = null;
    Instant last = null;
    for (Worker w : workers) {
      stats.merge(w.stats);
      fstats.merge(w.findingStats);
      events += w.events;
      withFindings += w.eventsWithFindings;
      outside += w.outside;
      late += w.late;
      first = min(first, w.first);
      last = max(last, w.last);
    }

    Correlator correlator = stream != null ? stream.correlator() : engine.newCorrelator(options.correlationLimits());
    List<CorrelationDef> defs = engine.correlations();
    Consumer<CorrelationHit> onHit = hit -> {
      CorrelationDef def = defs.get(hit.correlation());
      if (def.emitsFindings()) {
        offer(Findings.of(def, hit), def.dryRun(), fstats, laterFindings, null);
      }
    };
    if (abort.get() == null && !defs.isEmpty()) {
      Iterator<CorrelationInput> it = ExternalSorter.sortedAll(corrInputs);
      while (it.hasNext()) {
        correlator.accept(it.next(), onHit);
      }
    }
    corrInputs.forEach(ExternalSorter::close);

    DetectorRunner detectors = stream != null ? stream.detectors() : engine.newDetectorRunner();
    BiConsumer<DetectorBinding, Finding> onAlert = (b, f) -> offer(f, b.dryRun(), fstats, laterFindings, null);
    if (abort.get() == null && !engine.detectors().isEmpty()) {
      Iterator<Observation> it = ExternalSorter.sortedAll(observations);
      while (it.hasNext()) {
        detectors.accept(it.next(), onAlert);
      }
    }
    observations.forEach(ExternalSorter::close);
    if (abort.get() == null) {
      if (stream == null) {
        correlator.finish(onHit);
        detectors.finish(onAlert);
      } else {
        stream.saw(first, last, late);
        Instant watermark = stream.nextWatermark(clock.instant());
        correlator.advance(watermark, onHit);
        detectors.advance(watermark, onAlert);
      }
    }

    HuntSummary summary = new HuntSummary(started, Duration.ofNanos(System.nanoTime() - startNanos), n,
        engine.rules().size() + defs.size(), stats.files(), stats.bytes(), stats.jsonBytes(), events, stats.eventsBySource(), outside,
        first, last, withFindings, fstats.total(), fstats.byLevel(), fstats.belowMinLevelCount(), fstats.rules(),
        fstats.principals().top(10), fstats.accessKeys().top(10), fstats.sourceIps().top(10), stats.problems(),
        stats.problemCounts(), stats.allExamples(), stats.digestFiles(), correlator.evictedGroups(),
        correlator.droppedEvents(), fstats.dryRunRules(), fstats.suppressedTotal(), fstats.suppressedByEntry(),
        detectors.observations(), detectors.evicted(), warnings(), abort.get());
    return new HuntResult(findings, summary);
  }

  /** Warnings for the summary: mutelist entries that expired and were not applied. */
  private List<String> warnings() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<String> out = new ArrayList<>();
    for (MuteEntry e : options.mutelist().expired(today)) {
      out.add("mutelist entry '" + e.name() + "' (" + e.file() + ":" + e.line() + ", owner " + e.owner()
          + ") expired on " + e.expires() + " and was not applied: renew or remove it");
    }
    return out;
  }

  private static @Nullable Instant min(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static @Nullable Instant max(@Nullable Instant a, @Nullable Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }
}
