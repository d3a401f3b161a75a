package dev.kumo.flink;

import dev.kumo.correlate.CorrelationInput;
import dev.kumo.correlate.CorrelationInputCodec;
import dev.kumo.detector.Observation;
import dev.kumo.detector.ObservationCodec;
import dev.kumo.detector.ObservationCombiner;
import dev.kumo.detector.ObservationSink;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingJson;
import dev.kumo.hunt.EventMatcher;
import dev.kumo.hunt.FindingStats;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.IngestStats;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogReader;
import dev.kumo.ingest.LogSources;
import java.io.ByteArrayInputStream;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;

/**
 * The stateless stage: reads each raw record with Kumo's readers (the same detection of the log
 * source and the same normalization as the CLI), matches every event with {@link EventMatcher}, and
 * emits single-event findings (as kumo.finding JSON with the rules' version), correlation inputs keyed
 * by their correlation group and observations keyed by their detector. A record Kumo cannot read, in
 * whole or in part, goes to the dead-letter output with the reasons; the job goes on. Control
 * messages (new rules) are kept in broadcast state; a message that does not parse or compile is
 * refused and counted, and the rules in force stay.
 */
final class MatchFunction extends BroadcastProcessFunction<RawRecord, String, StreamItem> {
  private static final long serialVersionUID = 1L;
  static final MapStateDescriptor<String, String> RULES = new MapStateDescriptor<>("kumo-rules", Types.STRING,
      Types.STRING);
  static final OutputTag<String> DEAD_LETTERS = new OutputTag<>("dead-letters", Types.STRING);
  /** Accumulators: raw records read, events normalized, dead letters written. */
  static final String RECORDS = "kumo-records";
  static final String EVENTS = "kumo-events";
  static final String DEAD_LETTER_COUNT = "kumo-dead-letters";

  private final RuleBook book;
  private final IngestLimits limits;
  private final int maxDeadLetterBytes;
  private transient @Nullable LogReader reader;
  private transient @Nullable Counter deadLetters;
  private transient @Nullable Counter refusedUpdates;
  private transient @Nullable Counter events;
  private transient @Nullable LongCounter recordCount;
  private transient @Nullable LongCounter eventCount;
  private transient @Nullable LongCounter deadLetterCount;

  MatchFunction(RuleBook book, IngestLimits limits, int maxDeadLetterBytes) {
    this.book = book;
    this.limits = limits;
    this.maxDeadLetterBytes = maxDeadLetterBytes;
  }

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    reader = new LogReader(LogSources.defaults(), limits, null);
    var metrics = getRuntimeContext().getMetricGroup();
    deadLetters = metrics.counter("kumoDeadLetters");
    refusedUpdates = metrics.counter("kumoRefusedRuleUpdates");
    events = metrics.counter("kumoEvents");
    recordCount = new LongCounter();
    eventCount = new LongCounter();
    deadLetterCount = new LongCounter();
    getRuntimeContext().addAccumulator(RECORDS, recordCount);
    getRuntimeContext().addAccumulator(EVENTS, eventCount);
    getRuntimeContext().addAccumulator(DEAD_LETTER_COUNT, deadLetterCount);
  }

  @Override
  public void processElement(RawRecord record, ReadOnlyContext ctx, Collector<StreamItem> out) throws Exception {
    ReadOnlyBroadcastState<String, String> state = ctx.getBroadcastState(RULES);
    RuleSet rules = book.current(state.get(RuleBook.CURRENT));
    IngestStats stats = new IngestStats(20);
    Outputs outputs = new Outputs(rules, out);
    EventMatcher matcher = new EventMatcher(rules.engine(), rules.gate());
    FindingStats findingStats = new FindingStats();
    long[] count = {0};
    java.util.Objects.requireNonNull(reader).read(InputFile.ofStream(record.name(),
        () -> new ByteArrayInputStream(record.value)), e -> {
          count[0]++;
          matcher.match(e, findingStats, outputs);
        }, stats, null);
    outputs.combiner.flush();
    java.util.Objects.requireNonNull(events).inc(count[0]);
    java.util.Objects.requireNonNull(recordCount).add(1);
    java.util.Objects.requireNonNull(eventCount).add(count[0]);
    if (stats.problems() > 0) {
      java.util.Objects.requireNonNull(deadLetters).inc();
      java.util.Objects.requireNonNull(deadLetterCount).add(1);
      ctx.output(DEAD_LETTERS, DeadLetter.json(record, count[0], stats, maxDeadLetterBytes));
    }
  }

  @Override
  public void processBroadcastElement(String message, Context ctx, Collector<StreamItem> out) throws Exception {
    BroadcastState<String, String> state = ctx.getBroadcastState(RULES);
    try {
      book.current(message); // parses and compiles; throws when the update is refused
    } catch (IllegalArgumentException e) {
      java.util.Objects.requireNonNull(refusedUpdates).inc();
      java.util.Objects.requireNonNull(deadLetterCount).add(1);
      ctx.output(DEAD_LETTERS, DeadLetter.refusedUpdate(message, String.valueOf(e.getMessage()), maxDeadLetterBytes));
      return;
    }
    state.put(RuleBook.CURRENT, message);
  }

  /** Routes one record's results to the items the job passes on. */
  private static final class Outputs implements EventMatcher.Outputs {
    private final RuleSet rules;
    private final Collector<StreamItem> out;
    private final Scopes scopes;
    private final ObservationCombiner combiner;

    Outputs(RuleSet rules, Collector<StreamItem> out) {
      this.rules = rules;
      this.out = out;
      this.scopes = new Scopes(rules.engine().correlations());
      this.combiner = new ObservationCombiner(1024, this::observation);
    }

    @Override
    public void finding(Finding f) {
      out.collect(StreamItem.finding(f.time().toEpochMilli(), rules.version(), FindingJson.toJson(f, rules.version())));
    }

    @Override
    public void correlationInput(CorrelationInput in) {
      out.collect(StreamItem.state(StreamItem.CORRELATION, in.time().toEpochMilli(), scopes.correlation(in),
          rules.version(), Bytes.encode(CorrelationInputCodec.INSTANCE, in)));
    }

    @Override
    public ObservationSink observations() {
      return combiner;
    }

    private void observation(Observation o) {
      out.collect(StreamItem.state(StreamItem.OBSERVATION, o.time().toEpochMilli(), Scopes.detector(o.detector()),
          rules.version(), Bytes.encode(ObservationCodec.INSTANCE, o)));
    }
  }
}
