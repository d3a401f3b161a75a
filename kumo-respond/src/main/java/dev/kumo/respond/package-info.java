/**
 * Respond without destroying evidence: playbooks per threat, ordered plans that preserve before they
 * change anything, their execution (dry run by default), and the chain-of-custody ledger.
 */
@NullMarked
package dev.kumo.respond;

import org.jspecify.annotations.NullMarked;
