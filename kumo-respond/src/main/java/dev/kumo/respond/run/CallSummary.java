package dev.kumo.respond.run;

import dev.kumo.respond.aws.CallRecord;

/** One call of a step as the state file keeps it: service, operation and request id. */
public record CallSummary(String service, String operation, String requestId) {
  /** The summary of an SDK call record. */
  public static CallSummary of(CallRecord r) {
    return new CallSummary(r.service(), r.operation(), r.requestId());
  }
}
