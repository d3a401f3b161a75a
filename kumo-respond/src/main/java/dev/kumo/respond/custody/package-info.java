/**
 * The chain-of-custody ledger of a case: an append-only, hash-chained, optionally Ed25519-signed record
 * of every action, API call, artifact and hand-over ({@link dev.kumo.respond.custody.CustodyLedger}),
 * its verification ({@link dev.kumo.respond.custody.LedgerVerifier}) and an export an auditor can check
 * with standard tools ({@link dev.kumo.respond.custody.EvidenceExport}).
 *
 * <p>Layout under a case directory {@code DIR}: {@code DIR/custody/ledger.jsonl} (the entries),
 * {@code DIR/custody/head} (last seq and hash), {@code DIR/custody/ledger.pub} (the signing key, when signed).
 */
@NullMarked
package dev.kumo.respond.custody;

import org.jspecify.annotations.NullMarked;
