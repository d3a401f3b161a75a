package dev.kumo.detect;

import dev.kumo.correlate.CorrelationDef;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.correlate.Correlator;
import dev.kumo.detector.Combine;
import dev.kumo.detector.DetectorBinding;
import dev.kumo.detector.DetectorRunner;
import dev.kumo.detector.FileDetector;
import dev.kumo.detector.Observation;
import dev.kumo.detector.ObservationSink;
import dev.kumo.detector.Observer;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.FindingRule;
import dev.kumo.ingest.FileFacts;
import dev.kumo.intel.IntelHit;
import dev.kumo.intel.IntelMatcher;
import dev.kumo.intel.IntelStore;
import dev.kumo.json.JsonObject;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Compiled rules for every log source, ready to evaluate events. Immutable, thread-safe and
 * serializable: build it once and share it between threads, processes or a Flink job.
 */
public final class DetectionEngine implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<CompiledRule> rules;
  private final Map<String, SourceRules> bySource;
  private final List<CorrelationDef> correlations;
  private final List<DetectorBinding> detectors;
  private final Map<String, List<DetectorBinding>> detectorsBySource;
  private final IntelStore iocs;

  DetectionEngine(List<CompiledRule> rules, Map<String, SourceRules> bySource, List<CorrelationDef> correlations,
      List<DetectorBinding> detectors, IntelStore iocs) {
    this.iocs = iocs;
    this.rules = List.copyOf(rules);
    this.bySource = Map.copyOf(bySource);
    this.correlations = List.copyOf(correlations);
    this.detectors = List.copyOf(detectors);
    Map<String, List<DetectorBinding>> by = new HashMap<>();
    for (DetectorBinding b : this.detectors) {
      for (String source : b.detector().sources()) {
        by.computeIfAbsent(source, k -> new ArrayList<>()).add(b);
      }
    }
    Map<String, List<DetectorBinding>> frozen = new HashMap<>();
    by.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.detectorsBySource = Map.copyOf(frozen);
  }

  /**
   * The summary findings carry of {@code event}: its key fields, and the threat-intel indicators its
   * values match (so every finding on an event that hit an indicator says so).
   */
  public EventSummary summarize(NormalizedEvent event) {
    return summary(event, IntelMatcher.hits(iocs, event));
  }

  private static EventSummary summary(NormalizedEvent event, List<IntelHit> hits) {
    EventSummary s = EventSummary.of(event);
    return hits.isEmpty() ? s : s.withIntel(hits);
  }

  /** The indicators the engine matches. */
  public IntelStore iocs() {
    return iocs;
  }

  /**
   * Calls {@code onMatch} for every rule of the event's source that matches it. Stateless: the
   * same event always gives the same matches.
   */
  public void match(NormalizedEvent event, Consumer<CompiledRule> onMatch) {
    SourceRules sr = bySource.get(event.source());
    if (sr == null) {
      return;
    }
    JsonObject raw = event.raw();
    sr.candidates(raw, r -> {
      if (r.condition().matches(raw)) {
        onMatch.accept(r);
      }
    });
  }

  /**
   * Passes the event to every detector that wants its source; their observations go to {@code sink}
   * with the detector's combine policy. Stateless. Events without a known time are skipped.
   */
  public void observe(NormalizedEvent event, ObservationSink sink) {
    observe(event, null, sink);
  }

  /** As {@link #observe(NormalizedEvent, ObservationSink)}, reusing the event's summary when already made. */
  public void observe(NormalizedEvent event, @Nullable EventSummary summary, ObservationSink sink) {
    List<DetectorBinding> list = detectorsBySource.get(event.source());
    if (list == null || event.time().equals(NormalizedEvent.UNKNOWN_TIME)) {
      return;
    }
    EventObserver observer = new EventObserver(this, event, sink);
    observer.summary = summary;
    for (DetectorBinding b : list) {
      observer.binding = b;
      b.detector().observe(event, observer);
    }
  }

  /** Builds observations of one event; its intel hits and summary are made once, on first use. */
  private static final class EventObserver implements Observer {
    private final DetectionEngine engine;
    private final NormalizedEvent event;
    private final ObservationSink sink;
    private @Nullable EventSummary summary;
    private @Nullable List<IntelHit> hits;
    private @Nullable DetectorBinding binding;

    EventObserver(DetectionEngine engine, NormalizedEvent event, ObservationSink sink) {
      this.engine = engine;
      this.event = event;
      this.sink = sink;
    }

    @Override
    public List<IntelHit> intel() {
      if (hits == null) {
        hits = summary != null ? summary.intel() : IntelMatcher.hits(engine.iocs, event);
      }
      return hits;
    }

    @Override
    public void emit(int kind, String key, @Nullable String value, double amount) {
      DetectorBinding b = java.util.Objects.requireNonNull(binding);
      Combine policy = b.detector().combine(kind);
      if (sink.absorb(b.index(), kind, key, value, event.time(), event.id(), amount, policy)) {
        return;
      }
      if (summary == null) {
        summary = summary(event, intel());
      }
      sink.add(new Observation(event.time(), event.id(), b.index(), kind, key, value, amount, 1, summary), policy);
    }
  }

  /**
   * The {@link FileDetector}s that want the files of a hunt over inputs with these names (see
   * {@link FileDetector#wantsFiles}); empty for most hunts.
   */
  public List<DetectorBinding> fileDetectors(List<String> inputNames) {
    List<DetectorBinding> out = new ArrayList<>();
    for (DetectorBinding b : detectors) {
      if (b.detector() instanceof FileDetector f && f.wantsFiles(inputNames)) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * Passes what the reader learned about one input to the given file detectors (from
   * {@link #fileDetectors}); their observations go to {@code sink}. Stateless.
   */
  public static void observeFile(List<DetectorBinding> fileDetectors, FileFacts file, ObservationSink sink) {
    for (DetectorBinding b : fileDetectors) {
      FileDetector d = (FileDetector) b.detector();
      d.observeFile(file, (summary, kind, key, value, amount) -> sink.add(new Observation(summary.time(),
          summary.id(), b.index(), kind, key, value, amount, 1, summary), d.combine(kind)));
    }
  }

  /** The engine's detectors, in index order. */
  public List<DetectorBinding> detectors() {
    return detectors;
  }

  /** A new runner for the stateful half of the detectors (one per stream or hunt). */
  public DetectorRunner newDetectorRunner() {
    return new DetectorRunner(detectors);
  }

  /** A new correlation evaluator with its own state (one per stream or hunt). */
  public Correlator newCorrelator(CorrelationLimits limits) {
    return new Correlator(correlations, limits);
  }

  /** Every compiled rule (a rule routed to two sources appears twice). */
  public List<CompiledRule> rules() {
    return rules;
  }

  public List<CorrelationDef> correlations() {
    return correlations;
  }

  /** Every finding description: detection rules, correlations, then detectors (one per level). */
  public List<FindingRule> findingRules() {
    List<FindingRule> out = new ArrayList<>();
    rules.forEach(r -> out.add(r.findingRule()));
    correlations.forEach(c -> out.add(c.findingRule()));
    detectors.forEach(d -> out.addAll(d.findingRules().values()));
    return out;
  }

  /** Source ids that have rules. */
  public Set<String> sources() {
    return new TreeMap<>(bySource).keySet();
  }

  /**
   * How the index narrows a rule down: the field and the values it must have, or empty when the rule
   * is evaluated on every event of its source.
   */
  public java.util.Optional<Map.Entry<String, Set<String>>> indexKeys(CompiledRule rule) {
    SourceRules sr = bySource.get(rule.sourceId());
    return sr == null ? java.util.Optional.empty() : sr.indexKeys(rule);
  }

  /** Rules compiled for a source, and how many of them the index cannot narrow down. */
  public record SourceStats(int rules, int unindexed) {}

  public SourceStats stats(String sourceId) {
    SourceRules sr = bySource.get(sourceId);
    return sr == null ? new SourceStats(0, 0) : new SourceStats(sr.ruleCount(), sr.unindexedCount());
  }
}
