/**
 * The "exposed and blind" ranking: each misconfiguration joined to the log sources that would record its
 * exploitation, whether those sources are on for that resource, and whether active rules watch them.
 */
@NullMarked
package dev.kumo.posture.rank;

import org.jspecify.annotations.NullMarked;
