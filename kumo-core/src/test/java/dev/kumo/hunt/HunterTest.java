package dev.kumo.hunt;

import static dev.kumo.ingest.CloudTrailFixtures.delivery;
import static dev.kumo.ingest.CloudTrailFixtures.gzip;
import static dev.kumo.ingest.CloudTrailFixtures.record;
import static dev.kumo.ingest.CloudTrailFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.tuning.Mutelist;
import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detect.EngineBuilder;
import dev.kumo.finding.Finding;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleLoadResult;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.Snapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HunterTest {
  private static final String RULES = """
      title: S3 ListBuckets
      id: 11111111-1111-4111-8111-111111111111
      name: list_buckets
      author: Test Author
      tags: [attack.discovery, attack.t1619]
      logsource: {product: aws, service: cloudtrail}
      detection:
          selection:
              eventName: ListBuckets
          condition: selection
      level: low
      ---
      title: Many ListBuckets by one user
      id: 22222222-2222-4222-8222-222222222222
      correlation:
          type: event_count
          rules: [list_buckets]
          group-by: [userIdentity.arn]
          timespan: 1h
          condition: {gte: 30}
      generate: true
      level: high
      """;

  @TempDir
  Path dir;

  private DetectionEngine engine() {
    RuleLoadResult r = new RuleLoader().loadText(RULES, "test.yml", false);
    assertThat(r.errors()).isEmpty();
    return EngineBuilder.defaults(CompileOptions.defaults()).build(r.rules()).engine();
  }

  private List<InputFile> files(int count, int perFile) throws Exception {
    List<InputFile> out = new ArrayList<>();
    int n = 0;
    for (int f = 0; f < count; f++) {
      List<String> recs = new ArrayList<>();
      for (int i = 0; i < perFile; i++) {
        recs.add(record(++n));
      }
      Path p = dir.resolve("f" + f + ".json.gz");
      Files.write(p, gzip(utf8(delivery(recs))));
      out.add(InputFile.of(p));
    }
    return out;
  }

  private HuntOptions options(int threads) {
    return new HuntOptions(threads, null, null, Level.INFORMATIONAL, false, IngestLimits.DEFAULTS, null,
        CorrelationLimits.DEFAULTS, 7, dir.resolve("spill"), Mutelist.EMPTY, false);
  }

  private static List<Finding> drain(HuntResult r) {
    List<Finding> out = new ArrayList<>();
    Iterator<Finding> it = r.findings();
    it.forEachRemaining(out::add);
    return out;
  }

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void run_sameInputOneOrManyThreads_givesIdenticalOrderedFindings() throws Exception {
    List<InputFile> inputs = files(6, 10);
    List<Finding> one;
    List<Finding> two;
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), options(1), clock).run(inputs, new Progress())) {
      one = drain(r);
      assertThat(r.summary().events()).isEqualTo(60);
    }
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), options(2), clock).run(inputs, new Progress())) {
      two = drain(r);
    }
    // 60 base findings (spilled 7 at a time) + 1 correlation finding for the whole burst of 60
    assertThat(one.size()).isEqualTo(61);
    assertThat(one.equals(two)).as("same findings in the same order").isTrue();
    assertThat(one).isSortedAccordingTo(dev.kumo.finding.FindingOrder.ORDER);
  }

  @Test
  void run_correlation_firesOnceWithEvidenceAndAuthorCredit() throws Exception {
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), options(2), clock).run(files(2, 20), new Progress())) {
      List<Finding> corr = drain(r).stream().filter(f -> f.correlation() != null).toList();
      assertThat(corr.size()).isEqualTo(1);
      assertThat(corr).singleElement().satisfies(f -> {
        assertThat(f.level()).isEqualTo(Level.HIGH);
        assertThat(f.correlation().eventCount()).isEqualTo(40);
        assertThat(f.correlation().group()).containsEntry("userIdentity.arn", "arn:aws:iam::111122223333:user/alice");
        assertThat(f.correlation().eventIds()).hasSize(40);
      });
      assertThat(r.summary().rules()).extracting(RuleCount::author).contains("Test Author");
    }
  }

  private List<Finding> stream(DetectionEngine engine, StreamState state, List<InputFile> inputs, Instant now)
      throws Exception {
    try (HuntResult r = new Hunter(engine, LogSources.defaults(), options(2), Clock.fixed(now, ZoneOffset.UTC), null,
        state).run(inputs, new Progress())) {
      return drain(r);
    }
  }

  private static StreamState state(DetectionEngine engine) {
    return StreamState.start(engine, CorrelationLimits.DEFAULTS, java.time.Duration.ofMinutes(15),
        java.time.Duration.ofHours(1));
  }

  @Test
  void run_streamOfBatches_givesTheFindingsOfOneHuntOverAll() throws Exception {
    List<InputFile> inputs = files(6, 9); // 10:01 to 10:54, in order
    DetectionEngine engine = engine();
    List<Finding> batch;
    try (HuntResult r = new Hunter(engine, LogSources.defaults(), options(2), clock).run(inputs, new Progress())) {
      batch = drain(r);
    }
    StreamState state = state(engine);
    List<Finding> streamed = new ArrayList<>();
    Instant during = Instant.parse("2026-03-10T10:30:00Z");
    for (InputFile f : inputs) {
      streamed.addAll(stream(engine, state, List.of(f), during));
    }
    assertThat(streamed).as("the burst is still open").noneMatch(f -> f.correlation() != null);
    streamed.addAll(stream(engine, state, List.of(), Instant.parse("2026-03-10T13:00:00Z")));

    streamed.sort(dev.kumo.finding.FindingOrder.ORDER);
    assertThat(streamed).isEqualTo(batch);
    assertThat(streamed).filteredOn(f -> f.correlation() != null).singleElement()
        .satisfies(f -> assertThat(f.correlation().eventCount()).isEqualTo(54));
    assertThat(state.size()).isZero();
  }

  @Test
  void run_streamOfBatches_stateSnapshotAndRestoredMidStream_givesTheSameFindings() throws Exception {
    List<InputFile> inputs = files(6, 9); // 10:01 to 10:54, in order: one burst across all batches
    Instant during = Instant.parse("2026-03-10T10:30:00Z");
    Instant after = Instant.parse("2026-03-10T13:00:00Z");
    DetectionEngine engine = engine();
    StreamState state = state(engine);
    List<Finding> uninterrupted = new ArrayList<>();
    for (InputFile f : inputs) {
      uninterrupted.addAll(stream(engine, state, List.of(f), during));
    }
    uninterrupted.addAll(stream(engine, state, List.of(), after));

    StreamState original = state(engine);
    List<Finding> restored = new ArrayList<>();
    for (InputFile f : inputs.subList(0, 3)) {
      restored.addAll(stream(engine, original, List.of(f), during));
    }
    assertThat(original.size()).as("the snapshot holds the open burst").isPositive();
    StreamState copy = Snapshots.copy(original);
    for (InputFile f : inputs.subList(3, inputs.size())) {
      restored.addAll(stream(copy.engine(), copy, List.of(f), during));
    }
    restored.addAll(stream(copy.engine(), copy, List.of(), after));

    assertThat(restored).isEqualTo(uninterrupted);
    assertThat(restored).filteredOn(f -> f.correlation() != null).singleElement()
        .satisfies(f -> assertThat(f.correlation().eventCount()).isEqualTo(54));
    assertThat(copy.watermark()).isEqualTo(state.watermark());
    assertThat(copy.lateEvents()).isEqualTo(state.lateEvents());
  }

  @Test
  void run_streamOfBatches_eachBelowTheThresholdAlone_correlatesAcrossThem() throws Exception {
    DetectionEngine engine = engine();
    StreamState state = state(engine);
    List<InputFile> inputs = files(2, 20);
    List<Finding> streamed = new ArrayList<>();
    for (InputFile f : inputs) {
      try (HuntResult r = new Hunter(engine, LogSources.defaults(), options(1), clock).run(List.of(f), new Progress())) {
        assertThat(drain(r)).as("20 calls alone stay below 30").noneMatch(x -> x.correlation() != null);
      }
      streamed.addAll(stream(engine, state, List.of(f), Instant.parse("2026-03-10T10:30:00Z")));
    }
    streamed.addAll(stream(engine, state, List.of(), Instant.parse("2026-03-10T13:00:00Z")));

    assertThat(streamed).filteredOn(f -> f.correlation() != null).singleElement()
        .satisfies(f -> assertThat(f.correlation().eventCount()).isEqualTo(40));
  }

  @Test
  void run_streamEventsOlderThanTheWatermark_areCountedLate() throws Exception {
    DetectionEngine engine = engine();
    StreamState state = state(engine);
    List<InputFile> inputs = files(1, 10);
    stream(engine, state, inputs, Instant.parse("2026-03-10T14:00:00Z"));
    assertThat(state.watermark()).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
    assertThat(state.lateEvents()).isZero();

    stream(engine, state, inputs, Instant.parse("2026-03-10T14:00:00Z"));

    assertThat(state.lateEvents()).isEqualTo(10);
  }

  @Test
  void hunter_streamStateOfAnotherEngine_isRefused() {
    StreamState other = state(engine());
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(
        () -> new Hunter(engine(), LogSources.defaults(), options(1), clock, null, other));
  }

  @Test
  void run_minLevel_countsButDropsLowerFindings() throws Exception {
    HuntOptions o = new HuntOptions(1, null, null, Level.HIGH, false, IngestLimits.DEFAULTS, null,
        CorrelationLimits.DEFAULTS, 100, dir, Mutelist.EMPTY, false);
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), o, clock).run(files(1, 40), new Progress())) {
      assertThat(drain(r)).hasSize(1);
      assertThat(r.summary().findingsBelowMinLevel()).isEqualTo(40);
      assertThat(r.summary().findings(Level.HIGH)).isEqualTo(1);
    }
  }

  @Test
  void run_timeRange_skipsEventsOutside() throws Exception {
    HuntOptions o = new HuntOptions(1, Instant.parse("2026-03-10T10:05:00Z"), Instant.parse("2026-03-10T10:10:00Z"),
        Level.INFORMATIONAL, false, IngestLimits.DEFAULTS, null, CorrelationLimits.DEFAULTS, 100, dir, Mutelist.EMPTY, false);
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), o, clock).run(files(1, 20), new Progress())) {
      assertThat(r.summary().events()).isEqualTo(5);
      assertThat(r.summary().eventsOutsideRange()).isEqualTo(15);
      assertThat(r.summary().firstEvent()).isEqualTo(Instant.parse("2026-03-10T10:05:00Z"));
    }
  }

  @Test
  void run_strict_stopsAtFirstBadRecordWithReason() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, record(1) + "\n{broken\n" + record(2) + "\n");
    HuntOptions o = new HuntOptions(1, null, null, Level.INFORMATIONAL, true, IngestLimits.DEFAULTS, null,
        CorrelationLimits.DEFAULTS, 100, dir, Mutelist.EMPTY, false);
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), o, clock).run(List.of(InputFile.of(bad)), new Progress())) {
      assertThat(r.summary().aborted()).isTrue();
      assertThat(r.summary().abortReason()).startsWith("--strict: ").contains("bad.jsonl:2 (record 2): malformed JSON");
      assertThat(r.summary().events()).isEqualTo(1);
    }
  }

  @Test
  void run_badRecords_areCountedAndHuntGoesOn() throws Exception {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, record(1) + "\n{broken\n" + record(2) + "\n");
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), options(1), clock).run(List.of(InputFile.of(bad)), new Progress())) {
      assertThat(r.summary().aborted()).isFalse();
      assertThat(r.summary().events()).isEqualTo(2);
      assertThat(r.summary().problemCounts()).containsEntry(ProblemKind.MALFORMED_JSON, 1L);
      assertThat(r.summary().dataReductionPercent()).isZero();
    }
  }

  private static Mutelist mutelist(String expires) {
    return dev.kumo.tuning.MutelistReader.read(new java.io.StringReader("""
        mutelist:
          - name: alice-lists-buckets
            reason: inventory job
            owner: secops
            expires: %s
            rules: [list_buckets]
            principal: arn:aws:iam::111122223333:user/alice
        """.formatted(expires)), "mute.yml");
  }

  @Test
  void run_mutelist_suppressesAndCountsPerEntry() throws Exception {
    HuntOptions o = options(1).withMutelist(mutelist("2027-01-01"), false);
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), o, clock).run(files(1, 20), new Progress())) {
      assertThat(drain(r)).isEmpty();
      assertThat(r.summary().findingsSuppressed()).isEqualTo(20);
      assertThat(r.summary().suppressedByEntry()).containsEntry("alice-lists-buckets", 20L);
      assertThat(r.summary().findings()).isZero();
    }
  }

  @Test
  void run_showSuppressed_keepsThemMarked() throws Exception {
    HuntOptions o = options(1).withMutelist(mutelist("2027-01-01"), true);
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), o, clock).run(files(1, 20), new Progress())) {
      assertThat(drain(r)).hasSize(20).allSatisfy(f -> assertThat(f.suppressedBy()).isEqualTo("alice-lists-buckets"));
      assertThat(r.summary().findings()).isZero();
    }
  }

  @Test
  void run_expiredEntry_warnsAndIsNotApplied() throws Exception {
    HuntOptions o = options(1).withMutelist(mutelist("2026-11-24"), false);
    try (HuntResult r = new Hunter(engine(), LogSources.defaults(), o, clock).run(files(1, 20), new Progress())) {
      assertThat(drain(r)).hasSize(20);
      assertThat(r.summary().warnings()).singleElement().asString()
          .contains("'alice-lists-buckets'", "expired on 2026-11-24", "owner secops");
    }
  }
}
