/**
 * Reads {@code terraform show -json} output (saved plans and state) into inventory resources: what will exist
 * after apply, with values unknown until apply left absent.
 */
@NullMarked
package dev.kumo.posture.inventory.terraform;

import org.jspecify.annotations.NullMarked;
