/**
 * Kumo's detection engine as an Apache Flink job over Kafka: raw cloud log records in, findings
 * (kumo.finding JSON, exactly once with Kafka transactions) out, with the very same compiled rules,
 * correlations and detectors as the CLI; a thin layer over kumo-core. See docs/flink.md.
 */
@NullMarked
package dev.kumo.flink;

import org.jspecify.annotations.NullMarked;
