package dev.kumo.testing;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detect.EngineBuilder;
import dev.kumo.detect.SourceMappings;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorRunner;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Observation;
import dev.kumo.detector.ObservationCombiner;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.compile.CompileOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs detectors over events the way a hunt does (observe, combine, sort by event time, run the
 * states), in memory, for detector tests.
 */
public final class DetectorHarness {
  private final DetectionEngine engine;
  private final int combinerCapacity;
  private DetectorRunner lastRunner;

  private DetectorHarness(DetectionEngine engine, int combinerCapacity) {
    this.engine = engine;
    this.combinerCapacity = combinerCapacity;
  }

  /** An engine with only these detectors, all reporting (experimental ones too). */
  public static DetectorHarness of(Detector... detectors) {
    return withCombinerCapacity(10_000, detectors);
  }

  /** As {@link #of}, the engine adding the hits of {@code iocs} to the findings' events. */
  public static DetectorHarness withIntel(dev.kumo.intel.IntelStore iocs, Detector... detectors) {
    EngineBuilder b = new EngineBuilder(SourceMappings.bundled(), CompileOptions.defaults(), AttackCatalog.bundled())
        .experimentalAlerts(true).intel(iocs);
    return new DetectorHarness(b.build(List.of(), List.of(detectors)).engine(), 10_000);
  }

  /** As {@link #of}, with a small combiner to exercise partial merges. */
  public static DetectorHarness withCombinerCapacity(int capacity, Detector... detectors) {
    EngineBuilder b = new EngineBuilder(SourceMappings.bundled(), CompileOptions.defaults(), AttackCatalog.bundled())
        .experimentalAlerts(true);
    return new DetectorHarness(b.build(List.of(), List.of(detectors)).engine(), capacity);
  }

  /** The observations a hunt feeds the detectors for these events, in event-time order. */
  public List<Observation> observations(List<NormalizedEvent> events) {
    List<Observation> observations = new ArrayList<>();
    ObservationCombiner combiner = new ObservationCombiner(combinerCapacity, observations::add);
    for (NormalizedEvent e : events) {
      engine.observe(e, combiner);
    }
    combiner.flush();
    observations.sort(Observation.ORDER);
    return observations;
  }

  /** Runs the events (in the given order; they are sorted by time like in a hunt) and returns the findings. */
  public List<Finding> run(List<NormalizedEvent> events) {
    List<Observation> observations = observations(events);
    DetectorRunner runner = engine.newDetectorRunner();
    List<Finding> findings = new ArrayList<>();
    for (Observation o : observations) {
      runner.accept(o, (b, f) -> findings.add(f));
    }
    runner.finish((b, f) -> findings.add(f));
    lastRunner = runner;
    return findings;
  }

  /** The runner of the last {@link #run}, for state-size checks. */
  public DetectorRunner lastRunner() {
    return lastRunner;
  }

  /** A fresh state of the first detector, for tests that drive it observation by observation. */
  public DetectorState state() {
    return engine.detectors().get(0).detector().start();
  }

  public DetectionEngine engine() {
    return engine;
  }
}
