package dev.kumo.flink;

import dev.kumo.detector.Alerts;
import dev.kumo.detector.DetectorBinding;
import dev.kumo.detector.DetectorRunner;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.Observation;
import dev.kumo.detector.ObservationCodec;
import dev.kumo.finding.FindingJson;
import dev.kumo.hunt.FindingStats;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Kumo's detectors, one detector per key, each with its own state (baselines, episodes). */
final class DetectorStage extends OrderedStage<DetectorStage.Slot> {
  private static final long serialVersionUID = 1L;

  /** One detector's state; the detector is known once its first observation came. */
  static final class Slot implements Serializable {
    private static final long serialVersionUID = 1L;
    int detector = -1;
    @Nullable DetectorState state;
  }

  DetectorStage(RuleBook book, Duration tick, Duration ttl) {
    super(book, tick, ttl);
  }

  @Override
  Slot start(RuleSet rules) {
    return new Slot();
  }

  @Override
  void accept(Slot s, StreamItem item, RuleSet rules, Consumer<String> findings) {
    accept(s, Bytes.decode(ObservationCodec.INSTANCE, Objects.requireNonNull(item.payload)), rules, findings);
  }

  @Override
  void acceptInOrder(Slot s, List<StreamItem> items, RuleSet rules, Consumer<String> findings) {
    List<Observation> observations = new ArrayList<>(items.size());
    items.forEach(i -> observations.add(Bytes.decode(ObservationCodec.INSTANCE, Objects.requireNonNull(i.payload))));
    observations.sort(Observation.ORDER);
    observations.forEach(o -> accept(s, o, rules, findings));
  }

  private void accept(Slot s, Observation o, RuleSet rules, Consumer<String> findings) {
    DetectorBinding b = rules.engine().detectors().get(o.detector());
    if (s.state == null) {
      s.detector = o.detector();
      s.state = b.detector().start();
    }
    s.state.accept(o, alerts(b, rules, findings));
  }

  @Override
  void advance(Slot s, Instant watermark, RuleSet rules, Consumer<String> findings) {
    if (s.state != null) {
      s.state.advance(watermark, alerts(rules.engine().detectors().get(s.detector), rules, findings));
    }
  }

  @Override
  void finish(Slot s, RuleSet rules, Consumer<String> findings) {
    if (s.state != null) {
      s.state.finish(alerts(rules.engine().detectors().get(s.detector), rules, findings));
    }
  }

  @Override
  long size(Slot s) {
    return s.state == null ? 0 : s.state.size();
  }


  private static Alerts alerts(DetectorBinding b, RuleSet rules, Consumer<String> findings) {
    return alert -> rules.gate().offer(DetectorRunner.finding(b, alert), b.dryRun(), new FindingStats(),
        f -> findings.accept(FindingJson.toJson(f, rules.version())), null);
  }
}
