package dev.kumo.serve.ingest;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.casestore.CaseWriter;
import dev.kumo.casestore.LoadStats;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.hunt.StreamState;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Loads the spool into the live case on one thread: takes the oldest units (up to the configured
 * count and bytes), hunts them with Kumo's engine into a {@link CaseWriter}, and retires them from the
 * spool only after {@link CaseWriter#finish()} committed the load. Then it hands the findings this load
 * added to the {@link FindingsListener}.
 *
 * <p>Correlations and detectors continue from load to load in one {@link StreamState} (see
 * {@link StreamConfig}): a burst split over many pushes is judged as one. While the spool is idle and
 * the state holds open windows, the state is moved on every {@link StreamConfig#advanceEvery()} and
 * what that closes is committed as a load without events. The state lives in memory; committed units
 * are kept in the spool's {@code done/} for {@link StreamConfig#replay()}, and on start (or after a
 * failed load, which may have left the state half-fed) the loader rebuilds the state by hunting them
 * again without writing their events: findings the case already has are dropped, new ones (windows
 * the rebuild closes) are committed and alerted. Detector baselines longer than the replay period
 * start afresh after a restart.
 *
 * <p>Exactly once: a crash before or during {@code finish} leaves the load unfinished, and the case
 * removes its rows on the next open; a crash after the commit but before the units are removed makes
 * the next run load them again, and the case drops the events (and findings) it already has. (The
 * findings of such a repeated load are not handed to the listener again: alerting is at most once for
 * that window.)
 *
 * <p>A load that fails is retried; when a load of several units fails they are next loaded one at a
 * time. A unit whose load failed {@link LoaderConfig#maxAttempts} times is set aside (later units go
 * first) and, as soon as a later load succeeds (so the case is fine and the unit is at fault), moved to
 * the spool's {@code failed/} folder; while every load fails (the case is unavailable) no unit is
 * moved. Records Kumo cannot read are not failures: the hunt skips them and they are
 * counted as errors.
 */
public final class Loader implements AutoCloseable {
  private final Spool spool;
  private final LiveCase liveCase;
  private final LoadedRules rules;
  private final LoaderConfig config;
  private final FindingsListener listener;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final Checkpoint checkpoint;
  private final Map<String, Integer> failures = new HashMap<>();
  /** The detection state carried across loads; null until rebuilt (start, after a failed load). */
  private @Nullable StreamState state;
  private Instant lastAdvance = Instant.MIN;
  private Instant lastPrune = Instant.MIN;
  /** After a failed load of several units, units up to this id are loaded one at a time. */
  private @Nullable String singlyUntil;
  private @Nullable Thread thread;
  private volatile boolean running;

  /** Points of a load where a crash test may stop the process; does nothing in a real service. */
  public enum Point {
    /** The hunt is done and the writer holds the events, before {@code finish}. */
    HUNTED,
    /** {@code finish} committed, before any unit is removed from the spool. */
    COMMITTED,
    /** The first unit of the load is removed, the others not yet. */
    PARTLY_REMOVED
  }

  /**
   * Told when a load of {@code units} reaches a {@link Point}; what it throws at {@link Point#HUNTED}
   * fails the load (later, it stops {@link #loadOnce} with the load committed).
   */
  @FunctionalInterface
  public interface Checkpoint {
    Checkpoint NONE = (point, units) -> {};

    void reached(Point point, List<Spool.Unit> units);
  }

  public Loader(Spool spool, LiveCase liveCase, LoadedRules rules, LoaderConfig config, FindingsListener listener,
      IngestMetrics metrics, Clock clock) {
    this(spool, liveCase, rules, config, listener, metrics, clock, Checkpoint.NONE);
  }

  /** A loader that reports the points of each load to {@code checkpoint} (for crash tests). */
  public Loader(Spool spool, LiveCase liveCase, LoadedRules rules, LoaderConfig config, FindingsListener listener,
      IngestMetrics metrics, Clock clock, Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
    this.spool = spool;
    this.liveCase = liveCase;
    this.rules = rules;
    this.config = config;
    this.listener = listener;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Starts the loader thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("loader already started");
    }
    running = true;
    Thread t = new Thread(this::run, "kumo-loader");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void run() {
    while (running) {
      long seen = spool.writes();
      int loaded;
      boolean failed = false;
      try {
        loaded = loadOnce();
      } catch (IOException | RuntimeException e) {
        loaded = 0; // counted; retried after a pause
        failed = true;
      }
      try {
        if (failed) {
          Thread.sleep(config.idlePoll().toMillis());
        } else if (loaded == 0) {
          spool.awaitWrite(seen, config.idlePoll());
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Loads the oldest units of the spool in one load (none when the spool is empty); returns how many
   * units the case committed. For the loader thread, or for tests driving it without one.
   *
   * @throws IOException when the load failed (the units stay in the spool, or are moved to {@code failed/})
   */
  public int loadOnce() throws IOException {
    StreamState current = state();
    List<Spool.Unit> batch = nextBatch();
    if (batch.isEmpty()) {
      advanceIfDue(current);
      return 0;
    }
    LoadStats stats;
    try {
      stats = Objects.requireNonNull(load(batch, current, true));
    } catch (IOException | RuntimeException e) {
      metrics.errors(1);
      failed(batch);
      throw e;
    }
    checkpoint.reached(Point.COMMITTED, batch);
    List<Finding> added = handOff(stats);
    batch.forEach(u -> failures.remove(u.id()));
    rejectSetAside();
    for (Spool.Unit u : batch) {
      spool.retire(u);
      if (u == batch.get(0) && batch.size() > 1) {
        checkpoint.reached(Point.PARTLY_REMOVED, batch);
      }
    }
    pruneRetired();
    metrics.loaded(batch.size(), stats.eventsSeen(), stats.eventsAdded(), added.size());
    return batch.size();
  }

  /** The stream state, rebuilt from the retired units first when there is none. */
  private StreamState state() throws IOException {
    StreamState current = state;
    if (current != null) {
      return current;
    }
    StreamConfig sc = config.stream();
    current = StreamState.start(rules.engine(), config.hunt().correlationLimits(), sc.outOfOrderness(),
        sc.idleClose());
    spool.pruneRetired(clock.instant().minus(sc.replay()), sc.replayMaxBytes());
    List<Spool.Unit> retired = spool.retired();
    if (!retired.isEmpty()) {
      LoadStats stats;
      try {
        stats = Objects.requireNonNull(load(retired, current, false));
      } catch (IOException | RuntimeException e) {
        metrics.errors(1);
        throw e;
      }
      metrics.loaded(0, 0, 0, handOff(stats).size());
    }
    metrics.rebuilt();
    state = current;
    lastAdvance = clock.instant();
    return current;
  }

  /** While idle: moves the state on when it holds open windows and it is time; commits what closed. */
  private void advanceIfDue(StreamState current) throws IOException {
    Instant now = clock.instant();
    if (current.size() == 0 || now.isBefore(lastAdvance.plus(config.stream().advanceEvery()))) {
      return;
    }
    lastAdvance = now;
    LoadStats stats;
    try {
      stats = load(List.of(), current, false);
    } catch (IOException | RuntimeException e) {
      metrics.errors(1);
      throw e;
    }
    if (stats != null) {
      metrics.loaded(0, 0, 0, handOff(stats).size());
    }
  }

  /** Hands the findings a committed load added to the listener; returns them. */
  private List<Finding> handOff(LoadStats stats) throws IOException {
    List<Finding> added = List.of();
    if (stats.findingsAdded() > 0) {
      try (CaseQuery q = liveCase.open()) {
        added = q.findings(stats.loadId());
      }
    }
    if (!added.isEmpty()) {
      try {
        listener.added(added);
      } catch (RuntimeException e) {
        metrics.errors(1);
      }
    }
    return added;
  }

  private void pruneRetired() throws IOException {
    Instant now = clock.instant();
    if (now.isBefore(lastPrune.plusSeconds(10))) {
      return;
    }
    lastPrune = now;
    spool.pruneRetired(now.minus(config.stream().replay()), config.stream().replayMaxBytes());
  }

  private List<Spool.Unit> nextBatch() throws IOException {
    List<Spool.Unit> pending = spool.pending();
    List<Spool.Unit> batch = new ArrayList<>();
    long bytes = 0;
    for (Spool.Unit u : pending) {
      if (setAside(u)) {
        continue;
      }
      if (!batch.isEmpty() && (batch.size() >= config.maxUnitsPerLoad() || bytes + u.size() > config.maxBytesPerLoad()
          || (singlyUntil != null && u.id().compareTo(singlyUntil) <= 0))) {
        break;
      }
      batch.add(u);
      bytes += u.size();
    }
    if (singlyUntil != null && (batch.isEmpty() || batch.get(0).id().compareTo(singlyUntil) >= 0)) {
      singlyUntil = null;
    }
    if (batch.isEmpty() && !pending.isEmpty()) {
      batch.add(pending.get(0)); // only units set aside are left: try the oldest again
    }
    return batch;
  }

  private boolean setAside(Spool.Unit u) {
    return failures.getOrDefault(u.id(), 0) >= config.maxAttempts();
  }

  /** After a load succeeded, moves the units set aside to {@code failed/}: they, not the case, are at fault. */
  private void rejectSetAside() throws IOException {
    for (Spool.Unit u : spool.pending()) {
      if (setAside(u)) {
        spool.reject(u);
        failures.remove(u.id());
      }
    }
  }

  /**
   * Hunts {@code units} with {@code current} into one load and commits it; with {@code writeEvents}
   * false only findings are written (rebuilding the state from units the case already has, or
   * moving it on with no units). Returns null, committing nothing, when there were no units and no
   * findings. A load that fails leaves the state unusable: it is rebuilt before the next load.
   */
  private @Nullable LoadStats load(List<Spool.Unit> units, StreamState current, boolean writeEvents) throws IOException {
    Instant started = clock.instant();
    List<InputFile> inputs = units.stream().map(u -> InputFile.of(u.path())).toList();
    CaseWriter writer = liveCase.writer(config.caseOptions());
    boolean done = false;
    try (writer; HuntResult result = new Hunter(rules.engine(), LogSources.defaults(), config.hunt(), clock,
        writeEvents ? writer : null, current).run(inputs, new Progress())) {
      Iterator<Finding> it = result.findings();
      int findings = 0;
      while (it.hasNext()) {
        writer.finding(it.next());
        findings++;
      }
      metrics.errors(result.summary().problems());
      metrics.stream(current.size(), current.lateEvents());
      if (result.summary().aborted()) {
        // a partial hunt must not commit: the units would leave the spool with events missing
        throw new IOException("the hunt stopped early: " + result.summary().abortReason());
      }
      if (units.isEmpty() && findings == 0) {
        done = true;
        return null; // closing the writer unfinished leaves nothing behind
      }
      if (writeEvents) {
        checkpoint.reached(Point.HUNTED, units);
      }
      Instant hunted = clock.instant();
      metrics.hunted(Duration.between(started, hunted));
      LoadStats stats = writer.finish();
      metrics.committed(Duration.between(hunted, clock.instant()));
      done = true;
      return stats;
    } finally {
      if (!done) {
        state = null;
      }
    }
  }

  private void failed(List<Spool.Unit> batch) {
    if (batch.size() > 1) {
      singlyUntil = batch.get(batch.size() - 1).id();
      return;
    }
    failures.merge(batch.get(0).id(), 1, Integer::sum);
  }

  /** Stops the loader thread after the load in progress, if any (waits up to the idle poll longer). */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = thread;
      thread = null;
    }
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
