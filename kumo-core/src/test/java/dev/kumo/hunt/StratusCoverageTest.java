package dev.kumo.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hunting the Stratus Red Team detonation logs (35 AWS techniques, one file each): the built-in pack
 * must produce, for at least 33 techniques, a finding tagged with that technique's ATT&CK id.
 */
class StratusCoverageTest {

  /**
   * The ATT&CK techniques each Stratus technique performs. Where Stratus gives an ATT&CK (or AWS
   * Threat Technique Catalog) id it is used; otherwise the ATT&CK technique that describes the
   * action. A finding tagged with any of them, or a sub-technique of them, counts.
   */
  static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
      Map.entry("aws.credential-access.ec2-get-password-data", Set.of("T1552")),
      Map.entry("aws.credential-access.ec2-steal-instance-credentials", Set.of("T1552.005")),
      Map.entry("aws.credential-access.secretsmanager-batch-retrieve-secrets", Set.of("T1555.006")),
      Map.entry("aws.credential-access.secretsmanager-retrieve-secrets", Set.of("T1555.006")),
      Map.entry("aws.credential-access.ssm-retrieve-securestring-parameters", Set.of("T1555.006", "T1552")),
      Map.entry("aws.defense-evasion.cloudtrail-delete", Set.of("T1562.008")),
      Map.entry("aws.defense-evasion.cloudtrail-event-selectors", Set.of("T1562.008")),
      Map.entry("aws.defense-evasion.cloudtrail-stop", Set.of("T1562.008")),
      Map.entry("aws.defense-evasion.dns-delete-logs", Set.of("T1562.008")),
      Map.entry("aws.defense-evasion.organizations-leave", Set.of("T1666")),
      Map.entry("aws.defense-evasion.vpc-remove-flow-logs", Set.of("T1562.008")),
      Map.entry("aws.discovery.ec2-download-user-data", Set.of("T1580", "T1552.005")),
      Map.entry("aws.execution.ec2-launch-unusual-instances", Set.of("T1496", "T1578.002")),
      Map.entry("aws.execution.ec2-user-data", Set.of("T1059.009", "T1578")),
      Map.entry("aws.execution.ssm-send-command", Set.of("T1651")),
      Map.entry("aws.execution.ssm-start-session", Set.of("T1651")),
      Map.entry("aws.exfiltration.ec2-security-group-open-port-22-ingress", Set.of("T1562.007")),
      Map.entry("aws.exfiltration.ec2-share-ami", Set.of("T1537")),
      Map.entry("aws.exfiltration.ec2-share-ebs-snapshot", Set.of("T1537")),
      Map.entry("aws.exfiltration.rds-share-snapshot", Set.of("T1537")),
      Map.entry("aws.impact.bedrock-invoke-model", Set.of("T1496")),
      Map.entry("aws.initial-access.console-login-without-mfa", Set.of("T1078.004")),
      Map.entry("aws.lateral-movement.ec2-instance-connect", Set.of("T1098.004", "T1021")),
      Map.entry("aws.lateral-movement.ec2-serial-console-send-ssh-public-key", Set.of("T1098.004", "T1021")),
      Map.entry("aws.persistence.iam-backdoor-role", Set.of("T1098.003")),
      Map.entry("aws.persistence.iam-backdoor-user", Set.of("T1098.001")),
      Map.entry("aws.persistence.iam-create-admin-user", Set.of("T1136.003", "T1098.003")),
      Map.entry("aws.persistence.iam-create-backdoor-role", Set.of("T1098.003", "T1136.003")),
      Map.entry("aws.persistence.iam-create-user-login-profile", Set.of("T1098.001")),
      Map.entry("aws.persistence.lambda-backdoor-function", Set.of("T1098", "T1546", "T1648")),
      Map.entry("aws.persistence.lambda-layer-extension", Set.of("T1546", "T1525", "T1648")),
      Map.entry("aws.persistence.lambda-overwrite-code", Set.of("T1525", "T1648", "T1546")),
      Map.entry("aws.persistence.rolesanywhere-create-trust-anchor", Set.of("T1098.001", "T1556")),
      Map.entry("aws.persistence.sts-federation-token", Set.of("T1098.001", "T1550.001", "T1078.004")),
      Map.entry("aws.privilege-escalation.iam-update-user-login-profile", Set.of("T1098.001")));

  @Test
  void hunt_stratusDetonations_builtinPackTagsAtLeast33Of35Techniques() throws Exception {
    Path logs = SharedData.require("data/stratus-red-team-detonation-logs/detonation-logs");
    Set<String> techniques = new TreeSet<>();
    try (Stream<Path> s = Files.list(logs)) {
      s.forEach(p -> techniques.add(p.getFileName().toString().replace(".json", "")));
    }
    assertThat(techniques).isEqualTo(new TreeSet<>(EXPECTED.keySet()));

    Map<String, Set<String>> tagged = hunt(logs, LoadedRules.load(true, List.of(), CompileOptions.defaults()));
    System.out.printf("Stratus techniques with a finding tagged with their ATT&CK technique: %d/35%n", tagged.size());
    for (String t : techniques) {
      System.out.println("  " + (tagged.containsKey(t) ? "found   " : "missed  ") + t + "  "
          + tagged.getOrDefault(t, Set.of()));
    }
    assertThat(tagged.size()).isGreaterThanOrEqualTo(33);
  }

  /** Per technique: titles of findings tagged with one of its expected ATT&CK ids. */
  private static Map<String, Set<String>> hunt(Path logs, LoadedRules rules) {
    assertThat(rules.errorCount()).isZero();
    List<InputFile> inputs = Inputs.expand(List.of(logs)).files();
    Map<String, Set<String>> tagged = new TreeMap<>();
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), Clock.systemUTC())
        .run(inputs, new Progress())) {
      assertThat(r.summary().problems()).isZero();
      Iterator<Finding> it = r.findings();
      while (it.hasNext()) {
        Finding f = it.next();
        String technique = Path.of(f.event().file()).getFileName().toString().replace(".json", "");
        Set<String> expected = EXPECTED.get(technique);
        if (expected != null && f.techniques().stream().anyMatch(id -> matches(id, expected))) {
          tagged.computeIfAbsent(technique, k -> new TreeSet<>()).add(f.ruleTitle());
        }
      }
    }
    return tagged;
  }

  private static boolean matches(String id, Set<String> expected) {
    return expected.stream().anyMatch(e -> id.equals(e) || id.startsWith(e + "."));
  }
}
