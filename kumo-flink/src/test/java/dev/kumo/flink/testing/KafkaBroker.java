package dev.kumo.flink.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node Kafka broker for tests: KRaft mode, broker and controller in one in-process
 * {@link KafkaRaftServer}, bound to 127.0.0.1 on free ports, with a fresh log directory that {@link #close()}
 * deletes.
 *
 * <p>Transactions work on the one node (transaction and offsets topics with replication factor 1 and one
 * partition each, min ISR 1), consumer groups rebalance without delay, and topics are never created
 * automatically: create them with {@link #createTopic}. A transactional producer's {@code transaction.timeout.ms}
 * must not exceed {@link #MAX_TRANSACTION_TIMEOUT} (Flink's {@code KafkaSink} defaults to one hour: set it lower).
 *
 * <p>Not thread-safe for concurrent {@link #close()}; the helpers may be called from any thread.
 */
public final class KafkaBroker implements AutoCloseable {

  /** The broker's {@code transaction.max.timeout.ms}. */
  public static final Duration MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration DEFAULT_CONSUME_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaRaftServer server;
  private final Path directory;
  private final String bootstrapServers;
  private final Admin admin;
  private boolean closed;

  private KafkaBroker(KafkaRaftServer server, Path directory, String bootstrapServers, Admin admin) {
    this.server = server;
    this.directory = directory;
    this.bootstrapServers = bootstrapServers;
    this.admin = admin;
  }

  /**
   * Formats a fresh log directory, starts the broker and returns once it serves requests.
   *
   * @throws IllegalStateException when the broker does not start
   */
  public static KafkaBroker start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("kumo-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KafkaRaftServer server = null;
    Admin admin = null;
    try {
      int brokerPort = freePort();
      int controllerPort = freePort();
      while (controllerPort == brokerPort) {
        controllerPort = freePort();
      }
      String bootstrapServers = "127.0.0.1:" + brokerPort;
      KafkaConfig config = KafkaConfig.fromProps(
          serverProperties(directory.resolve("log"), brokerPort, controllerPort), false);
      format(directory.resolve("log"));
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      admin = Admin.create(Map.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
      admin.describeCluster().nodes().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return new KafkaBroker(server, directory, bootstrapServers, admin);
    } catch (Exception e) {
      if (admin != null) {
        admin.close(Duration.ZERO);
      }
      if (server != null) {
        stop(server);
      }
      deleteRecursively(directory);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("Kafka broker did not start", e);
    }
  }

  /** {@code host:port} of the broker's PLAINTEXT listener, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates a topic with replication factor 1 and returns once every partition has a leader. */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /** Creates a topic with replication factor 1 and the given topic configs (e.g. {@code cleanup.policy}). */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
      long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
      while (!hasLeaders(name, partitions)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + name + " has no leader");
        }
        Thread.sleep(20);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create topic " + name, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes the values without keys (acks=all) and returns once all are acknowledged. */
  public void produce(String topic, List<String> values) {
    List<Map.Entry<@Nullable String, String>> records = new ArrayList<>();
    for (String value : values) {
      records.add(new AbstractMap.SimpleImmutableEntry<>(null, value));
    }
    send(topic, records);
  }

  /** Writes the key-value pairs in order (acks=all) and returns once all are acknowledged. */
  public void produceKeyed(String topic, List<Map.Entry<String, String>> records) {
    send(topic, List.copyOf(records));
  }

  /**
   * Everything now visible in the topic, read from the beginning of every partition up to its end offset (the
   * last stable offset when {@code readCommitted}), ordered by partition then offset.
   */
  public List<Message> consumeAll(String topic, boolean readCommitted) {
    return consumeAll(topic, readCommitted, 0, DEFAULT_CONSUME_TIMEOUT);
  }

  /**
   * Waits until at least {@code expectedCount} records are visible (or {@code timeout} passes), then returns all
   * records visible up to the end offsets, so duplicates beyond {@code expectedCount} are returned too. On time-out
   * it returns what it has read, for the caller's assertion to show.
   */
  public List<Message> consumeAll(String topic, boolean readCommitted, int expectedCount, Duration timeout) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<Message> messages = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (true) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
          messages.add(new Message(r.topic(), r.partition(), r.offset(), r.key(), r.value()));
        }
        boolean timedOut = System.nanoTime() > deadline;
        if ((messages.size() >= expectedCount && caughtUp(consumer, partitions)) || timedOut) {
          break;
        }
      }
    }
    messages.sort(Comparator.comparingInt(Message::partition).thenComparingLong(Message::offset));
    return List.copyOf(messages);
  }

  /** Stops the broker, waits for its threads to end and deletes its log directory. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      admin.close(Duration.ofSeconds(5));
    } finally {
      stop(server);
      deleteRecursively(directory);
    }
  }

  /** A record read back from a topic; {@code key} is null for a record written without one. */
  public record Message(String topic, int partition, long offset, @Nullable String key, String value) {
  }

  private void send(String topic, List<? extends Map.Entry<? extends @Nullable String, String>> records) {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<@Nullable String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (Map.Entry<? extends @Nullable String, String> record : records) {
        sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
      }
      for (Future<RecordMetadata> f : sent) {
        f.get(DEFAULT_CONSUME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + topic, e);
    }
  }

  private static boolean caughtUp(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
  }

  private boolean hasLeaders(String topic, int partitions) throws InterruptedException {
    try {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      return description.partitions().size() == partitions
          && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException e) {
      return false;
    }
  }

  private static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
        + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    // Internal topics on one node: one replica, one partition (50 partitions each would slow the first use).
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("transaction.max.timeout.ms", String.valueOf(MAX_TRANSACTION_TIMEOUT.toMillis()));
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("share.coordinator.state.topic.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Few threads and a small cleaner buffer: the tests share two cores and a 1 GiB heap with Flink.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("num.replica.fetchers", "1");
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    // Kafka's default retention (7 days by record timestamp), enforced every second from the start rather than
    // every 5 minutes after 30 s: a test sees at once what a real topic would delete, such as records stamped
    // with a months-old event time
    p.put("log.initial.task.delay.ms", "0");
    p.put("log.retention.check.interval.ms", "1000");
    return p;
  }

  private static void format(Path logDir) throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(NODE_ID)
        .setControllerListenerName(CONTROLLER_LISTENER)
        .setMetadataLogDirectory(logDir.toString())
        .setDirectories(List.of(logDir.toString()))
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .run();
  }

  private static void stop(KafkaRaftServer server) {
    server.shutdown();
    server.awaitShutdown();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
