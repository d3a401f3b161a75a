package dev.kumo.detector.logging;

import static dev.kumo.testing.CloudTrailEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.testing.CloudTrailEvents;
import dev.kumo.testing.DetectorHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class LoggingSilenceDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final String PROD = "111122223333";
  private static final String DEV = "444455556666";
  /** Two days of history before the day under test. */
  private static final Instant START = Instant.parse("2026-03-08T00:00:00Z");

  private final DetectorHarness harness = DetectorHarness.of(new LoggingSilenceDetector(DetectorConfig.DEFAULTS, INTEL));

  /**
   * Events of one stream: {@code perHour.applyAsInt(hour since START)} events in each hour of
   * [fromHour, toHour), spread over the hour.
   */
  private static List<String> stream(String account, String region, int fromHour, int toHour,
      IntUnaryOperator perHour) {
    List<String> out = new ArrayList<>();
    for (int h = fromHour; h < toHour; h++) {
      int n = perHour.applyAsInt(h);
      for (int i = 0; i < n; i++) {
        Instant t = START.plus(Duration.ofHours(h)).plusSeconds(i * (3600L / n));
        out.add(event().account(account).region(region).time(t.toString())
            .call("ec2.amazonaws.com", "DescribeInstances").id(account + region + h + "-" + i).json());
      }
    }
    return out;
  }

  private static List<NormalizedEvent> parse(List<List<String>> streams) {
    List<String> all = new ArrayList<>();
    streams.forEach(all::addAll);
    return CloudTrailEvents.parse(all);
  }

  @Test
  void regionStopsLoggingWhileAnotherGoesOn_firesOnceWithTheSilentSpan() {
    List<Finding> f = harness.run(parse(List.of(
        stream(PROD, "us-east-1", 0, 50, h -> 10), // stops at 2026-03-10T02:00
        stream(PROD, "eu-west-1", 0, 60, h -> 10))));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("CloudTrail stream of account 111122223333 in us-east-1 logged nothing for 2h "
          + "(2026-03-10T02:00Z to 2026-03-10T04:00Z) while other streams logged 20 events; before, it had 5+ "
          + "events in 24 of 24 hours (240 events) and 2 of the 2 silent hours were active a day earlier");
      assertThat(x.event().account()).isEqualTo(PROD);
      assertThat(x.event().region()).isEqualTo("us-east-1");
      assertThat(x.event().principal()).isNull();
      assertThat(x.time()).isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
      assertThat(x.evidence()).containsExactly(PROD + "us-east-1" + 49 + "-9");
      assertThat(x.techniques()).contains("T1562.008");
      assertThat(x.threats()).containsExactly("log-tampering");
    });
  }

  @Test
  void accountStopsLoggingWhileAnotherAccountGoesOn_fires() {
    List<Finding> f = harness.run(parse(List.of(
        stream(DEV, "us-west-2", 0, 53, h -> 8),
        stream(PROD, "us-east-1", 0, 62, h -> 30))));

    assertThat(f).singleElement().satisfies(x -> assertThat(x.reason()).startsWith(
        "CloudTrail stream of account 444455556666 in us-west-2 logged nothing for 2h (2026-03-10T05:00Z"));
  }

  @Test
  void streamSilentUntilTheEndOfTheData_firesAtTheEnd() {
    List<String> us = stream(PROD, "us-east-1", 0, 50, h -> 10);
    us.add(event().account(PROD).region("us-east-1").time("2026-03-10T02:35:00Z").id("last").json());
    List<String> eu = stream(PROD, "eu-west-1", 0, 52, h -> 10);
    eu.add(event().account(PROD).region("eu-west-1").time("2026-03-10T04:50:00Z").id("end").json());

    List<Finding> f = harness.run(parse(List.of(us, eu)));

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.reason()).startsWith("CloudTrail stream of account 111122223333 in us-east-1 logged nothing for "
          + "2h 10m (2026-03-10T02:40Z to 2026-03-10T04:50Z, the end of the data)");
      assertThat(x.evidence()).containsExactly("last");
    });
  }

  @Test
  void regionQuietEveryNight_doesNotFire() {
    // us-east-1 works 07:00-21:00 every day (14 active hours: "regular"), eu-west-1 around the clock
    assertThat(harness.run(parse(List.of(
        stream(PROD, "us-east-1", 0, 72, h -> h % 24 >= 7 && h % 24 < 21 ? 12 : 0),
        stream(PROD, "eu-west-1", 0, 72, h -> 10))))).isEmpty();
  }

  @Test
  void everyStreamQuietAtOnce_doesNotFire() {
    // a maintenance night: nothing anywhere from 01:00 to 05:00 on the third day
    IntUnaryOperator busy = h -> h >= 49 && h < 53 ? 0 : 10;
    assertThat(harness.run(parse(List.of(
        stream(PROD, "us-east-1", 0, 60, busy),
        stream(PROD, "eu-west-1", 0, 60, busy))))).isEmpty();
  }

  @Test
  void othersFarBelowTheirUsualLevel_doesNotFire() {
    // a weekend: us-east-1 stops, eu-west-1 drops from 100 to 6 an hour
    assertThat(harness.run(parse(List.of(
        stream(PROD, "us-east-1", 0, 50, h -> 10),
        stream(PROD, "eu-west-1", 0, 60, h -> h >= 50 ? 6 : 100))))).isEmpty();
  }

  @Test
  void sparseRegion_doesNotFire() {
    // global-service-only region: a few events an hour, then none
    assertThat(harness.run(parse(List.of(
        stream(PROD, "ap-south-1", 0, 50, h -> 3),
        stream(PROD, "eu-west-1", 0, 60, h -> 10))))).isEmpty();
  }

  @Test
  void withoutADayOfHistory_doesNotFire() {
    // the data starts at 2026-03-09T10:00: us-east-1 stops after 16 busy hours, before a day of history exists
    assertThat(harness.run(parse(List.of(
        stream(PROD, "us-east-1", 34, 50, h -> 10),
        stream(PROD, "eu-west-1", 34, 60, h -> 10))))).isEmpty();
  }

  @Test
  void streamThatResumes_canFireAgainForALaterSilence() {
    List<Finding> f = harness.run(parse(List.of(
        stream(PROD, "us-east-1", 0, 54, h -> h >= 26 && h < 29 ? 0 : 10),
        stream(PROD, "eu-west-1", 0, 60, h -> 10))));

    assertThat(f).extracting(Finding::time).containsExactly(Instant.parse("2026-03-09T02:00:00Z"),
        Instant.parse("2026-03-10T06:00:00Z"));
  }

  @Test
  void manyStreams_stateStaysWithinItsLimit() {
    DetectorHarness small = DetectorHarness.of(new LoggingSilenceDetector(new DetectorConfig(
        Map.of(LoggingSilenceDetector.NAME, Map.of("max-streams", "100")), "test"), INTEL));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      records.add(event().account(String.format("%012d", i)).region("us-east-1")
          .time(START.plusSeconds(i * 60L).toString()).json());
    }

    assertThat(small.run(CloudTrailEvents.parse(records))).isEmpty();
    assertThat(small.lastRunner().stateSize()).isLessThanOrEqualTo(100);
    assertThat(small.lastRunner().evicted()).isEqualTo(3000 - 100);
  }

  @Test
  void smallCombiner_givesTheSameFindings() {
    List<NormalizedEvent> events = parse(List.of(
        stream(PROD, "us-east-1", 0, 50, h -> 10),
        stream(PROD, "eu-west-1", 0, 60, h -> 10)));
    DetectorHarness partial = DetectorHarness.withCombinerCapacity(3,
        new LoggingSilenceDetector(DetectorConfig.DEFAULTS, INTEL));

    assertThat(partial.run(events)).extracting(Finding::reason)
        .containsExactlyElementsOf(harness.run(events).stream().map(Finding::reason).toList());
  }

  @Test
  void advance_atEachObservation_raisesWhatTheBatchRaisesWhileTheOtherStreamsGoOn() {
    assertThat(StreamReplay.assertStreamMatchesBatch(harness, parse(List.of(
        stream(PROD, "us-east-1", 0, 50, h -> 10),
        stream(PROD, "eu-west-1", 0, 60, h -> 10))), false)).hasSize(1);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() {
    SnapshotReplay.assertSnapshotMidwayChangesNothing(harness, parse(List.of(
        stream(PROD, "us-east-1", 0, 50, h -> 10),
        stream(PROD, "eu-west-1", 0, 60, h -> 10))));
  }

  @Test
  void advance_intoTheHourThatCompletesTheGap_raisesTheSilence_asItsNextEventWould() {
    List<NormalizedEvent> events = parse(List.of(
        stream(PROD, "us-east-1", 0, 50, h -> 10), // stops at 2026-03-10T02:00
        stream(PROD, "eu-west-1", 0, 52, h -> 10))); // goes on until 04:00
    Instant four = Instant.parse("2026-03-10T04:00:00Z");

    assertThat(StreamReplay.raisedByAdvance(harness, events, four.minusSeconds(1))).isEmpty();
    assertThat(StreamReplay.raisedByAdvance(harness, events, four)).singleElement().satisfies(x -> assertThat(
        x.reason()).startsWith("CloudTrail stream of account 111122223333 in us-east-1 logged nothing for 2h "
            + "(2026-03-10T02:00Z to 2026-03-10T04:00Z) while other streams logged 20 events"));
  }

  @Test
  void advance_farPastTheData_leavesTheEndOfDataSilenceToFinish() {
    // every stream is silent after the data: a stream's silence shows once the others log on
    List<String> us = stream(PROD, "us-east-1", 0, 50, h -> 10);
    us.add(event().account(PROD).region("us-east-1").time("2026-03-10T02:35:00Z").id("last").json());
    List<String> eu = stream(PROD, "eu-west-1", 0, 52, h -> 10);
    eu.add(event().account(PROD).region("eu-west-1").time("2026-03-10T04:50:00Z").id("end").json());
    List<NormalizedEvent> events = parse(List.of(us, eu));

    assertThat(harness.run(events)).hasSize(1);
    assertThat(StreamReplay.streamed(harness, events, true)).isEmpty();
  }
}
