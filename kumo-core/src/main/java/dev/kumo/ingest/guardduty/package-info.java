/** Amazon GuardDuty findings, imported as signals. */
@NullMarked
package dev.kumo.ingest.guardduty;

import org.jspecify.annotations.NullMarked;
