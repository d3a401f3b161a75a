package dev.kumo.flink;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * Kafka records of a stream of strings: the UTF-8 value alone, no key, and no timestamp of their
 * own, so the producer stamps them with the time they are written. The element's timestamp is the
 * event time of what was found, which may be months old in a back-fill; Kafka's time-based
 * retention (7 days by default) would delete such records as soon as they are written.
 */
final class WriteTimeRecords implements KafkaRecordSerializationSchema<String> {
  private static final long serialVersionUID = 1L;
  private final String topic;

  WriteTimeRecords(String topic) {
    this.topic = topic;
  }

  @Override
  public ProducerRecord<byte[], byte[]> serialize(String element, KafkaSinkContext context,
      @Nullable Long timestamp) {
    return new ProducerRecord<>(topic, null, null, null, element.getBytes(StandardCharsets.UTF_8));
  }
}
