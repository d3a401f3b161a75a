/**
 * The detection engine as an Apache Flink job over Kafka: a thin layer over kumo-core's compiled rules,
 * correlation and baselines.
 */
@NullMarked
package dev.kumo.flink;

import org.jspecify.annotations.NullMarked;
