/** Per-service templates that shape requestParameters and responseElements as real CloudTrail events do. */
@NullMarked
package dev.kumo.simulate.cloudtrail.api;

import org.jspecify.annotations.NullMarked;
