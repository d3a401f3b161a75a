/** Cisco Duo administrator and authentication logs. */
@NullMarked
package dev.kumo.ingest.duo;

import org.jspecify.annotations.NullMarked;
