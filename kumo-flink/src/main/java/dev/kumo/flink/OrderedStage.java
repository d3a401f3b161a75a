package dev.kumo.flink;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;

/**
 * The stateful stage, in event time: items of a key wait in keyed state until the watermark passes
 * their time, then go to the key's detection state in Kumo's event-time order (the order the CLI
 * feeds them in), and the state is moved on ({@code advance}) as time passes, every {@code tick} of
 * event time while it holds anything; at the end of a bounded input (watermark at its maximum) it
 * is finished, as a hunt finishes. Items that arrive after the watermark passed their time are
 * late: they are still evaluated at once (a window they belonged to may be closed already),
 * counted, and the state is moved on at the next watermark. Items of another rule version than the one in force are counted and dropped; a key's
 * state restarts when the rules change. The state expires after {@code ttl} without a write.
 *
 * @param <S> the key's detection state
 */
abstract class OrderedStage<S extends Serializable>
    extends KeyedBroadcastProcessFunction<String, StreamItem, String, String> {
  private static final long serialVersionUID = 1L;
  /** Accumulator: items that arrived after the watermark had passed their time. */
  static final String LATE_COUNT = "kumo-late-items";

  private final RuleBook book;
  private final long tick;
  private final Duration ttl;
  private transient @Nullable ValueState<StateHolder> state;
  private transient @Nullable MapState<Long, List<StreamItem>> pending;
  private transient @Nullable Counter late;
  private transient @Nullable LongCounter lateCount;
  private transient @Nullable Counter stale;

  OrderedStage(RuleBook book, Duration tick, Duration ttl) {
    this.book = book;
    this.tick = Math.max(1, tick.toMillis());
    this.ttl = ttl;
  }

  /** A fresh state for {@code rules}. */
  abstract S start(RuleSet rules);

  /** A state read back from Flink's state (it may have been restored from a checkpoint). */
  S restored(S state, RuleSet rules) {
    return state;
  }

  /** Feeds one item (in event-time order, save late ones). */
  abstract void accept(S state, StreamItem item, RuleSet rules, Consumer<String> findings);

  /** Feeds items of one timestamp, in the order the CLI feeds them. */
  abstract void acceptInOrder(S state, List<StreamItem> items, RuleSet rules, Consumer<String> findings);

  /** Moves the state on to {@code watermark}. */
  abstract void advance(S state, Instant watermark, RuleSet rules, Consumer<String> findings);

  /** Ends the state (end of a bounded input). */
  abstract void finish(S state, RuleSet rules, Consumer<String> findings);

  /** Entries the state holds (0: nothing left to close). */
  abstract long size(S state);

  @Override
  public void open(OpenContext context) {
    // expired state goes when its key is read again or at a full snapshot: incremental cleanup would copy
    // other keys' states on every access
    StateTtlConfig ttlConfig = StateTtlConfig.newBuilder(ttl).setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired).disableCleanupInBackground()
        .cleanupFullSnapshot().build();
    ValueStateDescriptor<StateHolder> sd = new ValueStateDescriptor<>("kumo-state",
        TypeInformation.of(StateHolder.class));
    sd.enableTimeToLive(ttlConfig);
    state = getRuntimeContext().getState(sd);
    MapStateDescriptor<Long, List<StreamItem>> pd = new MapStateDescriptor<>("kumo-pending", Types.LONG,
        TypeInformation.of(new TypeHint<List<StreamItem>>() {}));
    pending = getRuntimeContext().getMapState(pd);
    late = getRuntimeContext().getMetricGroup().counter("kumoLateItems");
    lateCount = new LongCounter();
    getRuntimeContext().addAccumulator(LATE_COUNT, lateCount);
    stale = getRuntimeContext().getMetricGroup().counter("kumoStaleItems");
  }

  @Override
  public void processElement(StreamItem item, ReadOnlyContext ctx, Collector<String> out) throws Exception {
    RuleSet rules = book.current(ctx.getBroadcastState(MatchFunction.RULES).get(RuleBook.CURRENT));
    if (!rules.version().equals(item.version)) {
      Objects.requireNonNull(stale).inc();
      return;
    }
    long watermark = ctx.timerService().currentWatermark();
    if (item.time <= watermark) {
      Objects.requireNonNull(late).inc();
      Objects.requireNonNull(lateCount).add(1);
      S s = current(rules);
      accept(s, item, rules, out::collect);
      store(rules, s);
      if (watermark < Long.MAX_VALUE - 1) {
        // no timer may be left for this key: without one its state would never move on or finish
        ctx.timerService().registerEventTimeTimer(watermark + 1);
      }
      return;
    }
    MapState<Long, List<StreamItem>> p = Objects.requireNonNull(pending);
    List<StreamItem> at = p.get(item.time);
    List<StreamItem> list = at == null ? new ArrayList<>() : new ArrayList<>(at);
    list.add(item);
    p.put(item.time, list);
    ctx.timerService().registerEventTimeTimer(item.time);
  }

  @Override
  public void processBroadcastElement(String message, Context ctx, Collector<String> out) {
    // the matching stage validates and stores updates; every stage sees the same broadcast state
    try {
      book.current(message);
      ctx.getBroadcastState(MatchFunction.RULES).put(RuleBook.CURRENT, message);
    } catch (IllegalArgumentException refused) {
      // counted and reported by the matching stage
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
    RuleSet rules = book.current(ctx.getBroadcastState(MatchFunction.RULES).get(RuleBook.CURRENT));
    MapState<Long, List<StreamItem>> p = Objects.requireNonNull(pending);
    List<StreamItem> due = p.get(timestamp);
    S s = current(rules);
    if (due != null) {
      p.remove(timestamp);
      List<StreamItem> current = new ArrayList<>(due.size());
      for (StreamItem item : due) {
        if (rules.version().equals(item.version)) {
          current.add(item);
        } else {
          Objects.requireNonNull(stale).inc();
        }
      }
      acceptInOrder(s, current, rules, out::collect);
    }
    if (ctx.timerService().currentWatermark() == Long.MAX_VALUE && p.isEmpty()) {
      finish(s, rules, out::collect); // end of a bounded input: as a hunt ends
      Objects.requireNonNull(state).clear();
      return;
    }
    advance(s, Instant.ofEpochMilli(timestamp), rules, out::collect);
    store(rules, s);
    if (size(s) > 0) {
      long next = timestamp + tick;
      ctx.timerService().registerEventTimeTimer(next < timestamp ? Long.MAX_VALUE - 1 : next);
    }
  }

  private S current(RuleSet rules) throws Exception {
    StateHolder h = Objects.requireNonNull(state).value();
    if (h == null || !h.version.equals(rules.version())) {
      return start(rules);
    }
    @SuppressWarnings("unchecked")
    S s = (S) h.state;
    return restored(s, rules);
  }

  private void store(RuleSet rules, S s) throws Exception {
    Objects.requireNonNull(state).update(new StateHolder(rules.version(), s));
  }
}
