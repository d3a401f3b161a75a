package dev.kumo.posture.deadspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Checks the bundled control and service catalogs against the format the dead-spot loader reads. */
class ControlCatalogDataTest {
  private static final Set<String> DOMAINS = Set.of("A&A", "AIS", "BCR", "CCC", "CEK", "DCS", "DSP",
      "GRC", "HRS", "IAM", "IPY", "IVS", "LOG", "SEF", "STA", "TVM", "UEM");
  private static final Set<String> MODELS = Set.of("iaas", "paas", "saas");
  private static final Set<String> OWNERS = Set.of("provider", "customer", "shared", "n/a");
  private static final Set<String> THREATS = Set.of("app-exploitation", "misconfiguration",
      "upstream-movement", "ransomware", "data-theft", "cryptomining", "attack-infrastructure");
  private static final Set<String> TELEMETRY = Set.of("aws.cloudtrail", "aws.cloudtrail.s3-data",
      "aws.cloudtrail.lambda-data", "aws.s3access", "aws.vpcflow", "aws.guardduty", "aws.eks.audit",
      "azure.activity", "azure.nsgflow", "azure.diagnostics", "azure.defender", "gcp.audit",
      "gcp.audit.data-access", "gcp.vpcflow");
  private static final Pattern ID = Pattern.compile("([A-Z&]{2,3})-\\d{2}");
  private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
  private static final Pattern SERVICE = Pattern.compile("(aws|azure|gcp)\\.[a-z0-9]+");
  private static final Pattern CHECK = Pattern.compile("(aws|azure|gcp)-[a-z0-9-]+");

  /** The posture checks agreed for issue 9; each must be evidence for at least one control. */
  private static final List<String> KNOWN_CHECKS = List.of(
      "aws-s3-bucket-public-read", "aws-s3-bucket-public-write", "aws-s3-bucket-public-access-block",
      "aws-s3-account-public-access-block", "aws-s3-bucket-versioning", "aws-s3-bucket-object-lock",
      "aws-s3-bucket-mfa-delete", "aws-s3-bucket-ssl-only", "aws-s3-bucket-encryption",
      "aws-s3-bucket-access-logging", "aws-ec2-sg-admin-ports-open", "aws-ec2-sg-all-ports-open",
      "aws-ec2-sg-database-ports-open", "aws-ec2-default-sg-open", "aws-ec2-nacl-admin-ports-open",
      "aws-ec2-imdsv1-allowed", "aws-ec2-instance-public-ip", "aws-ec2-snapshot-public",
      "aws-ec2-ami-public", "aws-ec2-volume-unencrypted", "aws-ec2-ebs-default-encryption-off",
      "aws-vpc-flow-logs-off", "aws-rds-instance-public", "aws-rds-instance-unencrypted",
      "aws-rds-backups-off", "aws-rds-deletion-protection-off", "aws-rds-snapshot-public",
      "aws-redshift-cluster-public", "aws-lambda-function-public", "aws-lambda-url-no-auth",
      "aws-eks-endpoint-public", "aws-eks-audit-logging-off", "aws-ecr-repository-public",
      "aws-backup-vault-unlocked", "aws-backup-no-plan", "aws-iam-root-mfa", "aws-iam-root-hardware-mfa",
      "aws-iam-root-access-keys", "aws-iam-user-console-mfa", "aws-iam-access-key-rotation",
      "aws-iam-access-key-unused", "aws-iam-password-unused", "aws-iam-user-direct-policies",
      "aws-iam-policy-admin", "aws-iam-policy-service-wildcard", "aws-iam-workload-role-admin",
      "aws-iam-role-trust-any-principal", "aws-iam-password-policy-weak", "aws-cloudtrail-region-off",
      "aws-cloudtrail-log-validation-off", "aws-cloudtrail-unencrypted",
      "aws-cloudtrail-s3-data-events-off", "aws-config-recorder-region-off", "aws-guardduty-region-off",
      "aws-kms-key-rotation-off", "aws-kms-key-pending-deletion", "aws-kms-key-deletion-unprotected",
      "aws-billing-no-budget-or-alarm",
      "azure-storage-blob-public-access", "azure-storage-https-only-off", "azure-storage-network-open",
      "azure-storage-tls-old", "azure-nsg-admin-ports-open", "azure-nsg-database-ports-open",
      "azure-disk-public-export", "azure-snapshot-public-export", "azure-sql-server-public",
      "azure-keyvault-purge-protection-off", "azure-recovery-vault-not-immutable",
      "azure-defender-plan-off", "azure-vm-identity-privileged", "azure-nsg-flow-logs-off",
      "gcp-storage-bucket-public", "gcp-storage-uniform-access-off", "gcp-storage-versioning-off",
      "gcp-firewall-admin-ports-open", "gcp-firewall-all-ports-open", "gcp-instance-default-sa-full-scope",
      "gcp-instance-public-ip", "gcp-instance-serial-port-on", "gcp-sql-instance-public",
      "gcp-image-public", "gcp-snapshot-public", "gcp-disk-public", "gcp-kms-key-rotation-off",
      "gcp-sa-key-user-managed-old", "gcp-project-sa-admin-role", "gcp-subnet-flow-logs-off",
      "gcp-data-access-audit-off");

  static List<Map<String, Object>> controls;
  static List<Map<String, Object>> services;

  @BeforeAll
  static void load() throws IOException {
    controls = list("controls.yml");
    services = list("services.yml");
  }

  @Test
  void catalog_hasAtLeastSixtyControlsInAllSeventeenDomains() {
    assertThat(controls).hasSizeGreaterThanOrEqualTo(60);
    assertThat(controls).extracting(c -> c.get("domain")).containsAll(DOMAINS);
    assertThat(controls).allSatisfy(c -> assertThat(DOMAINS).contains(string(c, "domain")));
  }

  @Test
  void ids_areUniqueAndPrefixedByTheirDomain() {
    Set<String> seen = new HashSet<>();
    assertThat(controls).allSatisfy(c -> {
      String id = string(c, "id");
      var m = ID.matcher(id);
      assertThat(m.matches()).as(id).isTrue();
      assertThat(m.group(1)).as(id).isEqualTo(c.get("domain"));
      assertThat(seen.add(id)).as("duplicate " + id).isTrue();
    });
  }

  @Test
  void controls_haveShortTitlesAndADescription() {
    assertThat(controls).allSatisfy(c -> {
      assertThat(string(c, "title")).as(c.get("id") + " title").isNotBlank().hasSizeLessThanOrEqualTo(70);
      assertThat(string(c, "description")).as(c.get("id") + " description").isNotBlank();
    });
  }

  @Test
  void ownership_namesEveryModelWithAnAllowedOwner() {
    assertThat(controls).allSatisfy(c -> {
      Map<String, Object> own = map(c, "ownership");
      assertThat(own.keySet()).as(c.get("id") + " ownership").isEqualTo(MODELS);
      assertThat(own.values()).as(c.get("id") + " ownership").allSatisfy(v -> assertThat(v).isIn(OWNERS));
    });
  }

  @Test
  void serviceOverrides_nameKnownServicesWithAnAllowedOwner() {
    Set<String> known = new HashSet<>();
    services.forEach(s -> known.add(string(s, "id")));
    assertThat(controls).filteredOn(c -> c.containsKey("services")).allSatisfy(c -> {
      Map<String, Object> over = map(c, "services");
      assertThat(over.keySet()).as(c.get("id") + " services").isSubsetOf(known);
      assertThat(over.values()).as(c.get("id") + " services").allSatisfy(v -> assertThat(v).isIn(OWNERS));
    });
  }

  @Test
  void threatsTechniquesAndTelemetry_areWellFormed() {
    assertThat(controls).allSatisfy(c -> {
      assertThat(strings(c, "threats")).as(c.get("id") + " threats").isSubsetOf(THREATS).doesNotHaveDuplicates();
      assertThat(strings(c, "attack")).as(c.get("id") + " attack")
          .allSatisfy(t -> assertThat(t).matches(TECHNIQUE)).doesNotHaveDuplicates();
      assertThat(strings(c, "telemetry")).as(c.get("id") + " telemetry").isSubsetOf(TELEMETRY);
    });
  }

  @Test
  void checks_referenceKnownOrCatalogedChecksOnly() throws IOException {
    Set<String> cataloged = new HashSet<>(KNOWN_CHECKS);
    for (String file : List.of("checks/aws.yml", "checks/azure.yml", "checks/gcp.yml")) {
      list(file).forEach(m -> cataloged.add(string(m, "id")));
    }
    assertThat(controls).allSatisfy(c -> assertThat(strings(c, "checks")).as(c.get("id") + " checks")
        .allSatisfy(id -> assertThat(id).matches(CHECK)).isSubsetOf(cataloged));
  }

  @Test
  void everyKnownCheck_isEvidenceForSomeControl() {
    Set<String> used = new TreeSet<>();
    controls.forEach(c -> used.addAll(strings(c, "checks")));
    assertThat(used).containsAll(KNOWN_CHECKS);
  }

  @Test
  void verify_onlyWhereTheProviderOwnsSomeModel() {
    assertThat(controls).filteredOn(c -> Boolean.TRUE.equals(c.get("verify")))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(map(c, "ownership").values()).as(id(c)).contains("provider"));
    assertThat(controls).allSatisfy(c -> assertThat(c.get("verify")).as(c.get("id") + " verify").isInstanceOf(Boolean.class));
  }

  @Test
  void providerOnlyControls_areVerifiedByAttestation() {
    assertThat(controls)
        .filteredOn(c -> map(c, "ownership").values().stream().allMatch("provider"::equals))
        .allSatisfy(c -> assertThat(c.get("verify")).as(id(c)).isEqualTo(true));
  }

  @Test
  void services_areUniqueWithAModel() {
    Set<String> seen = new HashSet<>();
    assertThat(services).hasSizeGreaterThanOrEqualTo(55).allSatisfy(s -> {
      String id = string(s, "id");
      assertThat(id).matches(SERVICE);
      assertThat(seen.add(id)).as("duplicate " + id).isTrue();
      assertThat(string(s, "title")).isNotBlank();
      assertThat(MODELS).contains(string(s, "model"));
    });
  }

  @Test
  void services_coverEveryServiceOfTheInventoryKinds() {
    Set<String> ids = new HashSet<>();
    services.forEach(s -> ids.add(string(s, "id")));
    assertThat(ids).contains("aws.ec2", "aws.s3", "aws.iam", "aws.rds", "aws.redshift", "aws.lambda",
        "aws.eks", "aws.ecr", "aws.kms", "aws.cloudtrail", "aws.config", "aws.guardduty",
        "aws.securityhub", "aws.backup", "aws.budgets", "aws.cloudwatch", "azure.storage",
        "azure.network", "azure.compute", "azure.sql", "azure.keyvault", "azure.recoveryservices",
        "azure.security", "azure.authorization", "azure.monitor", "gcp.storage", "gcp.compute",
        "gcp.sql", "gcp.kms", "gcp.iam", "gcp.project", "gcp.logging", "gcp.container");
  }

  private static List<Map<String, Object>> list(String name) throws IOException {
    String res = "/dev/kumo/posture/" + name;
    try (InputStream in = ControlCatalogDataTest.class.getResourceAsStream(res)) {
      assertThat(in).as(res).isNotNull();
      Object root = new Yaml().load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(root).as(res).isInstanceOf(List.class);
      List<Map<String, Object>> out = new ArrayList<>();
      for (Object o : (List<?>) root) {
        assertThat(o).as(res).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) o;
        out.add(m);
      }
      return out;
    }
  }

  private static String id(Map<String, Object> m) {
    return String.valueOf(m.get("id"));
  }

  private static String string(Map<String, Object> m, String key) {
    assertThat(m.get(key)).as(m.get("id") + " " + key).isInstanceOf(String.class);
    return (String) m.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    assertThat(m.get(key)).as(m.get("id") + " " + key).isInstanceOf(Map.class);
    return (Map<String, Object>) m.get(key);
  }

  private static List<String> strings(Map<String, Object> m, String key) {
    assertThat(m.get(key)).as(m.get("id") + " " + key).isInstanceOf(List.class);
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) m.get(key)) {
      assertThat(o).as(m.get("id") + " " + key).isInstanceOf(String.class);
      out.add((String) o);
    }
    return out;
  }
}
