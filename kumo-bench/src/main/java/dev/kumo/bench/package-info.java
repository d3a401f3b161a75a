/**
 * JMH micro-benchmarks. Run: {@code ./mvnw -q -pl kumo-bench -am package -DskipTests &&
 * java -jar kumo-bench/target/kumo-benchmarks.jar}. Whole-pipeline throughput is measured by
 * {@code kumo bench}.
 */
package dev.kumo.bench;
