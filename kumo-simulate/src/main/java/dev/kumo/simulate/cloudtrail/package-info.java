/** CloudTrail records: identities, one event's fields, and the delivery-file writer. */
@NullMarked
package dev.kumo.simulate.cloudtrail;

import org.jspecify.annotations.NullMarked;
