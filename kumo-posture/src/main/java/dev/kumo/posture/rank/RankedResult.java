package dev.kumo.posture.rank;

import dev.kumo.exercise.tabletop.Threat;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.inventory.Resource;
import java.util.Comparator;
import java.util.List;

/** A failing check result joined to what would see it being exploited. */
public record RankedResult(CheckResult result, Visibility visibility, List<SourceView> sources) {
  /**
   * Exposed-and-blind first: visibility (blind, unwatched, unknown, watched), then severity (highest first),
   * then the report threat (most frequent first), check id and resource.
   */
  public static final Comparator<RankedResult> ORDER = Comparator.comparing(RankedResult::visibility)
      .thenComparing((RankedResult r) -> r.result().check().severity(), Comparator.reverseOrder())
      .thenComparing(r -> threatRank(r.result().check().threat()))
      .thenComparing(r -> r.result().check().id())
      .thenComparing(r -> r.result().resource(), Resource.ORDER);

  public RankedResult {
    sources = List.copyOf(sources);
  }

  /** True when exposed (failing) and no active rule on a present log would see it. */
  public boolean exposedAndBlind() {
    return visibility == Visibility.BLIND || visibility == Visibility.UNWATCHED;
  }

  /**
   * The report's threats by how often they occurred (exploited applications 45% of incidents first, then
   * misconfiguration, ransomware, data theft, upstream movement, cryptomining, attack infrastructure).
   */
  public static int threatRank(Threat t) {
    return switch (t) {
      case APP_EXPLOITATION -> 0;
      case MISCONFIGURATION -> 1;
      case RANSOMWARE -> 2;
      case DATA_THEFT -> 3;
      case UPSTREAM_MOVEMENT -> 4;
      case CRYPTOMINING -> 5;
      case ATTACK_INFRASTRUCTURE -> 6;
    };
  }
}
