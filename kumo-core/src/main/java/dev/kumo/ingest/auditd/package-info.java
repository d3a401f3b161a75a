/** Linux audit daemon logs (auditd), read as file system activity. */
@NullMarked
package dev.kumo.ingest.auditd;

import org.jspecify.annotations.NullMarked;
