package dev.kumo.posture.check.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.check.CheckCatalog;
import dev.kumo.posture.check.CheckContext;
import dev.kumo.posture.check.CheckMeta;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.check.Verdict;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.inventory.azure.ResourceGraphReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AzureChecksTest {
  private static final String SUB = "5f3a1b2c-0000-4000-8000-000000000001";
  private static final CheckContext CTX = CheckContext.at(Instant.parse("2026-11-26T00:00:00Z"));
  private static Inventory fixture;

  @BeforeAll
  static void readFixtures() throws Exception {
    Path dir = Path.of(AzureChecksTest.class.getResource("/posture/azure/resources.json").toURI()).getParent();
    fixture = Inventory.of(List.of(new ResourceGraphReader().read(dir)));
  }

  private static Resource named(String name) {
    return fixture.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static Resource synthetic(String kind, Facts facts) {
    return new Resource(Provider.AZURE, kind, "/subscriptions/" + SUB + "/x/" + kind, "x", SUB, "westeurope",
        facts, "test");
  }

  private static Verdict run(String check, Resource r, Inventory inv) {
    return new AzureChecks().rules().get(check).test(r, inv, CTX);
  }

  private static Status status(String check, Resource r) {
    return run(check, r, fixture).status();
  }

  private static Status statusAlone(String check, Resource r) {
    return run(check, r, new Inventory(List.of(r), List.of())).status();
  }

  @Test
  void catalog_hasOneEntryPerRule_andAtLeastThirteenChecks() {
    List<CheckMeta> catalog = CheckCatalog.bundled("checks/azure.yml");

    assertThat(catalog).extracting(CheckMeta::id)
        .containsExactlyInAnyOrderElementsOf(new AzureChecks().rules().keySet());
    assertThat(catalog).hasSizeGreaterThanOrEqualTo(13);
    assertThat(catalog).allSatisfy(m -> {
      assertThat(m.provider()).isEqualTo(Provider.AZURE);
      assertThat(m.telemetry()).isNotEmpty().allMatch(t -> t.startsWith("azure."));
      assertThat(m.command()).startsWith("az ");
    });
  }

  @Test
  void builtinChecks_pairAzureAndGcpCatalogsWithTheirRules() {
    assertThat(BuiltinChecks.all()).extracting(c -> c.meta().id())
        .contains("azure-nsg-admin-ports-open", "gcp-instance-default-sa-full-scope");
  }

  @Test
  void storageChecks_failOnOpenAccount_passOnClosedOne_unknownWithoutFacts() {
    Resource none = synthetic("azure.storage.account", Facts.EMPTY);
    for (String check : List.of("azure-storage-blob-public-access", "azure-storage-https-only-off",
        "azure-storage-network-open", "azure-storage-tls-old")) {
      assertThat(status(check, named("stkumoopen"))).as(check).isEqualTo(Status.FAIL);
      assertThat(status(check, named("stkumoclosed"))).as(check).isEqualTo(Status.PASS);
      assertThat(statusAlone(check, none)).as(check).isEqualTo(Status.UNKNOWN);
    }
  }

  @Test
  void storageNetworkOpen_passesWhenPublicNetworkAccessDisabled() {
    Resource r = synthetic("azure.storage.account", Facts.builder().put("public_network_access", "Disabled")
        .put("network_default_action", "Allow").build());

    assertThat(statusAlone("azure-storage-network-open", r)).isEqualTo(Status.PASS);
  }

  @Test
  void nsgAdminPorts_failWhenAllowedFromAnywhere_passWhenAHigherPriorityDenyWins() {
    Verdict web = run("azure-nsg-admin-ports-open", named("nsg-web"), fixture);

    assertThat(web.status()).isEqualTo(Status.FAIL);
    assertThat(web.detail()).contains("22", "3389");
    assertThat(status("azure-nsg-admin-ports-open", named("nsg-db"))).isEqualTo(Status.PASS);
    assertThat(status("azure-nsg-database-ports-open", named("nsg-db"))).isEqualTo(Status.PASS);
    assertThat(statusAlone("azure-nsg-admin-ports-open", synthetic("azure.network.nsg", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void nsgDatabasePorts_failWhenSqlAllowedFromInternetFirst() {
    Resource r = synthetic("azure.network.nsg", Facts.builder().put("ingress", List.of(
        new NetworkRule(true, "tcp", 1433, 1433, List.of("Internet"), 100),
        new NetworkRule(false, "all", 0, 65535, List.of("*"), 65500))).build());

    Verdict v = run("azure-nsg-database-ports-open", r, new Inventory(List.of(r), List.of()));

    assertThat(v.status()).isEqualTo(Status.FAIL);
    assertThat(v.detail()).contains("1433");
  }

  @Test
  void diskAndSnapshotExport_failOnAllowAll_passOnDenyAll_unknownWithoutPolicy() {
    assertThat(status("azure-disk-public-export", named("vm-web-01_OsDisk_1"))).isEqualTo(Status.FAIL);
    assertThat(status("azure-snapshot-public-export", named("snap-web-01"))).isEqualTo(Status.PASS);
    assertThat(statusAlone("azure-snapshot-public-export", synthetic("azure.compute.snapshot", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void sqlServerPublic_failsWithWorldFirewallRule_unknownWithoutFirewallRules() {
    assertThat(status("azure-sql-server-public", named("sql-kumo"))).isEqualTo(Status.FAIL);
    assertThat(statusAlone("azure-sql-server-public", synthetic("azure.sql.server",
        Facts.builder().put("public_network_access", "Enabled").build()))).isEqualTo(Status.UNKNOWN);
    assertThat(statusAlone("azure-sql-server-public", synthetic("azure.sql.server",
        Facts.builder().put("public_network_access", "Disabled").build()))).isEqualTo(Status.PASS);
    assertThat(statusAlone("azure-sql-server-public", synthetic("azure.sql.server",
        Facts.builder().put("public_network_access", "Enabled").put("firewall_open_to_world", false).build())))
        .isEqualTo(Status.PASS);
  }

  @Test
  void keyVaultPurgeProtection_failsWhenOff_passesWhenOn_unknownWithoutFact() {
    assertThat(status("azure-keyvault-purge-protection-off", named("kv-kumo"))).isEqualTo(Status.FAIL);
    assertThat(statusAlone("azure-keyvault-purge-protection-off", synthetic("azure.keyvault.vault",
        Facts.builder().put("purge_protection", true).build()))).isEqualTo(Status.PASS);
    assertThat(statusAlone("azure-keyvault-purge-protection-off", synthetic("azure.keyvault.vault",
        Facts.EMPTY))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void recoveryVault_unlockedImmutabilityFails_lockedPasses_unknownWithoutFact() {
    Verdict unlocked = run("azure-recovery-vault-not-immutable", named("rsv-kumo"), fixture);

    assertThat(unlocked.status()).isEqualTo(Status.FAIL);
    assertThat(unlocked.detail()).contains("unlocked");
    assertThat(statusAlone("azure-recovery-vault-not-immutable", synthetic("azure.recoveryservices.vault",
        Facts.builder().put("immutability_state", "Locked").put("immutable", true).build())))
        .isEqualTo(Status.PASS);
    assertThat(statusAlone("azure-recovery-vault-not-immutable", synthetic("azure.recoveryservices.vault",
        Facts.EMPTY))).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void defenderPlan_freeFails_standardPasses_deprecatedPasses_unknownWithoutTier() {
    assertThat(status("azure-defender-plan-off", named("VirtualMachines"))).isEqualTo(Status.FAIL);
    assertThat(status("azure-defender-plan-off", named("StorageAccounts"))).isEqualTo(Status.PASS);
    assertThat(status("azure-defender-plan-off", named("KubernetesService"))).isEqualTo(Status.PASS);
    assertThat(statusAlone("azure-defender-plan-off", synthetic("azure.security.pricing", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void vmIdentity_contributorOnSubscriptionFails_noIdentityPasses() {
    Verdict web = run("azure-vm-identity-privileged", named("vm-web-01"), fixture);

    assertThat(web.status()).isEqualTo(Status.FAIL);
    assertThat(web.detail()).contains("Contributor at /subscriptions/" + SUB);
    assertThat(status("azure-vm-identity-privileged", named("vm-batch-02"))).isEqualTo(Status.PASS);
  }

  @Test
  void vmIdentity_unknownWithoutRoleAssignmentsOrIdentity_passWithNarrowRole() {
    Resource vm = named("vm-web-01");
    assertThat(statusAlone("azure-vm-identity-privileged", vm)).isEqualTo(Status.UNKNOWN);
    assertThat(statusAlone("azure-vm-identity-privileged", synthetic("azure.compute.vm", Facts.EMPTY)))
        .isEqualTo(Status.UNKNOWN);
    Resource narrow = new Resource(Provider.AZURE, "azure.authorization.role_assignment", "/ra/1", "1", SUB, "",
        Facts.builder().put("principal_id", vm.facts().string("identity_principal_id")).put("role", "Owner")
            .put("scope", "/subscriptions/" + SUB + "/resourceGroups/rg-web/providers/Microsoft.Storage"
                + "/storageAccounts/st1").build(), "test");
    assertThat(run("azure-vm-identity-privileged", vm, new Inventory(List.of(vm, narrow), List.of())).status())
        .isEqualTo(Status.PASS);
  }

  @Test
  void nsgFlowLogs_vnetFlowLogCoversAttachedNsg_otherNsgFails_unknownWithoutFlowLogData() {
    assertThat(status("azure-nsg-flow-logs-off", named("nsg-web"))).isEqualTo(Status.PASS);
    assertThat(status("azure-nsg-flow-logs-off", named("nsg-db"))).isEqualTo(Status.FAIL);
    assertThat(statusAlone("azure-nsg-flow-logs-off", named("nsg-web"))).isEqualTo(Status.UNKNOWN);
  }
}
