/** Posture checks: metadata from the bundled catalog, verdicts per resource, and the built-in check sets. */
@NullMarked
package dev.kumo.posture.check;

import org.jspecify.annotations.NullMarked;
