package dev.kumo.respond.run;

import dev.kumo.respond.aws.CallRecord;
import dev.kumo.respond.aws.ResponseStepException;
import dev.kumo.respond.custody.CustodyLedger;
import dev.kumo.respond.custody.EntryKind;
import dev.kumo.respond.plan.ApiCall;
import dev.kumo.respond.plan.Effect;
import dev.kumo.respond.plan.Plan;
import dev.kumo.respond.plan.PlannedStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs a plan step by step.
 *
 * <p>Rules: a step runs only when every precondition is met (done, or optional and not asked for); after a
 * failed evidence step ({@link Effect#PRESERVE}) no later {@link Effect#CONTAIN} or {@link Effect#CHANGE} step
 * runs, so an instance whose snapshot or memory capture failed is never changed or replaced. A step without an
 * executor is {@link StepStatus#MANUAL}: never counted as done. Done steps of an earlier run (the state file) are
 * not rerun; their resources feed the later steps. Every step start and finish is an ACTION ledger entry, every
 * call an API_CALL entry with its request id, every evidence file an ARTIFACT entry; the state file is written
 * after every step.
 */
public final class PlanRunner {
  private final StepExecutors executors;
  private final CustodyLedger ledger;
  private final Path stateDir;
  private final Clock clock;

  /**
   * @param ledger the case's ledger; evidence files go to {@code <ledger case dir>/evidence/}
   * @param stateDir where {@code respond/<plan id>.state.json} is kept
   */
  public PlanRunner(StepExecutors executors, CustodyLedger ledger, Path stateDir, Clock clock) {
    this.executors = Objects.requireNonNull(executors, "executors");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Prints every call the plan would make (placeholders as they are); calls nothing, writes nothing. */
  public static void dryRun(Plan plan, PrintWriter out) {
    out.println("Dry run of plan " + plan.id() + " (" + plan.playbook().id() + "): nothing is called. "
        + "Rerun with --execute to make these calls.");
    for (PlannedStep s : plan.steps()) {
      out.println();
      out.println(s.index() + " " + s.step().id() + " [" + s.step().effect().id() + "]"
          + (s.step().optional() ? " (optional)" : "") + ": " + s.step().title());
      if (s.calls().isEmpty()) {
        out.println("   (no API call)");
      }
      for (ApiCall c : s.calls()) {
        out.println("   " + c.cli());
      }
    }
    out.flush();
  }

  /**
   * Runs the plan, continuing the run recorded in the state file if any.
   *
   * @param caseId the case every tag and ledger entry names
   * @return the state after the run, as written to the state file
   */
  public RunState execute(Plan plan, String caseId, RunOptions options) throws IOException {
    RunState state = StateFile.read(stateDir, plan.id());
    ledger.append(EntryKind.ACTION, "run of plan " + plan.id() + " started",
        details("plan", plan.id(), "playbook", plan.playbook().id(), "case", caseId));
    @Nullable String failedEvidence = null;
    for (PlannedStep planned : plan.steps()) {
      String id = planned.step().id();
      StepRecord earlier = state.step(id).orElse(null);
      if (earlier != null && earlier.status() == StepStatus.DONE) {
        continue;
      }
      StepRecord record = run(plan, planned, state, caseId, options, failedEvidence);
      state = state.with(record);
      StateFile.write(stateDir, state);
      if (record.status() == StepStatus.FAILED && planned.step().effect() == Effect.PRESERVE
          && failedEvidence == null) {
        failedEvidence = id;
      }
    }
    ledger.append(EntryKind.ACTION, "run of plan " + plan.id() + " ended" + (state.failedOrBlocked()
        ? ": not every step done" : ""), details("plan", plan.id(), "failedOrBlocked",
        Boolean.toString(state.failedOrBlocked())));
    return state;
  }

  private StepRecord run(Plan plan, PlannedStep planned, RunState state, String caseId, RunOptions options,
      @Nullable String failedEvidence) throws IOException {
    var step = planned.step();
    if (step.optional() && !options.optionalSteps().contains(step.id())) {
      return record(planned, StepStatus.NOT_RUN, null, List.of(), Map.of(), "optional, not asked for");
    }
    if (failedEvidence != null && (step.effect() == Effect.CONTAIN || step.effect() == Effect.CHANGE)) {
      return skipped(planned, "blocked: evidence step " + failedEvidence + " failed, so no "
          + step.effect().id() + " step runs");
    }
    for (String pre : step.preconditions()) {
      if (!met(plan, pre, state, options)) {
        StepRecord r = state.step(pre).orElse(null);
        return skipped(planned, "precondition " + pre + " is " + (r == null ? "not run" : r.status().id()));
      }
    }
    var executor = executors.of(step.kind());
    Instant started = clock.instant();
    if (executor.isEmpty()) {
      String lines = String.join("\n", planned.calls().stream().map(ApiCall::cli).toList());
      ledger.append(EntryKind.ACTION, "step " + planned.index() + " " + step.id() + " is manual",
          details("step", step.id(), "kind", step.kind().id(), "status", "manual"));
      return record(planned, StepStatus.MANUAL, started, List.of(), Map.of(),
          "no executor for " + step.kind().id() + "; run by hand:" + (lines.isEmpty() ? " (no API call)" : "\n" + lines));
    }
    ledger.append(EntryKind.ACTION, "step " + planned.index() + " " + step.id() + " started",
        details("step", step.id(), "kind", step.kind().id(), "effect", step.effect().id()));
    RunContext context = new RunContext(plan, caseId, facts(state), ledger.caseDir().resolve("evidence"),
        started, options);
    StepResult result;
    try {
      result = executor.get().execute(planned, context);
    } catch (ResponseStepException e) {
      ledger.append(EntryKind.API_CALL, e.service() + " " + e.operation() + " failed",
          details("service", e.service(), "operation", e.operation(), "request_id",
              e.requestId() == null ? "none" : e.requestId(), "error", e.errorCode(), "step", step.id()));
      ledger.append(EntryKind.ACTION, "step " + planned.index() + " " + step.id() + " failed",
          details("step", step.id(), "status", "failed", "error", e.getMessage()));
      List<CallSummary> calls = List.of(new CallSummary(e.service(), e.operation(),
          e.requestId() == null ? "none" : e.requestId()));
      return new StepRecord(planned.index(), step.id(), StepStatus.FAILED, started, clock.instant(), calls,
          Map.of(), Objects.requireNonNullElse(e.getMessage(), e.errorCode()));
    }
    for (CallRecord c : result.calls()) {
      Map<String, String> d = new LinkedHashMap<>();
      d.put("service", c.service());
      d.put("operation", c.operation());
      d.put("request_id", c.requestId());
      d.put("step", step.id());
      c.outcome().forEach((k, v) -> {
        if (!k.equals("json")) {
          d.put(k, v);
        }
      });
      ledger.append(EntryKind.API_CALL, c.service() + " " + c.operation(), d);
    }
    for (Path artifact : result.artifacts()) {
      ledger.artifact(artifact, "recorded by step " + step.id(), details("step", step.id()));
    }
    if (result.manual()) {
      ledger.append(EntryKind.ACTION, "step " + planned.index() + " " + step.id() + " is manual",
          details("step", step.id(), "status", "manual", "why", result.message()));
      return record(planned, StepStatus.MANUAL, started, result.calls(), result.resources(), result.message());
    }
    Map<String, String> fin = details("step", step.id(), "status", "done");
    fin.putAll(result.resources());
    ledger.append(EntryKind.ACTION, "step " + planned.index() + " " + step.id() + " done", fin);
    return record(planned, StepStatus.DONE, started, result.calls(), result.resources(), result.message());
  }

  private static boolean met(Plan plan, String pre, RunState state, RunOptions options) {
    StepRecord r = state.step(pre).orElse(null);
    if (r != null && r.status() == StepStatus.DONE) {
      return true;
    }
    boolean optional = plan.steps().stream().anyMatch(s -> s.step().id().equals(pre) && s.step().optional());
    return optional && !options.optionalSteps().contains(pre);
  }

  private StepRecord skipped(PlannedStep planned, String why) throws IOException {
    ledger.append(EntryKind.ACTION, "step " + planned.index() + " " + planned.step().id() + " not run: " + why,
        details("step", planned.step().id(), "status", "skipped-precondition"));
    return record(planned, StepStatus.SKIPPED_PRECONDITION, null, List.of(), Map.of(), why);
  }

  private StepRecord record(PlannedStep planned, StepStatus status, @Nullable Instant started,
      List<CallRecord> calls, Map<String, String> resources, String message) {
    return new StepRecord(planned.index(), planned.step().id(), status, started,
        started == null ? null : clock.instant(), calls.stream().map(CallSummary::of).toList(), resources, message);
  }

  /** The resources of every done step, later steps' values winning. */
  private static Map<String, String> facts(RunState state) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (StepRecord s : state.steps()) {
      if (s.status() == StepStatus.DONE) {
        facts.putAll(s.resources());
      }
    }
    return facts;
  }

  private static Map<String, String> details(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
