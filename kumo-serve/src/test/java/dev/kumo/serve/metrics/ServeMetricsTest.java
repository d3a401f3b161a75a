package dev.kumo.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeMetricsTest {
  @Test
  void scrape_showsServiceCountersAndJvmMetricsInPrometheusFormat() {
    try (ServeMetrics m = new ServeMetrics()) {
      m.registry().counter("kumo_ingest_events", "input", "http").increment(42);
      String text = m.scrape();
      assertThat(text).contains("# TYPE kumo_ingest_events_total counter")
          .contains("kumo_ingest_events_total{input=\"http\",service=\"kumo\"} 42.0")
          .contains("jvm_memory_used_bytes");
    }
  }
}
