/**
 * Posture and shared-responsibility dead spots: a cloud inventory read from real exports, checks for the
 * misconfigurations the report's threats exploit, the "exposed and blind" ranking, and the control catalog.
 */
@NullMarked
package dev.kumo.posture;

import org.jspecify.annotations.NullMarked;
