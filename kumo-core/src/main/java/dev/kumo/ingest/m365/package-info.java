/** The Microsoft 365 unified audit log: Management Activity API records and Purview CSV exports. */
@NullMarked
package dev.kumo.ingest.m365;

import org.jspecify.annotations.NullMarked;
