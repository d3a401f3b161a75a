package dev.kumo.respond.custody;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one ledger entry says: everything its {@code hash} covers (see {@link LedgerCodec#canonical}).
 *
 * @param seq position in the ledger, 1 for the first entry
 * @param time when it was recorded
 * @param actor who recorded it
 * @param kind what it records
 * @param summary one line for people
 * @param details flat string facts (service, operation, request_id, resource ids, outcome…), kept sorted by key
 * @param artifact the file, for {@link EntryKind#ARTIFACT} entries only
 * @param key fingerprint of the signing key ({@link LedgerKeys#fingerprint}), in signed ledgers only
 * @param prev the previous entry's hash; 64 zeros for the first entry
 */
public record EntryContent(long seq, Instant time, String actor, EntryKind kind, String summary,
    Map<String, String> details, @Nullable ArtifactRef artifact, @Nullable String key, String prev) {
  public EntryContent {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be at least 1, got " + seq);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    details = Collections.unmodifiableMap(new TreeMap<>(details));
    if ((kind == EntryKind.ARTIFACT) != (artifact != null)) {
      throw new IllegalArgumentException("an artifact is recorded exactly by artifact entries");
    }
    if (!Sha256.isHex(prev)) {
      throw new IllegalArgumentException("prev must be 64 lowercase hex digits");
    }
  }
}
