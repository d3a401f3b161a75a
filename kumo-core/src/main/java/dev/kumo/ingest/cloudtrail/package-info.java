/** AWS CloudTrail management and data events. */
@NullMarked
package dev.kumo.ingest.cloudtrail;

import org.jspecify.annotations.NullMarked;
