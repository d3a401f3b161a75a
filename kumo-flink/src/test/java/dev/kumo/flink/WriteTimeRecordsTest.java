package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class WriteTimeRecordsTest {
  @Test
  void serialize_eventTimeOfTheElement_isNotTheRecordsTimestamp() {
    long monthsAgo = java.time.Instant.parse("2026-03-01T05:10:21Z").toEpochMilli();

    ProducerRecord<byte[], byte[]> r = new WriteTimeRecords("kumo.findings").serialize("{\"a\":\"é\"}", null, monthsAgo);

    assertThat(r.timestamp()).as("the producer stamps the write time; retention counts from it").isNull();
    assertThat(r.topic()).isEqualTo("kumo.findings");
    assertThat(r.partition()).isNull();
    assertThat(r.key()).isNull();
    assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\"}");
  }
}
