package dev.kumo.bench;

import dev.kumo.detect.DetectionEngine;
import dev.kumo.event.NormalizedEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of matching one CloudTrail event against a rule set of 100 or 1,000 rules. Thanks to the rule
 * index the two should be close: only rules for the event's operation are evaluated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEvaluationBenchmark {
  @Param({"100", "1000"})
  int rules;

  DetectionEngine engine;
  NormalizedEvent[] events;
  int next;

  @Setup
  public void setUp() {
    engine = BenchData.engine(BenchData.rules(rules));
    events = BenchData.events(4096);
  }

  @Benchmark
  public void matchOneEvent(Blackhole bh) {
    NormalizedEvent e = events[next++ & 4095];
    engine.match(e, bh::consume);
  }
}
