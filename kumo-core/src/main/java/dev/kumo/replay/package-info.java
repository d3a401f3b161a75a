/** Builds large, realistic benchmark corpora by replaying real CloudTrail records with fresh ids and times. */
@NullMarked
package dev.kumo.replay;

import org.jspecify.annotations.NullMarked;
