package dev.kumo.posture.inventory.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceGraphReaderTest {
  private static final String SUB = "5f3a1b2c-0000-4000-8000-000000000001";
  private final ResourceGraphReader reader = new ResourceGraphReader();

  static Path fixture(String name) throws Exception {
    return Path.of(ResourceGraphReaderTest.class.getResource("/posture/azure/" + name).toURI());
  }

  private static Resource named(InventoryLoad load, String name) {
    return load.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void format_isAzureResourceGraph() {
    assertThat(reader.format()).isEqualTo("azure-resource-graph");
  }

  @Test
  void read_cliResult_mapsStorageAccountFacts() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    assertThat(load.problems()).isEmpty();
    Resource open = named(load, "stkumoopen");
    assertThat(open.provider()).isEqualTo(Provider.AZURE);
    assertThat(open.kind()).isEqualTo("azure.storage.account");
    assertThat(open.id()).isEqualTo("/subscriptions/" + SUB
        + "/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stkumoopen");
    assertThat(open.account()).isEqualTo(SUB);
    assertThat(open.region()).isEqualTo("westeurope");
    Facts f = open.facts();
    assertThat(f.bool("allow_blob_public_access")).isTrue();
    assertThat(f.bool("https_only")).isFalse();
    assertThat(f.bool("shared_key_access")).isTrue();
    assertThat(f.string("minimum_tls")).isEqualTo("TLS1_0");
    assertThat(f.string("network_default_action")).isEqualTo("Allow");
    assertThat(f.string("public_network_access")).isEqualTo("Enabled");
    assertThat(f.has("infrastructure_encryption")).isFalse();
    assertThat(named(load, "stkumoclosed").facts().bool("infrastructure_encryption")).isTrue();
  }

  @Test
  void read_nsg_keepsCustomAndDefaultRulesWithPriorityPerPortRange() throws Exception {
    Resource nsg = named(reader.read(fixture("resources.json")), "nsg-web");

    List<NetworkRule> in = nsg.facts().list("ingress", NetworkRule.class);
    assertThat(in).containsExactly(
        new NetworkRule(true, "tcp", 443, 443, List.of("Internet"), 100),
        new NetworkRule(true, "tcp", 22, 22, List.of("*"), 300),
        new NetworkRule(true, "tcp", 3389, 3389, List.of("*"), 300),
        new NetworkRule(true, "all", 0, 65535, List.of("VirtualNetwork"), 65000),
        new NetworkRule(false, "all", 0, 65535, List.of("*"), 65500));
    assertThat(nsg.facts().list("egress", NetworkRule.class))
        .containsExactly(new NetworkRule(true, "all", 0, 65535, List.of("Internet"), 65001));
    assertThat(nsg.facts().strings("subnet_ids")).containsExactly("/subscriptions/" + SUB
        + "/resourceGroups/rg-web/providers/Microsoft.Network/virtualNetworks/vnet-web/subnets/snet-web");
  }

  @Test
  void read_nsgPrefixesList_isReadWhenSinglePrefixEmpty() throws Exception {
    Resource nsg = named(reader.read(fixture("resources.json")), "nsg-db");

    assertThat(nsg.facts().list("ingress", NetworkRule.class))
        .contains(new NetworkRule(true, "tcp", 1433, 1433, List.of("0.0.0.0/0"), 200));
  }

  @Test
  void read_vm_hasIdentityAndOsType_orIdentityNoneWhenNull() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    Facts web = named(load, "vm-web-01").facts();
    assertThat(web.string("identity_type")).isEqualTo("SystemAssigned");
    assertThat(web.string("identity_principal_id")).isEqualTo("9a1b2c3d-aaaa-4bbb-8ccc-000000000101");
    assertThat(web.string("os_type")).isEqualTo("Linux");
    assertThat(web.has("public_ip")).isFalse();
    Facts batch = named(load, "vm-batch-02").facts();
    assertThat(batch.string("identity_type")).isEqualTo("None");
    assertThat(batch.has("identity_principal_id")).isFalse();
  }

  @Test
  void read_diskAndSnapshot_haveNetworkAccessPolicy() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    Resource disk = named(load, "vm-web-01_OsDisk_1");
    assertThat(disk.kind()).isEqualTo("azure.compute.disk");
    assertThat(disk.facts().string("network_access_policy")).isEqualTo("AllowAll");
    assertThat(disk.facts().string("encryption_type")).isEqualTo("EncryptionAtRestWithPlatformKey");
    Resource snap = named(load, "snap-web-01");
    assertThat(snap.kind()).isEqualTo("azure.compute.snapshot");
    assertThat(snap.facts().string("network_access_policy")).isEqualTo("DenyAll");
    assertThat(snap.facts().string("public_network_access")).isEqualTo("Disabled");
  }

  @Test
  void read_sqlFirewallRules_areFoldedIntoTheirServer() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    Resource server = named(load, "sql-kumo");
    assertThat(server.kind()).isEqualTo("azure.sql.server");
    assertThat(server.facts().bool("firewall_open_to_world")).isTrue();
    assertThat(server.facts().string("minimal_tls")).isEqualTo("1.2");
    assertThat(load.resources()).noneMatch(r -> r.id().contains("/firewallRules/"));
  }

  @Test
  void read_onlyAzureServicesFirewallRule_isNotOpenToWorld_andServerIsEmittedAlone(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("fw.json");
    Files.writeString(f, """
        [{"id": "/subscriptions/%s/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/firewallRules/AllowAllWindowsAzureIps",
          "name": "AllowAllWindowsAzureIps", "type": "microsoft.sql/servers/firewallrules",
          "properties": {"startIpAddress": "0.0.0.0", "endIpAddress": "0.0.0.0"}}]
        """.formatted(SUB));

    InventoryLoad load = reader.read(f);

    assertThat(load.resources()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("azure.sql.server");
      assertThat(r.id()).isEqualTo("/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.Sql/servers/s1");
      assertThat(r.name()).isEqualTo("s1");
      assertThat(r.account()).isEqualTo(SUB);
      assertThat(r.facts().bool("firewall_open_to_world")).isFalse();
    });
  }

  @Test
  void read_keyVaultWithoutPurgeProtectionField_isPurgeProtectionOff() throws Exception {
    Facts kv = named(reader.read(fixture("resources.json")), "kv-kumo").facts();

    assertThat(kv.bool("purge_protection")).isFalse();
    assertThat(kv.bool("soft_delete")).isTrue();
    assertThat(kv.bool("rbac_authorization")).isTrue();
  }

  @Test
  void read_recoveryVault_hasImmutabilityStateAndSoftDelete() throws Exception {
    Facts v = named(reader.read(fixture("resources.json")), "rsv-kumo").facts();

    assertThat(v.string("immutability_state")).isEqualTo("Unlocked");
    assertThat(v.bool("immutable")).isTrue();
    assertThat(v.bool("soft_delete")).isTrue();
  }

  @Test
  void read_unknownType_becomesResourceWithoutFacts() throws Exception {
    Resource site = named(reader.read(fixture("resources.json")), "app-kumo");

    assertThat(site.kind()).isEqualTo("azure.web.sites");
    assertThat(site.facts()).isEqualTo(Facts.EMPTY);
  }

  @Test
  void read_flowLog_hasEnabledAndTarget() throws Exception {
    Resource fl = named(reader.read(fixture("resources.json")), "fl-vnet-web");

    assertThat(fl.kind()).isEqualTo("azure.network.watcher.flow_log");
    assertThat(fl.facts().bool("enabled")).isTrue();
    assertThat(fl.facts().string("target_id")).endsWith("/virtualNetworks/vnet-web");
  }

  @Test
  void read_bareListFromOlderCli_mapsDefenderPricings() throws Exception {
    InventoryLoad load = reader.read(fixture("securityresources.json"));

    assertThat(load.problems()).isEmpty();
    assertThat(load.resources()).extracting(Resource::kind).containsOnly("azure.security.pricing");
    Resource vms = named(load, "VirtualMachines");
    assertThat(vms.facts().string("tier")).isEqualTo("Free");
    assertThat(vms.account()).isEqualTo(SUB);
    assertThat(vms.region()).isEmpty();
    assertThat(named(load, "KubernetesService").facts().bool("deprecated")).isTrue();
  }

  @Test
  void read_roleAssignments_nameBuiltInRolesAndKeepOtherIds() throws Exception {
    InventoryLoad load = reader.read(fixture("authorizationresources.json"));

    Facts contributor = named(load, "3b1d2f4e-7777-4a5b-9c8d-000000000201").facts();
    assertThat(contributor.string("role")).isEqualTo("Contributor");
    assertThat(contributor.string("principal_id")).isEqualTo("9a1b2c3d-aaaa-4bbb-8ccc-000000000101");
    assertThat(contributor.string("principal_type")).isEqualTo("ServicePrincipal");
    assertThat(contributor.string("scope")).isEqualTo("/subscriptions/" + SUB);
    Facts other = named(load, "5c6d7e8f-7777-4a5b-9c8d-000000000202").facts();
    assertThat(other.string("role")).endsWith("/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe");
  }

  @Test
  void read_malformedRecords_becomeProblems_andTheRestIsRead() throws Exception {
    InventoryLoad load = reader.read(fixture("malformed.json"));

    assertThat(load.problems()).extracting(InventoryProblem::where)
        .containsExactly("", "data[0]", "data[1]", "data[2]", "data[3]");
    assertThat(load.problems().get(0).reason()).contains("skip_token");
    assertThat(load.problems().get(1).reason()).contains("not a JSON object");
    assertThat(load.problems().get(2).reason()).contains("no id");
    assertThat(load.problems().get(3).reason()).contains("no type");
    assertThat(load.problems().get(4).reason()).contains("'ssh'");
    assertThat(load.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("malformed.json"));
    Resource nsg = named(load, "nsg-bad");
    assertThat(nsg.kind()).isEqualTo("azure.network.nsg");
    assertThat(nsg.facts().has("ingress")).isFalse();
    assertThat(named(load, "ok-site").region()).isEqualTo("northeurope");
  }

  @Test
  void read_notJsonOrWrongShape_isOneProblem(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"data\": [");
    Path shape = dir.resolve("shape.json");
    Files.writeString(shape, "{\"rows\": []}");

    assertThat(reader.read(broken).problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).startsWith("not JSON"));
    assertThat(reader.read(shape).problems()).singleElement()
        .satisfies(p -> assertThat(p.reason()).contains("not a Resource Graph result"));
  }

  @Test
  void read_folder_readsEveryJsonFileInNameOrder() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json").getParent());

    assertThat(load.resources()).extracting(Resource::kind).contains("azure.storage.account",
        "azure.security.pricing", "azure.authorization.role_assignment");
    assertThat(load.problems()).hasSize(5);
  }
}
