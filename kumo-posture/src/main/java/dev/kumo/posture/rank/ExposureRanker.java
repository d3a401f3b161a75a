package dev.kumo.posture.rank;

import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranks failing check results "exposed and blind" first: each is joined to the telemetry its check lists,
 * whether that telemetry is on for the resource ({@link Telemetry}), and whether active rules read it for the
 * check's techniques ({@link DetectionCoverage}).
 */
public final class ExposureRanker {
  private final Telemetry telemetry;
  private final DetectionCoverage coverage;

  public ExposureRanker(Inventory inventory, DetectionCoverage coverage) {
    this.telemetry = new Telemetry(inventory);
    this.coverage = coverage;
  }

  /** The failing results among {@code results}, ranked by {@link RankedResult#ORDER}. */
  public List<RankedResult> rank(List<CheckResult> results) {
    List<RankedResult> out = new ArrayList<>();
    for (CheckResult r : results) {
      if (r.status() == Status.FAIL) {
        out.add(rankOne(r));
      }
    }
    out.sort(RankedResult.ORDER);
    return List.copyOf(out);
  }

  /** One result with its sources and visibility, whatever its status. */
  public RankedResult rankOne(CheckResult r) {
    List<SourceView> views = new ArrayList<>();
    for (String t : r.check().telemetry()) {
      String source = Telemetry.sourceOf(t);
      Telemetry.State state = telemetry.state(t, r.resource());
      List<String> rules = source == null ? List.of() : coverage.activeRules(r.check().techniques(), source);
      views.add(new SourceView(t, state, source, rules));
    }
    return new RankedResult(r, visibility(views), views);
  }

  static Visibility visibility(List<SourceView> views) {
    if (views.isEmpty()) {
      return Visibility.UNKNOWN;
    }
    boolean unknown = false;
    boolean logged = false;
    for (SourceView v : views) {
      if (v.watched()) {
        return Visibility.WATCHED;
      }
      if (v.state() == Telemetry.State.UNKNOWN && !v.rules().isEmpty()) {
        unknown = true;
      }
      if (v.state() == Telemetry.State.ON) {
        logged = true;
      }
    }
    if (unknown) {
      return Visibility.UNKNOWN;
    }
    return logged ? Visibility.UNWATCHED : Visibility.BLIND;
  }
}
