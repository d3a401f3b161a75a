package dev.kumo.respond.run;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one step in a run.
 *
 * @param index the step's 1-based position in the plan
 * @param id the playbook step id
 * @param started null when the step never started
 * @param finished null when the step never finished
 * @param calls every call made, in order, with its request id
 * @param resources what the step found or made ({@code snapshotIds}, {@code isolationGroup}, {@code
 *     newInstance}, the recorded {@code volumeIds}, ...), comma-separated lists; later steps and reruns read them
 * @param message why it failed, was skipped or is manual; empty when done
 */
public record StepRecord(int index, String id, StepStatus status, @Nullable Instant started,
    @Nullable Instant finished, List<CallSummary> calls, Map<String, String> resources, String message) {
  public StepRecord {
    calls = List.copyOf(calls);
    resources = Collections.unmodifiableMap(new TreeMap<>(resources)); // sorted: output and state are deterministic
  }
}
