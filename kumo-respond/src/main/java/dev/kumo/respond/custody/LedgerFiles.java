package dev.kumo.respond.custody;

import java.nio.file.Path;

/** Where a case's custody files are. */
public final class LedgerFiles {
  private LedgerFiles() {}

  /** {@code DIR/custody}. */
  public static Path dir(Path caseDir) {
    return caseDir.resolve("custody");
  }

  /** {@code DIR/custody/ledger.jsonl}: one entry per line, each ending with a newline. */
  public static Path ledger(Path caseDir) {
    return dir(caseDir).resolve("ledger.jsonl");
  }

  /**
   * {@code DIR/custody/head}: {@code <seq> <hash>} of the last entry and a newline, rewritten after each
   * append. It is what reveals a deleted tail, which the chain alone cannot.
   */
  public static Path head(Path caseDir) {
    return dir(caseDir).resolve("head");
  }

  /** {@code DIR/custody/ledger.pub}: the Ed25519 public key of a signed ledger ({@link LedgerKeys#encode}). */
  public static Path publicKey(Path caseDir) {
    return dir(caseDir).resolve("ledger.pub");
  }
}
