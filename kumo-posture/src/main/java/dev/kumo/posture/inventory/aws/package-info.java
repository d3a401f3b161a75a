/**
 * Readers of AWS exports (AWS Config items and snapshots, AWS CLI outputs) into inventory
 * {@link dev.kumo.posture.inventory.Resource}s with the facts of {@code docs/posture-facts.md}.
 */
@NullMarked
package dev.kumo.posture.inventory.aws;

import org.jspecify.annotations.NullMarked;
