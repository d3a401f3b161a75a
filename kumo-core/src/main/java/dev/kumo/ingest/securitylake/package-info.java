/** OCSF events: Amazon Security Lake's, and Kumo's own OCSF export read back. */
@NullMarked
package dev.kumo.ingest.securitylake;

import org.jspecify.annotations.NullMarked;
