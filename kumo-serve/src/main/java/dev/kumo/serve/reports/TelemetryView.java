package dev.kumo.serve.reports;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One log source that would record a failing result's exploitation, as ranked by {@code kumo posture}.
 *
 * @param telemetry the log source, e.g. {@code aws.cloudtrail.s3-data}
 * @param state whether it is on for the resource, e.g. {@code on}, {@code off}, {@code unknown}
 * @param kumoSource the Kumo log source its rules read, or null
 * @param rules active rules reading it for the techniques involved
 */
public record TelemetryView(String telemetry, String state, @Nullable String kumoSource, List<String> rules) {
  public TelemetryView {
    rules = List.copyOf(rules);
  }
}
