package dev.kumo.respond.run;

import dev.kumo.respond.plan.Plan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a step sees: the plan, the case id, the resources found or made by the steps done so far (in this run
 * or an earlier one), where evidence files go, and the time.
 */
public record RunContext(Plan plan, String caseId, Map<String, String> facts, Path evidenceDir, Instant now,
    RunOptions options) {
  public RunContext {
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** A fact from an earlier step, or null. */
  public @Nullable String fact(String name) {
    String v = facts.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /** A comma-separated fact as a list; empty when absent. */
  public List<String> list(String name) {
    String v = fact(name);
    return v == null ? List.of() : Arrays.stream(v.split(",")).filter(s -> !s.isEmpty()).toList();
  }
}
