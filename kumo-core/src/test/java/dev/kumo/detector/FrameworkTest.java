package dev.kumo.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.finding.EventSummary;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The detector framework's building blocks. */
class FrameworkTest {
  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  static Observation obs(int seconds, String id, String key, String value, double amount) {
    Instant t = T0.plusSeconds(seconds);
    EventSummary e = new EventSummary(id, t, "aws.cloudtrail", null, null, "p", null, null, null, null, null, null,
        "Op" + id, null, List.of(), "f", 1);
    return new Observation(t, id, 0, 0, key, value, amount, 1, e);
  }

  @Test
  void boundedMap_full_evictsLeastRecentlyUsedAndCounts() {
    BoundedMap<String, Integer> m = new BoundedMap<>(2);
    m.put("a", 1);
    m.put("b", 2);
    m.get("a");
    m.put("c", 3);

    assertThat(m).containsOnlyKeys("a", "c");
    assertThat(m.evicted()).isEqualTo(1);
  }

  @Test
  void combiner_first_keepsOnlyTheEarliestPerKeyAndValue() {
    List<Observation> out = new ArrayList<>();
    ObservationCombiner c = new ObservationCombiner(100, out::add);
    c.add(obs(30, "e3", "alice", "us-east-1", 0), Combine.FIRST);
    c.add(obs(10, "e1", "alice", "us-east-1", 0), Combine.FIRST);
    c.add(obs(20, "e2", "alice", "eu-west-1", 0), Combine.FIRST);
    c.flush();

    assertThat(out).extracting(Observation::eventId).containsExactly("e1", "e2");
  }

  @Test
  void combiner_sum_addsAmountsAndCountsOnTheEarliest() {
    List<Observation> out = new ArrayList<>();
    ObservationCombiner c = new ObservationCombiner(100, out::add);
    c.add(obs(30, "e3", "acct|day1", null, 5.5), Combine.SUM);
    c.add(obs(10, "e1", "acct|day1", null, 4.5), Combine.SUM);
    c.flush();

    assertThat(out).singleElement().satisfies(o -> {
      assertThat(o.eventId()).isEqualTo("e1");
      assertThat(o.amount()).isEqualTo(10.0);
      assertThat(o.count()).isEqualTo(2);
    });
  }

  @Test
  void combiner_full_handsOnWhatItHeldAndStartsOver() {
    List<Observation> out = new ArrayList<>();
    ObservationCombiner c = new ObservationCombiner(2, out::add);
    c.add(obs(1, "e1", "a", null, 1), Combine.SUM);
    c.add(obs(2, "e2", "b", null, 1), Combine.SUM);
    c.add(obs(3, "e3", "c", null, 1), Combine.SUM);

    assertThat(out).extracting(Observation::eventId).containsExactly("e1", "e2");
    assertThat(c.size()).isEqualTo(1);
  }

  @Test
  void combiner_all_passesEveryObservationStraightOn() {
    List<Observation> out = new ArrayList<>();
    ObservationCombiner c = new ObservationCombiner(100, out::add);
    c.add(obs(1, "e1", "a", null, 1), Combine.ALL);
    c.add(obs(1, "e1", "a", null, 1), Combine.ALL);

    assertThat(out).hasSize(2);
    assertThat(c.size()).isZero();
  }

  @Test
  void episodes_quietGap_closesAndStartsANewEpisode() {
    List<String> closed = new ArrayList<>();
    Episodes ep = new Episodes(Duration.ofMinutes(10), Duration.ofDays(1), 100, 10,
        (e, a) -> closed.add(e.key() + ":" + e.count() + ":" + e.evidence()));
    Alerts none = a -> { };
    ep.hit("k", obs(0, "e1", "k", null, 0), "x", none);
    ep.hit("k", obs(300, "e2", "k", null, 0), "y", none);
    ep.hit("k", obs(300 + 601, "e3", "k", null, 0), "z", none);
    ep.closeAll(none);

    assertThat(closed).containsExactly("k:2:[e1, e2]", "k:1:[e3]");
  }

  @Test
  void episodes_maxLength_splitsAContinuousEpisode() {
    List<Long> counts = new ArrayList<>();
    Episodes ep = new Episodes(Duration.ofMinutes(10), Duration.ofMinutes(30), 100, 10, (e, a) -> counts.add(e.count()));
    for (int i = 0; i <= 40; i++) {
      ep.hit("k", obs(i * 60, "e" + i, "k", null, 0), null, a -> { });
    }
    ep.closeAll(a -> { });

    assertThat(counts).containsExactly(30L, 11L);
  }

  @Test
  void episodes_tooManyOpen_closesTheLeastRecentEarly() {
    List<String> closed = new ArrayList<>();
    Episodes ep = new Episodes(Duration.ofHours(1), Duration.ofDays(1), 2, 10, (e, a) -> closed.add(e.key()));
    ep.hit("a", obs(0, "e1", "a", null, 0), null, a -> { });
    ep.hit("b", obs(1, "e2", "b", null, 0), null, a -> { });
    ep.hit("c", obs(2, "e3", "c", null, 0), null, a -> { });

    assertThat(closed).containsExactly("a");
    assertThat(ep.size()).isEqualTo(2);
    assertThat(ep.evicted()).isEqualTo(1);
  }

  @Test
  void episodes_evidenceAndValues_areBounded() {
    List<Episodes.Episode> closed = new ArrayList<>();
    Episodes ep = new Episodes(Duration.ofHours(1), Duration.ofDays(1), 10, 3, (e, a) -> closed.add(e));
    for (int i = 0; i < 10; i++) {
      ep.hit("k", obs(i, "e" + i, "k", null, 0), "v" + i, a -> { });
    }
    ep.closeAll(a -> { });

    assertThat(closed.get(0).count()).isEqualTo(10);
    assertThat(closed.get(0).evidence()).containsExactly("e0", "e1", "e2");
    assertThat(closed.get(0).values()).containsExactly("v0", "v1", "v2");
  }

  @Test
  void config_readsDetectorSectionAndValidates() {
    DetectorConfig c = DetectorConfig.read(new StringReader("""
        other: ignored
        detectors:
          kumo_x:
            window: 2h
            ports: [22, 23]
          kumo_y:
            enabled: false
        """), "settings.yml");

    assertThat(c.value("kumo_x", "window")).isEqualTo("2h");
    assertThat(c.value("kumo_x", "ports")).isEqualTo("22,23");
    assertThat(c.enabled("kumo_y")).isFalse();
    assertThat(c.enabled("kumo_x")).isTrue();
    c.validate(Map.of("kumo_x", Set.of("window", "ports"), "kumo_y", Set.of()));
    assertThatThrownBy(() -> c.validate(Map.of("kumo_x", Set.of("window"), "kumo_y", Set.of())))
        .hasMessageContaining("detector 'kumo_x' has no setting 'ports'");
    assertThatThrownBy(() -> c.validate(Map.of("kumo_x", Set.of("window", "ports"))))
        .hasMessageContaining("unknown detector 'kumo_y'");
  }

  @Test
  void setting_invalidValue_namesDetectorSettingAndValue() {
    DetectorConfig c = new DetectorConfig(Map.of("kumo_x", Map.of("window", "soon")), "s.yml");
    Setting<Duration> window = Setting.duration("window", Duration.ofHours(1), "");

    assertThatThrownBy(() -> window.read(c, "kumo_x"))
        .hasMessageStartingWith("detector kumo_x: setting 'window': 'soon' is invalid");
    assertThat(window.read(DetectorConfig.DEFAULTS, "kumo_x")).isEqualTo(Duration.ofHours(1));
    assertThat(window.describe(Duration.ofMinutes(90)).value()).isEqualTo("90m");
  }

  @Test
  void config_malformedSection_namesFileAndLine() {
    assertThatThrownBy(() -> DetectorConfig.read(new StringReader("detectors:\n  kumo_x: 5\n"), "s.yml"))
        .hasMessageStartingWith("s.yml:2: detector 'kumo_x' must map setting names to values");
  }
}
