/**
 * Tuning: the mutelist that suppresses known-benign findings (each entry with a reason, an owner and
 * an expiry), and tuning profiles that lower or disable noisy or broken rules.
 */
@NullMarked
package dev.kumo.tuning;

import org.jspecify.annotations.NullMarked;
