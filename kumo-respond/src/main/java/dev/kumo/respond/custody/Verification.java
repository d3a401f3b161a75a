package dev.kumo.respond.custody;

import java.util.List;

/**
 * What {@link LedgerVerifier#verify} found.
 *
 * @param ok true exactly when there are no problems
 * @param entries ledger lines read (entries, and lines that should have been)
 * @param artifacts artifact entries, each of whose file was checked
 * @param signed whether the ledger is signed (then every signature was checked)
 * @param problems every problem, in ledger order, then head, artifact and signature problems
 */
public record Verification(boolean ok, long entries, long artifacts, boolean signed, List<Problem> problems) {
  public Verification {
    problems = List.copyOf(problems);
    if (ok != problems.isEmpty()) {
      throw new IllegalArgumentException("ok must be true exactly when there are no problems");
    }
  }
}
