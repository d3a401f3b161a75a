package dev.kumo.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.HuntTesting;
import dev.kumo.testing.SourceTesting;
import dev.kumo.testing.SourceTesting.PantherCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Panther's hand-labelled CloudTrail test events, each hunted on its own with the built-in pack:
 * positives whose ATT&CK tactic is one of the report's threats must produce a finding (≥ 90%), and
 * negatives must rarely produce a finding of medium or above (≤ 5%).
 */
class PantherCloudTrailAcceptanceTest {

  /**
   * The ATT&CK tactics of the report's seven threats: initial access and execution (exploited apps),
   * defense evasion (misconfiguration and log tampering), persistence, privilege escalation,
   * credential access and lateral movement (upstream movement), collection and exfiltration (data
   * theft) and impact (ransomware, cryptomining, attack infrastructure). Discovery is not one.
   */
  static final Map<String, String> REPORT_TACTICS = Map.of("TA0001", "Initial Access", "TA0002", "Execution",
      "TA0003", "Persistence", "TA0004", "Privilege Escalation", "TA0005", "Defense Evasion",
      "TA0006", "Credential Access", "TA0008", "Lateral Movement", "TA0009", "Collection", "TA0010", "Exfiltration",
      "TA0040", "Impact");

  @Test
  void pantherCloudTrail_positivesFoundAndNegativesQuiet() throws Exception {
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    List<PantherCase> cases = SourceTesting.pantherCases("tests_AWS.CloudTrail.jsonl.gz");
    Map<String, int[]> byTactic = new TreeMap<>(); // tactic -> {positives, found, negatives, noisy}
    int positives = 0;
    int found = 0;
    int negatives = 0;
    int noisy = 0;
    List<String> missed = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    for (PantherCase c : cases) {
      Set<String> tactics = c.tactics();
      boolean inScope = tactics.stream().anyMatch(REPORT_TACTICS::containsKey);
      List<Finding> findings = HuntTesting.hunt(rules.engine(), "case.json", c.log().toJson(),
          "aws.cloudtrail");
      if (c.expected()) {
        if (!inScope) {
          continue;
        }
        boolean hit = !findings.isEmpty();
        positives++;
        found += hit ? 1 : 0;
        for (String t : tactics) {
          if (REPORT_TACTICS.containsKey(t)) {
            int[] row = byTactic.computeIfAbsent(t, k -> new int[4]);
            row[0]++;
            row[1] += hit ? 1 : 0;
          }
        }
        if (!hit) {
          missed.add(c.ruleId() + " / " + c.testName());
        }
      } else {
        boolean alarm = findings.stream().anyMatch(f -> f.level().atLeast(Level.MEDIUM));
        negatives++;
        noisy += alarm ? 1 : 0;
        for (String t : tactics.isEmpty() ? Set.of("none") : tactics) {
          int[] row = byTactic.computeIfAbsent(t, k -> new int[4]);
          row[2]++;
          row[3] += alarm ? 1 : 0;
        }
        if (alarm) {
          falseAlarms.add(c.ruleId() + " / " + c.testName() + " <- " + findings.stream()
              .filter(f -> f.level().atLeast(Level.MEDIUM)).map(Finding::ruleTitle).distinct().toList());
        }
      }
    }
    System.out.println("Panther CloudTrail tests, built-in pack, each event hunted alone");
    System.out.printf("  %-22s %9s %7s %7s %9s %7s %7s%n", "tactic", "positives", "found", "recall", "negatives",
        "med+", "rate");
    byTactic.forEach((t, r) -> System.out.printf("  %-22s %9d %7d %6.1f%% %9d %7d %6.1f%%%n",
        REPORT_TACTICS.getOrDefault(t, t + " (not a report threat)"), r[0], r[1], pct(r[1], r[0]), r[2], r[3],
        pct(r[3], r[2])));
    System.out.printf("  %-22s %9d %7d %6.1f%% %9d %7d %6.1f%%%n", "total", positives, found, pct(found, positives),
        negatives, noisy, pct(noisy, negatives));
    missed.forEach(m -> System.out.println("  missed       " + m));
    falseAlarms.forEach(m -> System.out.println("  false alarm  " + m));

    assertThat(pct(found, positives)).as("recall on in-scope positives").isGreaterThanOrEqualTo(90.0);
    assertThat(pct(noisy, negatives)).as("negatives with a medium+ finding").isLessThanOrEqualTo(5.0);
  }

  private static double pct(int part, int whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
