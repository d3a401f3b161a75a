package dev.kumo.hunt;

import dev.kumo.correlate.CorrelationFeed;
import dev.kumo.correlate.CorrelationInput;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detector.ObservationSink;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The per-event, stateless half of detection: matches one normalized event against the engine's
 * rules, passes single-event findings through the {@link FindingGate}, and hands out the inputs of
 * the stateful half (correlation inputs, detector observations), which the caller orders in event
 * time before it feeds them to a correlator and the detectors. The hunt's workers and the streaming
 * job both use it, so a finding means the same in both. Not thread-safe: one per worker.
 */
public final class EventMatcher {
  private final DetectionEngine engine;
  private final FindingGate gate;
  private @Nullable NormalizedEvent current;
  private @Nullable EventSummary summary;
  private boolean kept;

  public EventMatcher(DetectionEngine engine, FindingGate gate) {
    this.engine = engine;
    this.gate = gate;
  }

  /** Where the results of one event go. */
  public interface Outputs {
    /** A single-event finding that passed the gate (also suppressed ones when they are shown). */
    void finding(Finding f);

    /** A correlation rule's input from this event. */
    void correlationInput(CorrelationInput in);

    /** Where the detectors' observations of this event go. */
    ObservationSink observations();
  }

  /**
   * Matches {@code e}; counts its findings in {@code stats}. Returns whether a finding was kept
   * for it (the event "has findings").
   */
  public boolean match(NormalizedEvent e, FindingStats stats, Outputs out) {
    current = e;
    summary = null;
    kept = false;
    engine.match(e, rule -> {
      if (rule.emitsFindings() && gate.offer(Findings.of(rule, e, summary()), rule.dryRun(), stats, out::finding,
          e.raw())) {
        kept = true;
      }
      for (CorrelationFeed feed : rule.feeds()) {
        out.correlationInput(CorrelationInput.of(feed, e, summary()));
      }
    });
    engine.observe(e, summary, out.observations());
    current = null;
    return kept;
  }

  /** The summary of the event being matched, made on first use and shared by its findings and inputs. */
  private EventSummary summary() {
    if (summary == null) {
      summary = engine.summarize(java.util.Objects.requireNonNull(current));
    }
    return summary;
  }
}
