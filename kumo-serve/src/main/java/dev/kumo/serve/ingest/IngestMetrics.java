package dev.kumo.serve.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of the ingest path, registered with a Micrometer registry as {@code kumo_ingest_*}: units
 * loaded, events in (seen by loads) and new to the case, findings new to the case, errors (failed
 * loads, refused units, unreadable records), and the lag (age of the oldest unit still in the spool).
 * Thread-safe.
 */
public final class IngestMetrics {
  private final Spool spool;
  private final Clock clock;
  private final AtomicLong units = new AtomicLong();
  private final AtomicLong eventsIn = new AtomicLong();
  private final AtomicLong eventsAdded = new AtomicLong();
  private final AtomicLong findings = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong streamState = new AtomicLong();
  private final AtomicLong lateEvents = new AtomicLong();
  private final AtomicLong rebuilds = new AtomicLong();
  private final Timer hunt;
  private final Timer commit;

  /** The counts at one moment; {@code lag} is zero when the spool is empty. */
  public record Snapshot(long units, long eventsIn, long eventsAdded, long findings, long errors, Duration lag) {}

  public IngestMetrics(MeterRegistry registry, Spool spool, Clock clock) {
    this.spool = spool;
    this.clock = clock;
    FunctionCounter.builder("kumo.ingest.units", units, AtomicLong::get)
        .description("spool units loaded into the case").register(registry);
    FunctionCounter.builder("kumo.ingest.events", eventsIn, AtomicLong::get)
        .description("events read by loads").register(registry);
    FunctionCounter.builder("kumo.ingest.events.added", eventsAdded, AtomicLong::get)
        .description("events new to the case").register(registry);
    FunctionCounter.builder("kumo.ingest.findings", findings, AtomicLong::get)
        .description("findings new to the case").register(registry);
    FunctionCounter.builder("kumo.ingest.errors", errors, AtomicLong::get)
        .description("failed loads, refused units and unreadable records").register(registry);
    Gauge.builder("kumo.ingest.stream.state", streamState, AtomicLong::get)
        .description("correlation groups and detector entries held across loads").register(registry);
    FunctionCounter.builder("kumo.ingest.stream.late", lateEvents, AtomicLong::get)
        .description("events that arrived after their time had been closed (older than the watermark)")
        .register(registry);
    FunctionCounter.builder("kumo.ingest.stream.rebuilds", rebuilds, AtomicLong::get)
        .description("times the detection state was rebuilt from committed units (start, failed load)")
        .register(registry);
    Gauge.builder("kumo.ingest.lag.seconds", this, m -> m.lag().toMillis() / 1000.0)
        .description("age of the oldest unit waiting in the spool").register(registry);
    hunt = Timer.builder("kumo.ingest.load.hunt").description("time a load spends hunting its units")
        .publishPercentiles(0.5, 0.99).register(registry);
    commit = Timer.builder("kumo.ingest.load.commit")
        .description("time a load spends committing to the case (dedup, findings, incidents)")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  void hunted(Duration d) {
    hunt.record(d);
  }

  void committed(Duration d) {
    commit.record(d);
  }

  void loaded(int unitCount, long events, long added, long newFindings) {
    units.addAndGet(unitCount);
    eventsIn.addAndGet(events);
    eventsAdded.addAndGet(added);
    findings.addAndGet(newFindings);
  }

  void stream(long stateSize, long late) {
    streamState.set(stateSize);
    lateEvents.set(late);
  }

  void rebuilt() {
    rebuilds.incrementAndGet();
  }

  void errors(long n) {
    errors.addAndGet(n);
  }

  /** How long the oldest unit in the spool has waited (zero when none waits or the spool cannot be read). */
  public Duration lag() {
    try {
      Instant oldest = spool.oldestSpooled();
      return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant()).abs();
    } catch (IOException e) {
      return Duration.ZERO;
    }
  }

  public Snapshot snapshot() {
    return new Snapshot(units.get(), eventsIn.get(), eventsAdded.get(), findings.get(), errors.get(), lag());
  }
}
