package dev.kumo.serve.alert;

import dev.kumo.finding.Finding;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Raises alerts for findings on every configured output. {@link #accept} returns at once: per output it filters by
 * minimum level, deduplicates and rate-limits (counting what it holds back) and puts the alert on a bounded queue
 * (overflow is counted as dropped); one worker thread per output delivers with retries. Delivery is at least once
 * per output while the process lives. Counters are registered in the given {@link MeterRegistry} with tag
 * {@code output}: {@code kumo.alerts.delivered}, {@code .failed}, {@code .retried}, {@code .deduplicated},
 * {@code .rate_limited}, {@code .dropped}, and gauge {@code kumo.alerts.queued}. Thread-safe.
 */
public final class AlertDispatcher implements AutoCloseable {
  /** How often each worker closes deduplication windows and sends due summaries. */
  public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  /** An output and how it is delivered to. */
  public record Route(AlertOutput output, DeliveryPolicy policy) {}

  private final List<OutputPipeline> pipelines;
  private final Clock clock;
  private volatile boolean closed;

  /** Starts one worker per route. */
  public AlertDispatcher(List<Route> routes, MeterRegistry registry, Clock clock) {
    this(routes, registry, clock, SWEEP_INTERVAL);
  }

  AlertDispatcher(List<Route> routes, MeterRegistry registry, Clock clock, Duration sweepInterval) {
    this.clock = clock;
    List<OutputPipeline> p = new ArrayList<>();
    for (Route r : routes) {
      p.add(new OutputPipeline(r.output(), r.policy(), clock, registry, sweepInterval));
    }
    this.pipelines = List.copyOf(p);
    pipelines.forEach(OutputPipeline::start);
  }

  /**
   * A dispatcher for configured outputs.
   *
   * @throws IOException when an output cannot be built (a trust store cannot be read)
   */
  public static AlertDispatcher start(List<OutputConfig> configs, MeterRegistry registry, Clock clock)
      throws IOException {
    List<Route> routes = new ArrayList<>();
    try {
      for (OutputConfig c : configs) {
        routes.add(new Route(AlertOutputs.create(c), c.policy()));
      }
    } catch (IOException e) {
      routes.forEach(r -> r.output().close());
      throw e;
    }
    return new AlertDispatcher(routes, registry, clock);
  }

  /**
   * Raises alerts for a batch of findings from the loader; returns without waiting for any output. Findings
   * suppressed by a mutelist raise no alert.
   */
  public void accept(List<Finding> findings) {
    if (findings.isEmpty() || pipelines.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Alert> alerts = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.suppressedBy() == null) {
        alerts.add(Alert.of(f, now));
      }
    }
    acceptAlerts(alerts);
  }

  /** As {@link #accept}, for alerts already built (e.g. with their incident id). */
  public void acceptAlerts(List<Alert> alerts) {
    for (Alert a : alerts) {
      for (OutputPipeline p : pipelines) {
        p.offer(a);
      }
    }
  }

  /** Closes due deduplication windows and sends due summaries now (the workers do it every second). */
  public void sweep() {
    pipelines.forEach(OutputPipeline::sweep);
  }

  /** Counts per output, in configuration order. */
  public List<AlertStats> stats() {
    return pipelines.stream().map(OutputPipeline::stats).toList();
  }

  /**
   * Stops taking alerts, sends the follow-ups and summaries still pending, and delivers what is queued until
   * {@code deadline}; then stops the workers. What is left is counted dropped.
   *
   * @return true when everything was delivered or given up before the deadline
   */
  public boolean close(Duration deadline) {
    if (closed) {
      return true;
    }
    closed = true;
    pipelines.forEach(OutputPipeline::beginStop);
    long end = System.nanoTime() + deadline.toNanos();
    boolean clean = true;
    boolean interrupted = false;
    for (OutputPipeline p : pipelines) {
      try {
        clean &= p.awaitStop(interrupted ? System.nanoTime() : end);
      } catch (InterruptedException e) {
        interrupted = true;
        clean = false;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return clean;
  }

  /** {@link #close(Duration)} with 10 seconds. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
