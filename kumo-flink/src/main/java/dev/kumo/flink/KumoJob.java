package dev.kumo.flink;

import dev.kumo.detect.LoadedRules;
import dev.kumo.detect.PackOptions;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.tuning.TuningProfile;
import dev.kumo.hunt.FindingGate;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.sigma.compile.CompileOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * Builds Kumo's streaming job on an environment: Kafka (or files) → read, normalize and match
 * ({@link MatchFunction}, rules from the control topic as broadcast state) → event time with bounded
 * out-of-orderness → correlations keyed by group ({@link CorrelationStage}) and detectors keyed by
 * detector ({@link DetectorStage}) → findings to Kafka, exactly once with Kafka transactions (and
 * optionally to files); unreadable records and refused rule updates to the dead-letter topic.
 */
public final class KumoJob {
  private KumoJob() {}

  /** The rules loaded at start. */
  public static RuleSet initialRules(JobConfig c, Clock clock) {
    LoadedRules loaded = LoadedRules.load(new PackOptions(c.builtin(), c.rulePaths(), CompileOptions.defaults(),
        DetectorConfig.DEFAULTS, false, TuningProfile.builtin(), IntelFiles.load(c.intelPaths())));
    if (loaded.errorCount() > 0) {
      throw new IllegalArgumentException("the rules do not compile: " + loaded.problems().stream()
          .filter(p -> p.isError()).findFirst().map(Object::toString).orElse("?"));
    }
    String version = c.rulesVersion() != null ? c.rulesVersion() : version(c);
    return new RuleSet(version, loaded.engine(), new FindingGate(options(), LocalDate.ofInstant(clock.instant(),
        ZoneOffset.UTC)));
  }

  /** The hunt options the job's gates follow (minimum level informational, no mutelist). */
  static HuntOptions options() {
    return HuntOptions.defaults();
  }

  /** {@code sha256:} and the first 12 hex digits of the digest of the rule and intel files (and the built-in flag). */
  static String version(JobConfig c) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((c.builtin() ? "builtin\n" : "user\n").getBytes(StandardCharsets.UTF_8));
      List<Path> roots = new java.util.ArrayList<>(c.rulePaths());
      roots.addAll(c.intelPaths());
      for (Path root : roots) {
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
          d.update(f.toString().getBytes(StandardCharsets.UTF_8));
          d.update(Files.readAllBytes(f));
        }
      }
      return "sha256:" + HexFormat.of().formatHex(d.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException | java.io.IOException e) {
      throw new IllegalStateException("cannot fingerprint the rules: " + e.getMessage(), e);
    }
  }

  /** Adds the job to {@code env}. */
  public static void build(StreamExecutionEnvironment env, JobConfig c, RuleSet initial) {
    if (c.parallelism() > 0) {
      env.setParallelism(c.parallelism());
    }
    env.enableCheckpointing(c.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    if (c.checkpointDir() != null) {
      // the job's state (pending items, windows, baselines) runs to tens of MB: far above the 5 MB a
      // checkpoint kept in the JobManager's memory may hold
      Configuration storage = new Configuration();
      storage.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      storage.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, c.checkpointDir());
      env.configure(storage);
    }
    Serialization.register(env);
    RuleBook book = new RuleBook(initial);

    DataStream<RawRecord> raw = c.files().isEmpty()
        ? env.fromSource(kafkaLogs(c), WatermarkStrategy.noWatermarks(), "kumo-logs").uid("kumo-logs").name("kumo-logs")
        : FileInput.stream(env, c.files());
    DataStream<String> updates = c.bootstrapServers() == null
        ? env.fromData("").uid("kumo-control").name("kumo-control (none)").filter(none -> false).uid("kumo-no-updates")
        : env.fromSource(control(c), new NeverHoldsBack<>(), "kumo-control").uid("kumo-control").name("kumo-control");
    BroadcastStream<String> control = updates.broadcast(MatchFunction.RULES);

    SingleOutputStreamOperator<StreamItem> items = raw.connect(control)
        .process(new MatchFunction(book, IngestLimits.DEFAULTS, c.maxDeadLetterBytes()))
        .uid("kumo-match").name("kumo-match");
    DataStream<StreamItem> timed = items.assignTimestampsAndWatermarks(eventTime(c)).uid("kumo-event-time")
        .name("kumo-event-time");

    DataStream<String> singles = timed.filter(i -> i.kind == StreamItem.FINDING).uid("kumo-single-findings")
        .map(i -> java.util.Objects.requireNonNull(i.json)).uid("kumo-single-json").name("kumo-single-findings");
    DataStream<String> correlations = timed.filter(i -> i.kind == StreamItem.CORRELATION).uid("kumo-corr-items")
        .keyBy(i -> i.key).connect(control)
        .process(new CorrelationStage(book, options().correlationLimits(), c.tick(), c.stateTtl()))
        .uid("kumo-correlate").name("kumo-correlate");
    DataStream<String> detectors = timed.filter(i -> i.kind == StreamItem.OBSERVATION).uid("kumo-obs-items")
        .keyBy(i -> i.key).connect(control)
        .process(new DetectorStage(book, c.tick(), c.stateTtl()))
        .uid("kumo-detect").name("kumo-detect");

    DataStream<String> findings = singles.union(correlations, detectors).map(new Counted("kumo-findings"))
        .uid("kumo-findings-count").name("kumo-findings-count");
    DataStream<String> deadLetters = items.getSideOutput(MatchFunction.DEAD_LETTERS);
    if (c.bootstrapServers() != null) {
      findings.sinkTo(kafkaSink(c, c.findingsTopic(), "findings")).uid("kumo-findings").name("kumo-findings");
      deadLetters.sinkTo(kafkaSink(c, c.deadLetterTopic(), "dead-letters")).uid("kumo-dead-letters")
          .name("kumo-dead-letters");
    } else {
      deadLetters.sinkTo(fileSink(c.findingsFile() + "-dead-letters")).uid("kumo-dead-letters-file")
          .name("kumo-dead-letters-file");
    }
    if (c.findingsFile() != null) {
      findings.sinkTo(fileSink(c.findingsFile())).uid("kumo-findings-file").name("kumo-findings-file");
    }
  }

  /**
   * Event time with bounded out-of-orderness. Idleness only for unbounded input: in a bounded run a
   * partition that has ended sends the maximum watermark, and were a slow partition then taken for
   * idle, every window would be finished before its events arrived.
   */
  static WatermarkStrategy<StreamItem> eventTime(JobConfig c) {
    WatermarkStrategy<StreamItem> s = WatermarkStrategy.<StreamItem>forBoundedOutOfOrderness(c.outOfOrderness())
        .withTimestampAssigner((i, t) -> i.time);
    return c.bounded() ? s : s.withIdleness(c.idleness());
  }

  private static FileSink<String> fileSink(String dir) {
    return FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir), new SimpleStringEncoder<String>("UTF-8"))
        .build();
  }

  /**
   * What a finished job did, from its accumulators.
   *
   * @param lateItems items of correlations and detectors that arrived after the watermark had passed
   *     their time: evaluated without the window they belonged to
   */
  public record Summary(long records, long events, long findings, long deadLetters, long lateItems) {
    /** The counts of {@code result}. */
    public static Summary of(JobExecutionResult result) {
      return new Summary(count(result, MatchFunction.RECORDS), count(result, MatchFunction.EVENTS),
          count(result, "kumo-findings"), count(result, MatchFunction.DEAD_LETTER_COUNT),
          count(result, OrderedStage.LATE_COUNT));
    }

    private static long count(JobExecutionResult r, String name) {
      Object v = r.getAccumulatorResult(name);
      return v instanceof Number n ? n.longValue() : 0;
    }
  }

  /** Passes strings on, counting them in an accumulator. */
  private static final class Counted extends RichMapFunction<String, String> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private transient @Nullable LongCounter counter;

    Counted(String name) {
      this.name = name;
    }

    @Override
    public void open(OpenContext context) {
      counter = new LongCounter();
      getRuntimeContext().addAccumulator(name, counter);
    }

    @Override
    public String map(String value) {
      java.util.Objects.requireNonNull(counter).add(1);
      return value;
    }
  }

  private static KafkaSource<RawRecord> kafkaLogs(JobConfig c) {
    var b = KafkaSource.<RawRecord>builder().setBootstrapServers(java.util.Objects.requireNonNull(c.bootstrapServers())).setTopics(c.inputTopics())
        .setGroupId(c.groupId()).setStartingOffsets(OffsetsInitializer.committedOffsets(
            org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
        .setDeserializer(new RawRecordDeserializer());
    if (c.bounded()) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  private static KafkaSource<String> control(JobConfig c) {
    var b = KafkaSource.<String>builder().setBootstrapServers(java.util.Objects.requireNonNull(c.bootstrapServers())).setTopics(c.controlTopic())
        .setGroupId(c.groupId() + "-control").setStartingOffsets(OffsetsInitializer.earliest())
        .setValueOnlyDeserializer(new SimpleStringSchema());
    if (c.bounded()) {
      b.setBounded(OffsetsInitializer.latest());
    }
    return b.build();
  }

  private static KafkaSink<String> kafkaSink(JobConfig c, String topic, String name) {
    Properties p = new Properties();
    p.setProperty("transaction.timeout.ms", "600000");
    return KafkaSink.<String>builder().setBootstrapServers(java.util.Objects.requireNonNull(c.bootstrapServers())).setKafkaProducerConfig(p)
        .setRecordSerializer(new WriteTimeRecords(topic))
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(c.transactionalIdPrefix() + "-" + name).build();
  }

  /**
   * Watermarks for the control topic: it must never hold back event time (a two-input operator's
   * time is the least of its inputs', and rule updates carry no event time).
   */
  private static final class NeverHoldsBack<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(
        org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier.Context context) {
      return new WatermarkGenerator<>() {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
          output.emitWatermark(new Watermark(Long.MAX_VALUE));
        }
      };
    }
  }
}
