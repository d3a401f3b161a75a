package dev.kumo.exercise.drill;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@code kumo.labels/1} file for the Stratus Red Team detonation logs: one file per Stratus
 * technique (a JSON array of CloudTrail records), every record labelled with that technique.
 */
public final class StratusLabels {
  /**
   * The main ATT&amp;CK technique of each Stratus technique: Stratus's own framework mapping where it
   * gives one, otherwise the technique that describes the action (as in kumo-core's StratusCoverageTest).
   */
  public static final Map<String, String> TECHNIQUE = Map.ofEntries(
      Map.entry("aws.credential-access.ec2-get-password-data", "T1552"),
      Map.entry("aws.credential-access.ec2-steal-instance-credentials", "T1552.005"),
      Map.entry("aws.credential-access.secretsmanager-batch-retrieve-secrets", "T1555.006"),
      Map.entry("aws.credential-access.secretsmanager-retrieve-secrets", "T1555.006"),
      Map.entry("aws.credential-access.ssm-retrieve-securestring-parameters", "T1555.006"),
      Map.entry("aws.defense-evasion.cloudtrail-delete", "T1562.008"),
      Map.entry("aws.defense-evasion.cloudtrail-event-selectors", "T1562.008"),
      Map.entry("aws.defense-evasion.cloudtrail-stop", "T1562.008"),
      Map.entry("aws.defense-evasion.dns-delete-logs", "T1562.008"),
      Map.entry("aws.defense-evasion.organizations-leave", "T1666"),
      Map.entry("aws.defense-evasion.vpc-remove-flow-logs", "T1562.008"),
      Map.entry("aws.discovery.ec2-download-user-data", "T1580"),
      Map.entry("aws.execution.ec2-launch-unusual-instances", "T1496"),
      Map.entry("aws.execution.ec2-user-data", "T1059.009"),
      Map.entry("aws.execution.ssm-send-command", "T1651"),
      Map.entry("aws.execution.ssm-start-session", "T1651"),
      Map.entry("aws.exfiltration.ec2-security-group-open-port-22-ingress", "T1562.007"),
      Map.entry("aws.exfiltration.ec2-share-ami", "T1537"),
      Map.entry("aws.exfiltration.ec2-share-ebs-snapshot", "T1537"),
      Map.entry("aws.exfiltration.rds-share-snapshot", "T1537"),
      Map.entry("aws.impact.bedrock-invoke-model", "T1496"),
      Map.entry("aws.initial-access.console-login-without-mfa", "T1078.004"),
      Map.entry("aws.lateral-movement.ec2-instance-connect", "T1098.004"),
      Map.entry("aws.lateral-movement.ec2-serial-console-send-ssh-public-key", "T1098.004"),
      Map.entry("aws.persistence.iam-backdoor-role", "T1098.003"),
      Map.entry("aws.persistence.iam-backdoor-user", "T1098.001"),
      Map.entry("aws.persistence.iam-create-admin-user", "T1136.003"),
      Map.entry("aws.persistence.iam-create-backdoor-role", "T1098.003"),
      Map.entry("aws.persistence.iam-create-user-login-profile", "T1098.001"),
      Map.entry("aws.persistence.lambda-backdoor-function", "T1648"),
      Map.entry("aws.persistence.lambda-layer-extension", "T1546"),
      Map.entry("aws.persistence.lambda-overwrite-code", "T1525"),
      Map.entry("aws.persistence.rolesanywhere-create-trust-anchor", "T1098.001"),
      Map.entry("aws.persistence.sts-federation-token", "T1550.001"),
      Map.entry("aws.privilege-escalation.iam-update-user-login-profile", "T1098.001"));

  private StratusLabels() {}

  /** Writes labels for every record of every file in {@code logs} to {@code labels}; returns the count. */
  public static int write(Path logs, Path labels) throws IOException {
    int n = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(logs)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    try (Writer w = Files.newBufferedWriter(labels, StandardCharsets.UTF_8)) {
      for (Path f : files) {
        String technique = f.getFileName().toString().replace(".json", "");
        String attack = TECHNIQUE.get(technique);
        if (attack == null) {
          continue;
        }
        String tactic = technique.split("\\.")[1];
        Object tree = JsonTreeReader.lenient().read(Files.readString(f, StandardCharsets.UTF_8));
        for (Object o : (JsonArray) tree) {
          JsonObject record = (JsonObject) o;
          w.write("{\"schema\":\"kumo.labels/1\",\"event_id\":\"" + record.getString("eventID")
              + "\",\"file\":\"" + f.getFileName() + "\",\"line\":null,\"source\":\"aws.cloudtrail\",\"time\":\""
              + record.getString("eventTime") + "\",\"scenario\":\"stratus-red-team\","
              + "\"scenario_title\":\"Stratus Red Team detonations (AWS)\",\"step\":\"" + technique
              + "\",\"technique\":\"" + attack + "\",\"tactic\":\"" + tactic + "\",\"threat\":null}\n");
          n++;
        }
      }
    }
    return n;
  }
}
