package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

class EventTimeTest {
  private final ManualClock clock = new ManualClock(Duration.ofHours(1).toNanos()); // 0 means "not started"

  @Test
  void eventTime_unboundedPartitionWithoutRecordsForTheIdleness_stopsHoldingTimeBack() {
    assertThat(idleAfterTwoMinutesWithoutRecords(JobArgs.parse("--bootstrap-servers", "k:9092", "--topics", "t")))
        .isTrue();
  }

  @Test
  void eventTime_boundedRun_neverTakesAQuietPartitionForIdle() {
    assertThat(idleAfterTwoMinutesWithoutRecords(JobArgs.parse("--bootstrap-servers", "k:9092", "--topics", "t",
        "--bounded"))).isFalse();
    assertThat(idleAfterTwoMinutesWithoutRecords(JobArgs.parse("--files", "logs", "--findings-file", "out")))
        .isFalse();
  }

  private boolean idleAfterTwoMinutesWithoutRecords(JobConfig c) {
    WatermarkGenerator<StreamItem> g = KumoJob.eventTime(c).createWatermarkGenerator(new Context());
    Output out = new Output();
    g.onPeriodicEmit(out);
    clock.advanceTime(c.idleness().plusMinutes(1));
    g.onPeriodicEmit(out);
    return out.idle;
  }

  private final class Context implements WatermarkGeneratorSupplier.Context {
    @Override
    public MetricGroup getMetricGroup() {
      return new UnregisteredMetricsGroup();
    }

    @Override
    public RelativeClock getInputActivityClock() {
      return clock;
    }
  }

  private static final class Output implements WatermarkOutput {
    boolean idle;

    @Override
    public void emitWatermark(Watermark watermark) {
      idle = false;
    }

    @Override
    public void markIdle() {
      idle = true;
    }

    @Override
    public void markActive() {
      idle = false;
    }
  }
}
