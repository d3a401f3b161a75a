package dev.kumo.posture.check.aws;

import static dev.kumo.posture.check.aws.AwsRules.flag;

import dev.kumo.posture.check.CheckSet;
import dev.kumo.posture.check.Rule;
import dev.kumo.posture.check.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/** RDS and Redshift checks. */
public final class AwsDatabaseChecks implements CheckSet {
  @Override
  public Map<String, Rule> rules() {
    Map<String, Rule> m = new LinkedHashMap<>();
    m.put("aws-rds-instance-public", flag("publicly_accessible", false, "not publicly accessible",
        "publicly accessible"));
    m.put("aws-rds-instance-unencrypted", flag("encrypted", true, "storage encrypted", "storage not encrypted"));
    m.put("aws-rds-backups-off", (r, inv, ctx) -> {
      Long days = r.facts().number("backup_retention_days");
      return days == null ? Verdict.unknown("backup_retention_days")
          : Verdict.of(days > 0, "automated backups kept " + days + " days", "automated backups off");
    });
    m.put("aws-rds-deletion-protection-off", flag("deletion_protection", true, "deletion protection on",
        "deletion protection off"));
    m.put("aws-rds-auto-minor-upgrade-off", flag("auto_minor_version_upgrade", true,
        "automatic minor version upgrades on", "automatic minor version upgrades off"));
    m.put("aws-rds-snapshot-public", flag("public", false, "not publicly restorable", "restorable by everyone"));
    m.put("aws-redshift-cluster-public", flag("publicly_accessible", false, "not publicly accessible",
        "publicly accessible"));
    m.put("aws-redshift-cluster-unencrypted", flag("encrypted", true, "encrypted", "not encrypted"));
    m.put("aws-redshift-audit-logging-off", flag("logging", true, "audit logging on", "audit logging off"));
    return m;
  }
}
