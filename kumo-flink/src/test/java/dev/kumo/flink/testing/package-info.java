/**
 * Test infrastructure of kumo-flink: a real single-node KRaft Kafka broker on 127.0.0.1 for integration tests
 * on a Flink MiniCluster.
 */
@NullMarked
package dev.kumo.flink.testing;

import org.jspecify.annotations.NullMarked;
