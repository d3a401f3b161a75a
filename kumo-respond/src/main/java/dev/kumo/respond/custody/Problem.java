package dev.kumo.respond.custody;

import java.util.Objects;

/**
 * One thing wrong with a ledger, found by {@link LedgerVerifier}.
 *
 * @param kind what kind of tampering or damage it shows
 * @param line the ledger line it is about (1-based), or 0 when it is about no one line
 * @param seq the seq of the entry it is about, or 0 when none
 * @param message one line for people, naming the line and seq (text from the ledger is not escaped: escape it
 *     for the medium it is printed to)
 */
public record Problem(Kind kind, long line, long seq, String message) {
  /** Kinds of problems. */
  public enum Kind {
    /** An entry's content no longer matches its hash, or its hash was recomputed after a change. */
    CHANGED,
    /** Entries are missing from the middle or start of the ledger (a seq gap). */
    DELETED,
    /** Entries are not in seq order. */
    REORDERED,
    /** An entry that the chain does not continue from: a forged entry, or one appended behind Kumo's back. */
    INSERTED,
    /** A line that is not an entry (not JSON, truncated, wrong fields). */
    GARBLED,
    /** The last entries were cut off (seen from {@code custody/head}). */
    TAIL_DELETED,
    /** {@code custody/head} is missing or unreadable, so a deleted tail cannot be ruled out. */
    HEAD,
    /** An artifact's file differs from the SHA-256 or size recorded at acquisition. */
    ARTIFACT_CHANGED,
    /** An artifact's file is gone, or its recorded path leaves the case directory. */
    ARTIFACT_MISSING,
    /** A signature does not verify. */
    BAD_SIGNATURE,
    /** An entry without a signature in a signed ledger, or a ledger that should be signed and is not. */
    UNSIGNED,
    /** Signed with a key other than the expected one. */
    WRONG_KEY,
    /** There is no ledger. */
    MISSING
  }

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }
}
