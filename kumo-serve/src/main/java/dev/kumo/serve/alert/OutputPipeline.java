package dev.kumo.serve.alert;

import dev.kumo.sigma.Level;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One output's path: level filter, deduplication and rate limit (on the caller's thread, without I/O), a bounded
 * queue, and one worker thread that delivers with retries. Thread-safe.
 */
final class OutputPipeline {
  /** Open deduplication windows tracked per output. */
  static final int MAX_DEDUP_KEYS = 100_000;
  /** How long an idle worker waits before it looks at the sweep time and at shutdown. */
  private static final long POLL_MILLIS = 100;

  private final AlertOutput output;
  private final DeliveryPolicy policy;
  private final Clock clock;
  private final Duration sweepInterval;
  private final @Nullable Deduplicator dedup;
  private final @Nullable TokenBucket bucket;
  private final ArrayBlockingQueue<Alert> queue;
  private final SplittableRandom random = new SplittableRandom();
  private final Thread worker;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong deduplicated = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private volatile @Nullable String lastError;
  private volatile boolean stopping;

  // Alerts the rate limit held back since the last summary (guarded by this).
  private long held;
  private @Nullable Level heldLevel;
  private @Nullable Instant heldFirst;
  private @Nullable Instant heldLast;
  private Instant lastSummary;

  OutputPipeline(AlertOutput output, DeliveryPolicy policy, Clock clock, MeterRegistry registry,
      Duration sweepInterval) {
    this.output = output;
    this.policy = policy;
    this.clock = clock;
    this.sweepInterval = sweepInterval;
    Instant now = clock.instant();
    this.dedup = policy.dedupWindow().isZero() ? null : new Deduplicator(policy.dedupWindow(), MAX_DEDUP_KEYS);
    RateLimit rl = policy.rateLimit();
    this.bucket = rl == null ? null : new TokenBucket(rl, now);
    this.lastSummary = now;
    this.queue = new ArrayBlockingQueue<>(policy.queueSize());
    this.worker = new Thread(this::run, "kumo-alert-" + output.name());
    this.worker.setDaemon(true);
    this.registry = registry;
    meter(registry, "kumo.alerts.delivered", "alerts the receiver accepted", delivered);
    meter(registry, "kumo.alerts.failed", "alerts given up after the last attempt", failed);
    meter(registry, "kumo.alerts.retried", "delivery attempts retried", retried);
    meter(registry, "kumo.alerts.deduplicated", "alerts held back by deduplication", deduplicated);
    meter(registry, "kumo.alerts.rate_limited", "alerts held back by the rate limit", rateLimited);
    meter(registry, "kumo.alerts.dropped", "alerts lost to a full queue or shutdown", dropped);
    meters.add(Gauge.builder("kumo.alerts.queued", queue, ArrayBlockingQueue::size).tag("output", output.name())
        .description("alerts waiting for delivery").register(registry));
  }

  private void meter(MeterRegistry registry, String name, String help, AtomicLong value) {
    meters.add(FunctionCounter.builder(name, value, AtomicLong::doubleValue).tag("output", output.name())
        .description(help).register(registry));
  }

  void start() {
    worker.start();
  }

  String name() {
    return output.name();
  }

  /** Filters, deduplicates, rate-limits and queues {@code a}; never waits for delivery. */
  void offer(Alert a) {
    if (!a.level().atLeast(policy.minLevel())) {
      return;
    }
    if (stopping) {
      dropped.incrementAndGet();
      return;
    }
    List<Alert> pass;
    synchronized (this) {
      Instant now = clock.instant();
      pass = dedup == null ? List.of(a) : dedup.offer(a, now);
      if (pass.isEmpty()) {
        deduplicated.incrementAndGet();
        return;
      }
      pass = pass.stream().filter(x -> admit(x, now)).toList();
    }
    pass.forEach(this::enqueue);
  }

  /** Sends the follow-ups of closed deduplication windows and a due rate-limit summary. */
  void sweep() {
    List<Alert> pass;
    Alert summary;
    synchronized (this) {
      Instant now = clock.instant();
      pass = dedup == null ? List.of() : dedup.expired(now).stream().filter(x -> admit(x, now)).toList();
      summary = summary(now, false);
    }
    pass.forEach(this::enqueue);
    if (summary != null) {
      enqueue(summary);
    }
  }

  /** Whether the rate limit lets {@code a} through now; if not, it is counted for the next summary. Holds the lock. */
  private boolean admit(Alert a, Instant now) {
    if (bucket == null || bucket.tryTake(now)) {
      return true;
    }
    rateLimited.incrementAndGet();
    held++;
    Level hl = heldLevel;
    heldLevel = hl == null || a.level().atLeast(hl) ? a.level() : hl;
    Instant t = a.eventTime();
    heldFirst = heldFirst == null || t.isBefore(heldFirst) ? t : heldFirst;
    heldLast = heldLast == null || t.isAfter(heldLast) ? t : heldLast;
    return false;
  }

  /**
   * The summary of held-back alerts when one is due: there are some, and a token is free or a rate period has passed
   * since the last summary (or {@code force}). Holds the lock.
   */
  private @Nullable Alert summary(Instant now, boolean force) {
    RateLimit rl = policy.rateLimit();
    if (held == 0 || rl == null || heldLevel == null || heldFirst == null || heldLast == null) {
      return null;
    }
    boolean due = force || !now.isBefore(lastSummary.plus(rl.per())) || bucket != null && bucket.tryTake(now);
    if (!due) {
      return null;
    }
    Alert s = Alert.rateLimitSummary(output.name(), held, heldLevel, heldFirst, heldLast, now);
    held = 0;
    heldLevel = null;
    heldFirst = null;
    heldLast = null;
    lastSummary = now;
    return s;
  }

  private void enqueue(Alert a) {
    if (!queue.offer(a)) {
      dropped.incrementAndGet();
    }
  }

  private void run() {
    long nextSweep = System.nanoTime() + sweepInterval.toNanos();
    try {
      while (true) {
        Alert a = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (a != null) {
          deliver(a);
        } else if (stopping) {
          return;
        }
        if (System.nanoTime() - nextSweep >= 0 && !stopping) {
          sweep();
          nextSweep = System.nanoTime() + sweepInterval.toNanos();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutdown past its deadline: what is left is counted by stop()
    }
  }

  /** Attempts delivery up to the policy's maximum, backing off with jitter between attempts. */
  private void deliver(Alert a) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        output.send(a, policy.timeout());
        delivered.incrementAndGet();
        return;
      } catch (IOException | RuntimeException e) {
        lastError = String.valueOf(e.getMessage());
        boolean retryable = !(e instanceof AlertDeliveryException d) || d.retryable();
        if (!retryable || attempt >= policy.maxAttempts()) {
          failed.incrementAndGet();
          return;
        }
      } catch (InterruptedException e) {
        failed.incrementAndGet();
        throw e;
      }
      retried.incrementAndGet();
      long base = policy.backoff(attempt).toMillis();
      long wait = base / 2 + (base > 1 ? random.nextLong(base - base / 2) : 0); // equal jitter: [base/2, base)
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        failed.incrementAndGet();
        throw e;
      }
    }
  }

  /** Stops taking alerts and queues the pending follow-ups and summary, so the drain sends them. */
  void beginStop() {
    List<Alert> rest;
    Alert summary;
    synchronized (this) {
      stopping = true;
      Instant now = clock.instant();
      rest = dedup == null ? List.of() : dedup.flush(now).stream().filter(x -> admit(x, now)).toList();
      summary = summary(now, true);
    }
    rest.forEach(this::enqueue);
    if (summary != null) {
      enqueue(summary);
    }
  }

  /**
   * Waits for the worker until {@code deadlineNanos} (a {@link System#nanoTime()} value), then interrupts it; what is
   * still queued is counted dropped. True when everything was delivered or given up in time.
   */
  boolean awaitStop(long deadlineNanos) throws InterruptedException {
    long left = deadlineNanos - System.nanoTime();
    if (left > 0) {
      worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    }
    boolean clean = !worker.isAlive();
    if (!clean) {
      worker.interrupt();
      output.close(); // ends a stuck attempt
      worker.join(5000);
    }
    output.close();
    int rest = queue.size();
    queue.clear();
    dropped.addAndGet(rest);
    meters.forEach(registry::remove); // a later dispatcher registers its own
    return clean && rest == 0;
  }

  AlertStats stats() {
    return new AlertStats(output.name(), delivered.get(), failed.get(), retried.get(), deduplicated.get(),
        rateLimited.get(), dropped.get(), queue.size(), lastError);
  }
}
