package dev.kumo.respond.run;

import dev.kumo.respond.aws.CallRecord;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an executor did.
 *
 * @param manual true when nothing was run and a person must run {@code message}'s commands
 * @param calls every call made, in order
 * @param resources what later steps and reruns need (see {@link StepRecord#resources()})
 * @param artifacts files written under the case's evidence directory, to be hashed into the ledger
 */
public record StepResult(boolean manual, List<CallRecord> calls, Map<String, String> resources,
    List<Path> artifacts, String message) {
  public StepResult {
    calls = List.copyOf(calls);
    resources = Collections.unmodifiableMap(new TreeMap<>(resources)); // sorted: output and state are deterministic
    artifacts = List.copyOf(artifacts);
  }

  /** Calls made, resources found or made. */
  public static StepResult done(List<CallRecord> calls, Map<String, String> resources) {
    return new StepResult(false, calls, resources, List.of(), "");
  }

  /** Nothing run: a person must act; {@code why} says what and why. */
  public static StepResult manual(String why) {
    return new StepResult(true, List.of(), Map.of(), List.of(), why);
  }
}
