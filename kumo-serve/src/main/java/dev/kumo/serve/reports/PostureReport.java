package dev.kumo.serve.reports;

import dev.kumo.posture.check.Status;
import java.util.List;

/**
 * A {@code kumo.posture/1} report as read.
 *
 * @param results every readable result in file order (ranked failures first, then the rest)
 * @param problems lines that could not be read, as {@code file:line: reason} (the rest was read)
 */
public record PostureReport(List<PostureEntry> results, List<String> problems) {
  public PostureReport {
    results = List.copyOf(results);
    problems = List.copyOf(problems);
  }

  /** Results with this status. */
  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
