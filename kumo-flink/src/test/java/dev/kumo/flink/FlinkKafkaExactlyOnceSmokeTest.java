package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.flink.testing.KafkaBroker;
import dev.kumo.flink.testing.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The foundation of the Flink job: Kafka in, Kafka out with transactions, on a MiniCluster. */
class FlinkKafkaExactlyOnceSmokeTest {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @Test
  void exactlyOnceSink_boundedJob_writesEveryRecordOnce_asReadCommittedSees() throws Exception {
    KafkaBroker broker = KAFKA.broker();
    String run = UUID.randomUUID().toString();
    String input = "smoke-in-" + run;
    String output = "smoke-out-" + run;
    broker.createTopic(input, 2);
    broker.createTopic(output, 2);
    List<String> values = IntStream.range(0, 2_000).mapToObj(i -> "event-" + i).toList();
    broker.produce(input, values);

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(500);
    KafkaSource<String> source = KafkaSource.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setTopics(input)
        .setGroupId("smoke-" + run)
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setBounded(OffsetsInitializer.latest())
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .build();
    KafkaSink<String> sink = KafkaSink.<String>builder()
        .setBootstrapServers(broker.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic(output)
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("smoke-" + run)
        // KafkaSink's default (1 h) exceeds the broker's transaction.max.timeout.ms.
        .setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(1).toMillis()))
        .build();
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka-in")
        .map(new UpperCase())
        .sinkTo(sink);

    env.execute("kafka exactly-once smoke");

    List<String> expected = values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    assertThat(broker.consumeAll(output, true, expected.size(), Duration.ofSeconds(30)))
        .extracting(KafkaBroker.Message::value)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static final class UpperCase implements MapFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String map(String value) {
      return value.toUpperCase(Locale.ROOT);
    }
  }
}
