package dev.kumo.serve.reports;

import dev.kumo.posture.check.Status;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.sigma.Level;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@code kumo.posture/1} report: one check's verdict on one resource.
 *
 * @param line the line of the file it was read from (1-based)
 * @param threat the report threat the check defends against ({@code ""} when none)
 * @param attack ATT&amp;CK technique ids
 * @param command the remediation command for this resource, or null
 * @param rank 1.. for ranked failures (exposed and blind first), 0 for every other result
 * @param visibility how well the exploitation would be seen; null for results that are not ranked failures
 */
public record PostureEntry(int line, String check, String title, Status status, Level severity, String detail,
    String source, ReportResource resource, String threat, List<String> attack, List<String> benchmarks, String risk,
    String remediation, @Nullable String command, int rank, @Nullable Visibility visibility,
    List<TelemetryView> telemetry) {
  public PostureEntry {
    attack = List.copyOf(attack);
    benchmarks = List.copyOf(benchmarks);
    telemetry = List.copyOf(telemetry);
  }
}
