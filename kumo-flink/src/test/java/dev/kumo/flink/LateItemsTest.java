package dev.kumo.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.ingest.IngestLimits;
import dev.kumo.testing.CloudTrailEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detector stage in event time, driven operator by operator: items wait for the watermark; an item
 * that comes after the watermark passed its time is evaluated, counted as late, and its state still
 * moves on and finishes.
 */
class LateItemsTest {
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir
  Path dir;

  @Test
  void detectorStage_itemBehindTheWatermark_isEvaluatedAtOnce_andCountedLate() throws Exception {
    Path intel = Files.writeString(dir.resolve("bad-ips.txt"), "203.0.113.66\n");
    JobConfig config = JobArgs.parse("--files", "unused", "--findings-file", "unused", "--no-builtin", "--intel",
        intel.toString());
    RuleBook book = new RuleBook(KumoJob.initialRules(config, Clock.systemUTC()));
    List<StreamItem> onTime = observations(book, "on-time", T);
    List<StreamItem> late = observations(book, "late", T.minus(Duration.ofHours(1)));

    try (KeyedBroadcastOperatorTestHarness<String, StreamItem, String, String> stage =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new DetectorStage(book, Duration.ofMinutes(1), Duration.ofDays(7)), i -> i.key, Types.STRING,
            MatchFunction.RULES)) {
      stage.processBroadcastWatermark(Long.MAX_VALUE); // the rules' input never holds time back (as in the job)
      for (StreamItem i : onTime) {
        stage.processElement(i, i.time);
      }
      assertThat(stage.extractOutputValues()).as("waiting for the watermark").isEmpty();

      stage.processWatermark(T.plus(Duration.ofDays(1)).toEpochMilli()); // the intel episode ends
      assertThat(stage.extractOutputValues()).singleElement().asString().contains("\"event_id\":\"on-time\"");

      for (StreamItem i : late) {
        stage.processElement(i, i.time);
      }
      stage.processWatermark(Long.MAX_VALUE); // end of input: the stage finishes
      assertThat(stage.extractOutputValues()).as("the late item is evaluated, not dropped").hasSize(2).last()
          .asString().contains("\"event_id\":\"late\"");
      assertThat(stage.getEnvironment().getAccumulatorRegistry().getUserMap().get(OrderedStage.LATE_COUNT)
          .getLocalValue()).isEqualTo((long) late.size());
    }
  }

  /** What the matching stage makes of one CloudTrail call from a listed address: detector items. */
  private static List<StreamItem> observations(RuleBook book, String id, Instant time) throws Exception {
    String json = "{\"Records\":[" + CloudTrailEvents.event().id(id).time(time.toString()).ip("203.0.113.66").json() + "]}";
    try (BroadcastOperatorTestHarness<RawRecord, String, StreamItem> match =
        ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new MatchFunction(book, IngestLimits.DEFAULTS, 1024),
            MatchFunction.RULES)) {
      match.processElement(new RawRecord("test", 0, 0, json.getBytes(StandardCharsets.UTF_8)), 0);
      List<StreamItem> items = match.extractOutputValues().stream().filter(i -> i.kind == StreamItem.OBSERVATION)
          .toList();
      assertThat(items).as("detector items of " + id).isNotEmpty();
      return items;
    }
  }
}
