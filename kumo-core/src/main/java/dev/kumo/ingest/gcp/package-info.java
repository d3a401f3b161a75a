/** Google Cloud Logging: Cloud Audit Logs entries and the layouts that carry them. */
@NullMarked
package dev.kumo.ingest.gcp;

import org.jspecify.annotations.NullMarked;
