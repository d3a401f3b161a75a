package dev.kumo.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.casestore.CaseSchema;
import dev.kumo.casestore.SimulatedCase;
import dev.kumo.incident.IdentityLink;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: on the simulated upstream-movement scenario (web app exploited, instance credentials
 * stolen, two role hops, the second into another account, then bulk reads of its buckets), the
 * timeline of the stolen key shows the whole chain down to the data access, and the timeline of the
 * last hop leads back to the stolen key.
 */
class TimelineRoleChainTest {
  static final String SCENARIO = "instance-credentials-role-chain";

  @TempDir
  static Path dir;
  static CaseQuery query;
  /** The scenario's CloudTrail event ids, from the ground-truth labels. */
  static Set<String> attackEvents;
  static String stolenKey;

  @BeforeAll
  static void huntScenario() throws Exception {
    Path logs = SimulatedCase.simulate(List.of(ScenarioLibrary.byId(SCENARIO).orElseThrow()), 7, 3, dir);
    Path caseDir = dir.resolve("case");
    SimulatedCase.hunt(logs, caseDir);
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    attackEvents = new java.util.TreeSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(caseDir), p);
        Statement s = c.createStatement()) {
      String labels = "read_json_auto('" + SimulatedCase.labels(logs).toString().replace("'", "''") + "')";
      try (ResultSet rs = s.executeQuery("SELECT event_id::VARCHAR FROM " + labels + " WHERE event_id IS NOT NULL")) {
        while (rs.next()) {
          attackEvents.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT e.access_key FROM " + labels + " l JOIN events e"
          + " ON e.id = l.event_id::VARCHAR WHERE l.step = 'stolen-credentials'")) {
        rs.next();
        stolenKey = rs.getString(1);
      }
    }
    query = CaseQuery.open(caseDir);
  }

  @AfterAll
  static void close() {
    query.close();
  }

  @Test
  void timeline_stolenInstanceKey_followsBothRoleHopsIntoTheOtherAccount() throws Exception {
    Timeline t = new TimelineBuilder(query).build(new TimelineSeed(TimelineSeed.Kind.ACCESS_KEY, stolenKey, null,
        null, 10_000));

    assertThat(t.descendants()).hasSize(2);
    IdentityLink hop1 = t.descendants().get(0);
    IdentityLink hop2 = t.descendants().get(1);
    assertThat(hop1.operation()).isEqualTo("AssumeRole");
    assertThat(hop1.fromKey()).isEqualTo(stolenKey);
    assertThat(hop2.fromKey()).isEqualTo(hop1.toKey());
    assertThat(hop2.account()).isNotEqualTo(hop1.account());
    assertThat(hop2.toPrincipal()).contains(":assumed-role/");
  }

  @Test
  void timeline_stolenInstanceKey_endsWithTheDataAccessOfTheLastHop() throws Exception {
    Timeline t = new TimelineBuilder(query).build(new TimelineSeed(TimelineSeed.Kind.ACCESS_KEY, stolenKey, null,
        null, 10_000));

    List<TimelineEntry> reads = t.entries().stream().filter(e -> "GetObject".equals(e.operation())).toList();
    assertThat(reads).isNotEmpty().allSatisfy(e -> {
      assertThat(e.hop()).isEqualTo(2);
      assertThat(e.accessKey()).isEqualTo(t.descendants().get(1).toKey());
    });
    assertThat(t.entries()).extracting(TimelineEntry::hop).contains(0, 1, 2);
    assertThat(t.entries()).isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::time));
    assertThat(t.entries().get(t.entries().size() - 1).time()).isAfterOrEqualTo(reads.get(reads.size() - 1).time());
  }

  @Test
  void timeline_stolenInstanceKey_containsEveryCloudTrailRecordOfTheAttack() throws Exception {
    Timeline t = new TimelineBuilder(query).build(new TimelineSeed(TimelineSeed.Kind.ACCESS_KEY, stolenKey, null,
        null, 10_000));

    Set<String> shown = t.entries().stream().map(TimelineEntry::eventId).collect(Collectors.toSet());
    assertThat(shown).containsAll(attackEvents);
  }

  @Test
  void timeline_lastHopKey_leadsBackToTheStolenKey() throws Exception {
    Timeline forward = new TimelineBuilder(query).build(new TimelineSeed(TimelineSeed.Kind.ACCESS_KEY, stolenKey,
        null, null, 10_000));
    String lastKey = forward.descendants().get(1).toKey();

    Timeline back = new TimelineBuilder(query).build(new TimelineSeed(TimelineSeed.Kind.ACCESS_KEY, lastKey, null,
        null, 10_000));

    assertThat(back.ancestry()).hasSize(2);
    assertThat(back.ancestry().get(0).fromKey()).isEqualTo(stolenKey);
    List<Integer> hops = new ArrayList<>(back.entries().stream().map(TimelineEntry::hop).distinct().toList());
    assertThat(hops).contains(-2, -1, 0);
    assertThat(back.entries()).filteredOn(e -> e.hop() == -2).extracting(TimelineEntry::operation)
        .contains("GetCallerIdentity");
  }

  @Test
  void timeline_timeRange_limitsTheEvents() throws Exception {
    Timeline all = new TimelineBuilder(query).build(new TimelineSeed(TimelineSeed.Kind.ACCESS_KEY, stolenKey, null,
        null, 10_000));
    java.time.Instant from = all.descendants().get(1).time();

    Timeline later = new TimelineBuilder(query).build(new TimelineSeed(TimelineSeed.Kind.ACCESS_KEY, stolenKey, from,
        null, 10_000));

    assertThat(later.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.time()).isAfterOrEqualTo(from));
    assertThat(later.total()).isLessThan(all.total());
  }
}
