package dev.kumo.serve.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.compile.CompileOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {
  static LoadedRules rules;

  @TempDir
  Path tmp;
  Spool spool;
  IngestMetrics metrics;
  SimpleMeterRegistry registry;
  final List<List<Finding>> handedOver = new ArrayList<>();

  @BeforeAll
  static void rules() {
    rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
  }

  @BeforeEach
  void setUp() throws IOException {
    spool = Spool.open(tmp.resolve("spool"));
    registry = new SimpleMeterRegistry();
    metrics = new IngestMetrics(registry, spool, Clock.systemUTC());
  }

  private Loader loader(LiveCase live, int maxUnits) {
    LoaderConfig d = LoaderConfig.defaults();
    return new Loader(spool, live, rules, new LoaderConfig(d.hunt().withThreads(2), d.caseOptions(), maxUnits,
        d.maxBytesPerLoad(), Duration.ofMillis(50), 2), handedOver::add, metrics, Clock.systemUTC());
  }

  private static long count(LiveCase live, String sql) throws IOException {
    try (CaseQuery q = live.open()) {
      return ((Number) q.rows(sql, List.of()).get(0).get(0)).longValue();
    }
  }

  private void spool(String name, String content) throws IOException {
    spool.write(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void loadOnce_commitsTheOldestUnitsThenRemovesThem() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader loader = loader(live, 2);
      spool("a.json", Records.deliveryFile(Records.quiet("a", 0, 10)));
      spool("b.jsonl", Records.lines(Records.quiet("b", 0, 5)));
      spool("c.jsonl", Records.lines(Records.quiet("c", 0, 7)));

      assertThat(loader.loadOnce()).isEqualTo(2);
      assertThat(spool.pending()).singleElement().satisfies(u -> assertThat(u.id()).endsWith("c.jsonl"));
      assertThat(count(live, "SELECT count(*) FROM events")).isEqualTo(15);

      assertThat(loader.loadOnce()).isEqualTo(1);
      assertThat(loader.loadOnce()).isZero();
      assertThat(count(live, "SELECT count(*) FROM events")).isEqualTo(22);
      assertThat(metrics.snapshot()).satisfies(s -> {
        assertThat(s.units()).isEqualTo(3);
        assertThat(s.eventsIn()).isEqualTo(22);
        assertThat(s.eventsAdded()).isEqualTo(22);
        assertThat(s.errors()).isZero();
        assertThat(s.lag()).isZero();
      });
      assertThat(registry.get("kumo.ingest.events").functionCounter().count()).isEqualTo(22);
    }
  }

  @Test
  void loadOnce_handsOverOnlyTheFindingsTheLoadAdded() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader loader = loader(live, 10);
      spool("alarm.json", Records.deliveryFile(List.of(Records.alarming("stop-1"), Records.quiet("q-1"))));
      loader.loadOnce();
      // the same records again (a repeated push) and one new alarming call
      spool("again.json", Records.deliveryFile(List.of(Records.alarming("stop-1"), Records.quiet("q-1"))));
      loader.loadOnce();
      spool("new.json", Records.deliveryFile(List.of(Records.alarming("stop-2"))));
      loader.loadOnce();

      assertThat(handedOver).hasSize(2);
      assertThat(handedOver.get(0)).isNotEmpty().allSatisfy(f -> assertThat(f.event().id()).isEqualTo("stop-1"));
      assertThat(handedOver.get(1)).isNotEmpty().allSatisfy(f -> assertThat(f.event().id()).isEqualTo("stop-2"));
      assertThat(count(live, "SELECT count(*) FROM events")).isEqualTo(3);
      assertThat(metrics.snapshot().findings()).isEqualTo(handedOver.get(0).size() + handedOver.get(1).size());
    }
  }

  @Test
  void loadOnce_unreadableRecords_areCountedAndTheRestLoads() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      Loader loader = loader(live, 10);
      spool("mixed.jsonl", Records.quiet("ok-1") + "\n{\"broken\n" + Records.quiet("ok-2") + "\n");

      assertThat(loader.loadOnce()).isEqualTo(1);

      assertThat(count(live, "SELECT count(*) FROM events")).isEqualTo(2);
      assertThat(metrics.snapshot().errors()).isPositive();
      assertThat(spool.pending()).isEmpty();
    }
  }

  @Test
  void loadOnce_caseUnavailable_keepsEveryUnit() throws IOException {
    LiveCase live = LiveCase.open(tmp.resolve("case"));
    live.close(); // every load now fails
    Loader loader = loader(live, 10);
    spool("a.json", Records.quiet("a"));
    spool("b.json", Records.quiet("b"));

    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(loader::loadOnce).isInstanceOf(IOException.class);
    }

    assertThat(spool.pending()).hasSize(2);
    assertThat(spool.dir().resolve("failed")).isEmptyDirectory();
    assertThat(metrics.snapshot().errors()).isEqualTo(8);
  }

  @Test
  void loadOnce_unitThatKeepsFailing_isSetAsideThenMovedToFailed() throws IOException {
    try (LiveCase live = LiveCase.open(tmp.resolve("case"))) {
      LoaderConfig d = LoaderConfig.defaults();
      Loader loader = new Loader(spool, live, rules, new LoaderConfig(d.hunt().withThreads(1), d.caseOptions(), 10,
          d.maxBytesPerLoad(), Duration.ofMillis(50), 2), handedOver::add, metrics, Clock.systemUTC(),
          (point, units) -> {
            if (point == Loader.Point.HUNTED && units.stream().anyMatch(u -> u.id().endsWith("poison.json"))) {
              throw new IllegalStateException("cannot load this one");
            }
          });
      spool("poison.json", Records.quiet("p"));
      spool("good.json", Records.quiet("g"));

      assertThatThrownBy(loader::loadOnce).isInstanceOf(IllegalStateException.class); // both together
      assertThatThrownBy(loader::loadOnce).isInstanceOf(IllegalStateException.class); // poison alone, 1
      assertThatThrownBy(loader::loadOnce).isInstanceOf(IllegalStateException.class); // poison alone, 2: set aside
      assertThat(loader.loadOnce()).isEqualTo(1); // good loads; poison goes to failed/

      assertThat(spool.pending()).isEmpty();
      assertThat(spool.dir().resolve("failed")).isDirectoryContaining(p -> p.toString().endsWith("poison.json"));
      assertThat(count(live, "SELECT count(*) FROM events")).isEqualTo(1);
      assertThat(count(live, "SELECT count(*) FROM loads WHERE finished IS NULL")).isZero();
    }
  }

  @Test
  void start_loadsWhatArrivesUntilClosed() throws Exception {
    try (LiveCase live = LiveCase.open(tmp.resolve("case")); Loader loader = loader(live, 10)) {
      loader.start();
      for (int i = 0; i < 5; i++) {
        spool("u" + i + ".jsonl", Records.lines(Records.quiet("s" + i, 0, 20)));
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!spool.pending().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      loader.close();
      assertThat(spool.pending()).isEmpty();
      assertThat(count(live, "SELECT count(DISTINCT id) FROM events")).isEqualTo(100);
    }
  }
}
