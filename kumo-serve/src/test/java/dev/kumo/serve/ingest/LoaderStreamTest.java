package dev.kumo.serve.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.serve.web.MutableClock;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.CloudTrailEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correlations that span loads: the loader's stream state, moved on when idle and rebuilt after a restart. */
class LoaderStreamTest {
  private static final String RULES = """
      title: S3 ListBuckets
      id: 11111111-1111-4111-8111-111111111111
      name: list_buckets
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
          condition: {gte: 6}
      level: high
      """;

  @TempDir
  Path tmp;
  Spool spool;
  LoadedRules rules;
  IngestMetrics metrics;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:10:00Z"));
  final List<Finding> handedOver = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    Path file = tmp.resolve("rules.yml");
    Files.writeString(file, RULES);
    rules = LoadedRules.load(false, List.of(file), CompileOptions.defaults());
    assertThat(rules.engine().correlations()).hasSize(1);
    spool = Spool.open(tmp.resolve("spool"));
    metrics = new IngestMetrics(new SimpleMeterRegistry(), spool, clock);
  }

  private Loader loader(LiveCase live) {
    LoaderConfig d = LoaderConfig.defaults();
    return new Loader(spool, live, rules, new LoaderConfig(d.hunt().withThreads(1), d.caseOptions(), 1,
        d.maxBytesPerLoad(), Duration.ofMillis(50), 2), handedOver::addAll, metrics, clock);
  }

  /** Three ListBuckets calls at minutes {@code from} to {@code from + 2} past 10:00. */
  private void push(String name, int from) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int m = from; m < from + 3; m++) {
      lines.add(CloudTrailEvents.event().id(name + "-" + m).call("s3.amazonaws.com", "ListBuckets")
          .time(String.format("2026-03-10T10:%02d:00Z", m)).json());
    }
    spool.write(name + ".jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static List<Finding> correlations(List<Finding> findings) {
    return findings.stream().filter(f -> f.correlation() != null).toList();
  }

  private static List<Finding> caseCorrelations(LiveCase live) throws IOException {
    try (CaseQuery q = live.open()) {
      return correlations(q.findings());
    }
  }

  @Test
  void burstSplitOverTwoPushes_isOneCorrelationFindingOnceTheWindowCloses() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader loader = loader(live);
      push("a", 1);
      push("b", 4);
      assertThat(loader.loadOnce()).isEqualTo(1);
      assertThat(loader.loadOnce()).isEqualTo(1);
      assertThat(correlations(handedOver)).as("the burst may go on").isEmpty();

      clock.advance(Duration.ofHours(3)); // idle: the wall clock closes the window
      assertThat(loader.loadOnce()).isZero();

      assertThat(correlations(handedOver)).singleElement()
          .satisfies(f -> assertThat(f.correlation().eventCount()).isEqualTo(6));
      assertThat(caseCorrelations(live)).hasSize(1);
      assertThat(spool.retired()).hasSize(2);
    }
  }

  @Test
  void idleWithNothingClosing_commitsNoLoad() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader loader = loader(live);
      push("a", 1);
      loader.loadOnce();
      clock.advance(Duration.ofMinutes(5));

      assertThat(loader.loadOnce()).isZero();

      try (CaseQuery q = live.open()) {
        assertThat(q.rows("SELECT count(*) FROM loads", List.of()).get(0).get(0)).isEqualTo(1L);
      }
    }
  }

  @Test
  void restart_rebuildsTheStateFromCommittedUnits() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      push("a", 1);
      loader(live).loadOnce();
    }
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader restarted = loader(live);
      push("b", 4);
      assertThat(restarted.loadOnce()).isEqualTo(1);
      clock.advance(Duration.ofHours(3));
      restarted.loadOnce();

      assertThat(correlations(handedOver)).singleElement()
          .satisfies(f -> assertThat(f.correlation().eventCount()).isEqualTo(6));
      try (CaseQuery q = live.open()) {
        assertThat(q.rows("SELECT count(*) FROM events", List.of()).get(0).get(0)).isEqualTo(6L);
      }
      assertThat(caseCorrelations(live)).hasSize(1);
    }
  }

  @Test
  void restart_afterTheWindowClosed_doesNotReportItAgain() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader loader = loader(live);
      push("a", 1);
      push("b", 4);
      loader.loadOnce();
      loader.loadOnce();
      clock.advance(Duration.ofHours(3));
      loader.loadOnce();
      assertThat(correlations(handedOver)).hasSize(1);
    }
    handedOver.clear();
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader restarted = loader(live);
      clock.advance(Duration.ofHours(3));
      restarted.loadOnce();

      assertThat(handedOver).isEmpty();
      assertThat(caseCorrelations(live)).hasSize(1);
    }
  }
}
