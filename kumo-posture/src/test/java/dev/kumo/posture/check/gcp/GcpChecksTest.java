package dev.kumo.posture.check.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.CheckCatalog;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.inventory.gcp.AssetInventoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcpChecksTest {
  private static final CheckContext CTX = CheckContext.at(Instant.parse("2026-11-26T00:00:00Z"));
  private static Inventory fixture;

  /** The resource and IAM-policy exports read together, as one folder. */
  @BeforeAll
  static void readFixtures(@TempDir Path dir) throws Exception {
    for (String f : List.of("resources.json", "iam-policy.json")) {
      Files.copy(Path.of(GcpChecksTest.class.getResource("/posture/gcp/" + f).toURI()), dir.resolve(f));
    }
    InventoryLoad load = new AssetInventoryReader().read(dir);
    assertThat(load.problems()).isEmpty();
    fixture = Inventory.of(List.of(load));
  }

  /** The one read (not synthetic scope) resource with this short name; fails when there are several. */
  private static Resource named(String name) {
    return fixture.resources().stream().filter(r -> r.name().equals(name) && !Inventory.isScope(r.kind()))
        .reduce((a, b) -> {
          throw new IllegalArgumentException("two resources named " + name);
        }).orElseThrow();
  }

  private static Resource named(String kind, String name) {
    return fixture.ofKind(kind).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static Resource synthetic(String kind, Facts facts) {
    return new Resource(Provider.GCP, kind, "//x/" + kind, "x", "kumo-prod", "europe-west1", facts, "test");
  }

  private static Verdict run(String check, Resource r) {
    return new GcpChecks().rules().get(check).test(r, new Inventory(List.of(r), List.of()), CTX);
  }

  private static Status status(String check, Resource r) {
    return run(check, r).status();
  }

  @Test
  void catalog_hasOneEntryPerRule_andAtLeastThirteenChecks() {
    List<CheckMeta> catalog = CheckCatalog.bundled("checks/gcp.yml");

    assertThat(catalog).extracting(CheckMeta::id)
        .containsExactlyInAnyOrderElementsOf(new GcpChecks().rules().keySet());
    assertThat(catalog).hasSizeGreaterThanOrEqualTo(13);
    assertThat(catalog).allSatisfy(m -> {
      assertThat(m.provider()).isEqualTo(Provider.GCP);
      assertThat(m.telemetry()).isNotEmpty().allMatch(t -> t.startsWith("gcp."));
      assertThat(m.command()).startsWith("gcloud ");
    });
  }

  @Test
  void bucketPublic_allUsersFails_enforcedPreventionPasses_unknownWithoutIamExport() {
    Verdict open = run("gcp-storage-bucket-public", named("kumo-public-assets"));

    assertThat(open.status()).isEqualTo(Status.FAIL);
    assertThat(open.detail()).contains("roles/storage.objectViewer=allUsers");
    assertThat(status("gcp-storage-bucket-public", named("kumo-backups"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-storage-bucket-public", synthetic("gcp.storage.bucket", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
    assertThat(status("gcp-storage-bucket-public", synthetic("gcp.storage.bucket",
        Facts.builder().put("iam_members", List.of("roles/storage.admin=user:a@example.com")).build())))
        .isEqualTo(Status.PASS);
  }

  @Test
  void bucketUniformAndVersioning_failOnPublicBucket_passOnBackups_unknownWithoutFacts() {
    for (String check : List.of("gcp-storage-uniform-access-off", "gcp-storage-versioning-off")) {
      assertThat(status(check, named("kumo-public-assets"))).as(check).isEqualTo(Status.FAIL);
      assertThat(status(check, named("kumo-backups"))).as(check).isEqualTo(Status.PASS);
      assertThat(status(check, synthetic("gcp.storage.bucket", Facts.EMPTY))).as(check).isEqualTo(Status.UNKNOWN);
    }
  }

  @Test
  void firewallChecks_sshFromAnywhereFails_internalPasses_disabledPasses_unknownWithoutRules() {
    Verdict ssh = run("gcp-firewall-admin-ports-open", named("allow-ssh-anywhere"));

    assertThat(ssh.status()).isEqualTo(Status.FAIL);
    assertThat(ssh.detail()).contains("22", "3389");
    assertThat(status("gcp-firewall-admin-ports-open", named("allow-internal"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-firewall-all-ports-open", named("allow-internal"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-firewall-all-ports-open", named("allow-all-debug"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-firewall-admin-ports-open", named("deny-egress-smtp"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-firewall-admin-ports-open", synthetic("gcp.compute.firewall", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void firewallAllPorts_failsForEnabledAllProtocolRuleFromAnywhere() {
    Resource r = synthetic("gcp.compute.firewall", Facts.builder().put("disabled", false)
        .put("ingress", List.of(NetworkRule.allowAll(List.of("0.0.0.0/0")))).build());

    assertThat(status("gcp-firewall-all-ports-open", r)).isEqualTo(Status.FAIL);
  }

  @Test
  void instanceChecks_defaultSaFullScopePublicIpSerialPort() {
    Resource web = named("gcp.compute.instance", "web-1");
    Resource worker = named("worker-1");
    Resource none = synthetic("gcp.compute.instance", Facts.EMPTY);

    assertThat(status("gcp-instance-default-sa-full-scope", web)).isEqualTo(Status.FAIL);
    assertThat(status("gcp-instance-default-sa-full-scope", worker)).isEqualTo(Status.PASS);
    assertThat(status("gcp-instance-default-sa-full-scope", none)).isEqualTo(Status.UNKNOWN);
    assertThat(status("gcp-instance-default-sa-full-scope", synthetic("gcp.compute.instance",
        Facts.builder().put("service_account", "1-compute@developer.gserviceaccount.com")
            .put("scopes", List.of("https://www.googleapis.com/auth/devstorage.read_only")).build())))
        .isEqualTo(Status.PASS);
    for (String check : List.of("gcp-instance-public-ip", "gcp-instance-serial-port-on")) {
      assertThat(status(check, web)).as(check).isEqualTo(Status.FAIL);
      assertThat(status(check, worker)).as(check).isEqualTo(Status.PASS);
      assertThat(status(check, none)).as(check).isEqualTo(Status.UNKNOWN);
    }
  }

  @Test
  void sqlInstancePublic_worldAuthorizedFails_privateOnlyPasses_unknownWithoutNetworks() {
    assertThat(status("gcp-sql-instance-public", named("orders-db"))).isEqualTo(Status.FAIL);
    assertThat(status("gcp-sql-instance-public", synthetic("gcp.sql.instance",
        Facts.builder().put("public_ip", false).build()))).isEqualTo(Status.PASS);
    assertThat(status("gcp-sql-instance-public", synthetic("gcp.sql.instance", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void imageSnapshotDisk_publicGrantFails_noPolicyPasses_unknownWithoutIamExport() {
    assertThat(status("gcp-image-public", named("golden-2023"))).isEqualTo(Status.FAIL);
    assertThat(status("gcp-snapshot-public", named("db-snap-1"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-disk-public", named("gcp.compute.disk", "web-1"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-disk-public", synthetic("gcp.compute.disk", Facts.EMPTY))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void kmsRotation_ninetyDaysPasses_noRotationFails_longPeriodFails_unknownWithoutFacts() {
    assertThat(status("gcp-kms-key-rotation-off", named("data"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-kms-key-rotation-off", named("legacy"))).isEqualTo(Status.FAIL);
    assertThat(status("gcp-kms-key-rotation-off", synthetic("gcp.kms.key",
        Facts.builder().put("rotation_enabled", true).put("rotation_period_days", 365L).build())))
        .isEqualTo(Status.FAIL);
    assertThat(status("gcp-kms-key-rotation-off", synthetic("gcp.kms.key", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void serviceAccountKey_userManagedOlderThan90DaysFails_systemManagedPasses_unknownWithoutAge() {
    Verdict old = run("gcp-sa-key-user-managed-old", named("8a1f3e0b6c2d4e5f6a7b8c9d0e1f2a3b4c5d6e7f"));

    assertThat(old.status()).isEqualTo(Status.FAIL);
    assertThat(old.detail()).contains("684 days");
    assertThat(status("gcp-sa-key-user-managed-old", synthetic("gcp.iam.service_account_key",
        Facts.builder().put("key_type", "USER_MANAGED").put("created", Instant.parse("2026-10-01T00:00:00Z"))
            .build()))).isEqualTo(Status.PASS);
    assertThat(status("gcp-sa-key-user-managed-old", synthetic("gcp.iam.service_account_key",
        Facts.builder().put("key_type", "SYSTEM_MANAGED").build()))).isEqualTo(Status.PASS);
    assertThat(status("gcp-sa-key-user-managed-old", synthetic("gcp.iam.service_account_key",
        Facts.builder().put("key_type", "USER_MANAGED").build()))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void projectPolicy_defaultComputeSaEditorFails_googleServiceAgentIgnored_dataAccessAuditFails() {
    Resource project = named("482910375561");
    Verdict admin = run("gcp-project-sa-admin-role", project);

    assertThat(admin.status()).isEqualTo(Status.FAIL);
    assertThat(admin.detail()).contains("-compute@developer.gserviceaccount.com")
        .doesNotContain("cloudservices");
    assertThat(status("gcp-data-access-audit-off", project)).isEqualTo(Status.FAIL);
    Resource audited = synthetic("gcp.project.policy", Facts.builder()
        .put("iam_members", List.of("roles/owner=user:alice@example.com"))
        .put("audit_configs", List.of("allServices:ADMIN_READ", "allServices:DATA_READ", "allServices:DATA_WRITE"))
        .build());
    assertThat(status("gcp-project-sa-admin-role", audited)).isEqualTo(Status.PASS);
    assertThat(status("gcp-data-access-audit-off", audited)).isEqualTo(Status.PASS);
    Resource unknown = synthetic("gcp.project.policy", Facts.EMPTY);
    assertThat(status("gcp-project-sa-admin-role", unknown)).isEqualTo(Status.UNKNOWN);
    assertThat(status("gcp-data-access-audit-off", unknown)).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void subnetFlowLogs_offFails_onPasses_proxyOnlyPasses_unknownWithoutFact() {
    Resource dflt = named("gcp.compute.subnetwork", "default");

    assertThat(status("gcp-subnet-flow-logs-off", dflt)).isEqualTo(Status.FAIL);
    assertThat(status("gcp-subnet-flow-logs-off", named("apps"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-subnet-flow-logs-off", named("proxy-only"))).isEqualTo(Status.PASS);
    assertThat(status("gcp-subnet-flow-logs-off", synthetic("gcp.compute.subnetwork", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
  }
}
