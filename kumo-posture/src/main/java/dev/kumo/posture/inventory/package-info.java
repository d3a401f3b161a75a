/**
 * The cloud inventory: provider-neutral {@link dev.kumo.posture.inventory.Resource}s with normalised
 * {@link dev.kumo.posture.inventory.Facts}, read from exports by one reader per format. The fact names are
 * listed in {@code docs/posture-facts.md}; a fact a reader could not see is absent, never guessed.
 */
@NullMarked
package dev.kumo.posture.inventory;

import org.jspecify.annotations.NullMarked;
