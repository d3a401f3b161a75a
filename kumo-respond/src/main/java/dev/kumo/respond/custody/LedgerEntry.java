package dev.kumo.respond.custody;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ledger line: its content, the SHA-256 of the content's canonical form, and in signed ledgers an
 * Ed25519 signature over that hash.
 *
 * @param content what the entry says
 * @param hash lowercase hex SHA-256 of {@link LedgerCodec#canonical(EntryContent)} as stored in the line
 *     (a verifier recomputes it)
 * @param signature base64 Ed25519 signature over the ASCII bytes of {@code hash}, or null when unsigned
 */
public record LedgerEntry(EntryContent content, String hash, @Nullable String signature) {
  public LedgerEntry {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(hash, "hash");
  }

  /** Shorthand for {@code content().seq()}. */
  public long seq() {
    return content.seq();
  }
}
