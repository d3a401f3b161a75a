package dev.kumo.flink.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerTest {

  @RegisterExtension
  static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @Test
  void produce_thenConsumeAll_readsValuesAndKeysInOrder() {
    KafkaBroker broker = KAFKA.broker();
    String topic = "plain-" + UUID.randomUUID();
    broker.createTopic(topic, 1);

    broker.produce(topic, List.of("a", "b"));
    broker.produceKeyed(topic, List.of(Map.entry("k1", "c"), Map.entry("k2", "d")));

    assertThat(broker.consumeAll(topic, true))
        .extracting(KafkaBroker.Message::key, KafkaBroker.Message::value)
        .containsExactly(
            tuple(null, "a"),
            tuple(null, "b"),
            tuple("k1", "c"),
            tuple("k2", "d"));
  }

  @Test
  void consumeAll_severalPartitions_readsEveryRecord() {
    KafkaBroker broker = KAFKA.broker();
    String topic = "spread-" + UUID.randomUUID();
    broker.createTopic(topic, 3);
    List<Map.Entry<String, String>> records = List.of(
        Map.entry("x", "1"), Map.entry("y", "2"), Map.entry("z", "3"), Map.entry("w", "4"));

    broker.produceKeyed(topic, records);

    assertThat(broker.consumeAll(topic, false, 4, Duration.ofSeconds(30)))
        .extracting(KafkaBroker.Message::value)
        .containsExactlyInAnyOrder("1", "2", "3", "4");
  }

  @Test
  void abortedTransaction_isInvisibleToReadCommitted_andVisibleToReadUncommitted() {
    KafkaBroker broker = KAFKA.broker();
    String topic = "tx-" + UUID.randomUUID();
    broker.createTopic(topic, 1);
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID(),
        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);

    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "committed-1"));
      producer.commitTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "aborted"));
      producer.flush();
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "committed-2"));
      producer.commitTransaction();
    }

    assertThat(broker.consumeAll(topic, true)).extracting(KafkaBroker.Message::value)
        .containsExactly("committed-1", "committed-2");
    assertThat(broker.consumeAll(topic, false)).extracting(KafkaBroker.Message::value)
        .containsExactly("committed-1", "aborted", "committed-2");
  }

  /**
   * The broker runs from a thread group of its own, so every thread it starts is in that group (threads
   * inherit their creator's group) and the shared broker's threads, which come and go on their own, are not.
   */
  @Test
  void close_brokerOfItsOwn_leavesNoThreadBehind() throws Exception {
    ThreadGroup group = new ThreadGroup("own-broker");
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread runner = new Thread(group, () -> {
      try (KafkaBroker own = KafkaBroker.start()) {
        String topic = "own-" + UUID.randomUUID();
        own.createTopic(topic, 1);
        own.produce(topic, List.of("x"));
        assertThat(own.consumeAll(topic, true)).extracting(KafkaBroker.Message::value).containsExactly("x");
        assertThat(group.activeCount()).as("the broker's threads are in the group").isGreaterThan(10);
      } catch (Throwable e) {
        failed.set(e);
      }
    }, "own-broker-test");
    runner.start();
    runner.join();
    assertThat(failed.get()).isNull();

    Set<String> left = Set.of();
    for (int i = 0; i < 50; i++) {
      left = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.isAlive() && inGroup(t, group))
          .map(Thread::getName)
          .collect(Collectors.toSet());
      if (left.isEmpty()) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(left).isEmpty();
  }

  private static boolean inGroup(Thread t, ThreadGroup group) {
    for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
      if (g == group) {
        return true;
      }
    }
    return false;
  }
}
