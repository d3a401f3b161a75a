package dev.kumo.serve.reports;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.sigma.Level;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts at the top of the posture page.
 *
 * @param byStatus every result, per status (each status present)
 * @param failedBySeverity failed results per severity (each severity present)
 * @param failedByVisibility failed results per visibility (each visibility present; failed results without one
 *     are not counted)
 * @param failedByProvider failed results per provider, sorted
 */
public record PostureSummary(Map<Status, Long> byStatus, Map<Level, Long> failedBySeverity,
    Map<Visibility, Long> failedByVisibility, Map<String, Long> failedByProvider) {
  public PostureSummary {
    byStatus = Map.copyOf(byStatus);
    failedBySeverity = Map.copyOf(failedBySeverity);
    failedByVisibility = Map.copyOf(failedByVisibility);
    failedByProvider = Map.copyOf(failedByProvider);
  }

  public static PostureSummary of(PostureReport report) {
    Map<Status, Long> status = new EnumMap<>(Status.class);
    Map<Level, Long> severity = new EnumMap<>(Level.class);
    Map<Visibility, Long> visibility = new EnumMap<>(Visibility.class);
    Map<String, Long> provider = new TreeMap<>();
    for (Status s : Status.values()) {
      status.put(s, 0L);
    }
    for (Level l : Level.values()) {
      severity.put(l, 0L);
    }
    for (Visibility v : Visibility.values()) {
      visibility.put(v, 0L);
    }
    for (PostureEntry e : report.results()) {
      status.merge(e.status(), 1L, Long::sum);
      if (e.status() != Status.FAIL) {
        continue;
      }
      severity.merge(e.severity(), 1L, Long::sum);
      if (e.visibility() != null) {
        visibility.merge(e.visibility(), 1L, Long::sum);
      }
      provider.merge(e.resource().provider(), 1L, Long::sum);
    }
    return new PostureSummary(status, severity, visibility, provider);
  }

  /** Failed results, counted once. */
  public long failed() {
    return byStatus.getOrDefault(Status.FAIL, 0L);
  }
}
