/**
 * Azure Resource Graph exports ({@code az graph query -o json}, portal JSON downloads) read into inventory
 * resources of the {@code azure.*} kinds of {@code docs/posture-facts.md}.
 */
@NullMarked
package dev.kumo.posture.inventory.azure;

import org.jspecify.annotations.NullMarked;
