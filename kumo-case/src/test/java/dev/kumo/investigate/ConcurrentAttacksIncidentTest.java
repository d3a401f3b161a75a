package dev.kumo.investigate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseSchema;
import dev.kumo.casestore.SimulatedCase;
import dev.kumo.simulate.scenario.Scenario;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: several attacks played at the same time among background activity; each attack must
 * become one incident and no incident may hold findings of two attacks (checked against the
 * simulator's ground-truth labels, in SQL over the case).
 */
class ConcurrentAttacksIncidentTest {
  /** Attacks with distinct footholds, started 20 minutes apart on the third day. */
  static final List<String> ATTACKS = List.of("app-exploit-instance-credentials", "s3-ransomware",
      "snapshot-exfiltration", "ssm-upstream-movement", "qnapcrypt-file-server", "ddos-from-instances");

  @TempDir
  static Path dir;
  static Map<String, Set<String>> scenariosByIncident;
  static Map<String, Set<String>> incidentsByScenario;

  @BeforeAll
  static void huntConcurrentAttacks() throws Exception {
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < ATTACKS.size(); i++) {
      Scenario s = ScenarioLibrary.byId(ATTACKS.get(i)).orElseThrow();
      scenarios.add(s.withStart(Duration.ofDays(2).plusHours(10).plusMinutes(20L * i)));
    }
    Path logs = SimulatedCase.simulate(scenarios, 42, 4, dir);
    SimulatedCase.hunt(logs, dir.resolve("case"));
    scenariosByIncident = new TreeMap<>();
    incidentsByScenario = new TreeMap<>();
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(dir.resolve("case")), p);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(attribution(SimulatedCase.labels(logs)))) {
      while (rs.next()) {
        String incident = rs.getString(1);
        String scenario = rs.getString(2);
        scenariosByIncident.computeIfAbsent(incident, k -> new TreeSet<>()).add(scenario);
        incidentsByScenario.computeIfAbsent(scenario, k -> new TreeSet<>()).add(incident);
      }
    }
    System.out.println("Concurrent attacks -> incidents: " + incidentsByScenario);
  }

  /** (incident, scenario) for every grouped finding whose event or evidence is labelled with a scenario. */
  private static String attribution(Path labels) {
    return "WITH labels AS (SELECT scenario::VARCHAR AS scenario, event_id::VARCHAR AS event_id,"
        + " file::VARCHAR AS file, line::BIGINT AS line FROM read_json_auto('" + labels.toString().replace("'", "''")
        + "')),"
        + " labelled AS (SELECT DISTINCT l.scenario, e.id FROM labels l JOIN events e ON e.id = l.event_id"
        + "   UNION SELECT DISTINCT l.scenario, e.id FROM labels l JOIN events e ON l.event_id IS NULL"
        + "   AND e.line = l.line AND e.file LIKE '%/' || l.file),"
        + " attributed AS (SELECT DISTINCT f.rule_id, f.event_id, f.correlation_group, x.scenario FROM findings f"
        + "   JOIN labelled x ON x.id = f.event_id OR list_contains(f.evidence, x.id))"
        + " SELECT DISTINCT i.incident_id, a.scenario FROM incident_findings i"
        + " JOIN attributed a USING (rule_id, event_id, correlation_group) ORDER BY 1, 2";
  }

  @Test
  void group_concurrentAttacks_everyAttackHasAnIncident() {
    assertThat(incidentsByScenario.keySet()).containsExactlyInAnyOrderElementsOf(ATTACKS);
  }

  @Test
  void group_concurrentAttacks_eachAttackIsOneIncident() {
    assertThat(incidentsByScenario).allSatisfy((scenario, incidents) ->
        assertThat(incidents).as("incidents of %s", scenario).hasSize(1));
  }

  @Test
  void group_concurrentAttacks_noIncidentMixesTwoAttacks() {
    assertThat(scenariosByIncident).allSatisfy((incident, scenarios) ->
        assertThat(scenarios).as("attacks in %s", incident).hasSize(1));
  }
}
