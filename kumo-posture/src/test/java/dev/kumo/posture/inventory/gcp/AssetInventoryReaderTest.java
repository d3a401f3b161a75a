package dev.kumo.posture.inventory.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetInventoryReaderTest {
  private final AssetInventoryReader reader = new AssetInventoryReader();

  static Path fixture(String name) throws Exception {
    return Path.of(AssetInventoryReaderTest.class.getResource("/posture/gcp/" + name).toURI());
  }

  /** The resource and IAM-policy exports of one project, read together as a folder would be. */
  static Path exportFolder(Path dir) throws Exception {
    Files.copy(fixture("resources.json"), dir.resolve("resources.json"));
    Files.copy(fixture("iam-policy.json"), dir.resolve("iam-policy.json"));
    return dir;
  }

  private static Resource named(InventoryLoad load, String name) {
    return load.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void format_isGcpAssetInventory() {
    assertThat(reader.format()).isEqualTo("gcp-asset-inventory");
  }

  @Test
  void read_resourceExport_bucketFactsAndProjectIdFromProjectAsset() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    assertThat(load.problems()).isEmpty();
    Resource open = named(load, "kumo-public-assets");
    assertThat(open.provider()).isEqualTo(Provider.GCP);
    assertThat(open.kind()).isEqualTo("gcp.storage.bucket");
    assertThat(open.id()).isEqualTo("//storage.googleapis.com/kumo-public-assets");
    assertThat(open.account()).isEqualTo("kumo-prod");
    assertThat(open.region()).isEqualTo("us");
    assertThat(open.facts().bool("uniform_access")).isFalse();
    assertThat(open.facts().bool("versioning")).isFalse();
    assertThat(open.facts().bool("retention_locked")).isFalse();
    assertThat(open.facts().bool("public_access_prevention_enforced")).isFalse();
    assertThat(open.facts().bool("logging")).isFalse();
    assertThat(open.facts().has("iam_members")).isFalse();
    Facts backups = named(load, "kumo-backups").facts();
    assertThat(backups.bool("uniform_access")).isTrue();
    assertThat(backups.bool("versioning")).isTrue();
    assertThat(backups.bool("retention_locked")).isTrue();
    assertThat(backups.bool("public_access_prevention_enforced")).isTrue();
    assertThat(backups.bool("logging")).isTrue();
  }

  @Test
  void read_resourceAndIamExports_mergeIntoOneResourcePerAsset(@TempDir Path dir) throws Exception {
    InventoryLoad load = reader.read(exportFolder(dir));

    assertThat(load.problems()).isEmpty();
    assertThat(load.resources().stream().filter(r -> r.name().equals("kumo-public-assets"))).hasSize(1);
    Facts bucket = named(load, "kumo-public-assets").facts();
    assertThat(bucket.strings("iam_members")).containsExactly(
        "roles/storage.legacyBucketOwner=projectEditor:kumo-prod",
        "roles/storage.legacyBucketOwner=projectOwner:kumo-prod", "roles/storage.objectViewer=allUsers");
    assertThat(bucket.bool("uniform_access")).isFalse();
    assertThat(named(load, "kumo-backups").facts().strings("iam_members")).isEmpty();
    assertThat(named(load, "golden-2023").facts().strings("iam_members"))
        .containsExactly("roles/compute.imageUser=allAuthenticatedUsers");
  }

  @Test
  void read_projectPolicy_hasMembersAndAuditConfigs(@TempDir Path dir) throws Exception {
    Resource project = named(reader.read(exportFolder(dir)), "482910375561");

    assertThat(project.kind()).isEqualTo("gcp.project.policy");
    assertThat(project.account()).isEqualTo("kumo-prod");
    assertThat(project.facts().strings("iam_members")).contains(
        "roles/editor=serviceAccount:482910375561-compute@developer.gserviceaccount.com",
        "roles/owner=user:alice@example.com");
    assertThat(project.facts().strings("audit_configs")).containsExactly("allServices:ADMIN_READ");
  }

  @Test
  void read_iamExportAlone_usesProjectNumberAsAccount() throws Exception {
    InventoryLoad load = reader.read(fixture("iam-policy.json"));

    assertThat(named(load, "kumo-public-assets").account()).isEqualTo("482910375561");
    assertThat(named(load, "golden-2023").account()).isEqualTo("kumo-prod");
  }

  @Test
  void read_firewalls_rulesWithDirectionPriorityAndDisabled() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    Resource ssh = named(load, "allow-ssh-anywhere");
    assertThat(ssh.kind()).isEqualTo("gcp.compute.firewall");
    assertThat(ssh.account()).isEqualTo("kumo-prod");
    assertThat(ssh.region()).isEmpty();
    assertThat(ssh.facts().list("ingress", NetworkRule.class)).containsExactly(
        new NetworkRule(true, "tcp", 22, 22, List.of("0.0.0.0/0"), 1000),
        new NetworkRule(true, "tcp", 3389, 3389, List.of("0.0.0.0/0"), 1000));
    assertThat(ssh.facts().list("egress", NetworkRule.class)).isEmpty();
    assertThat(ssh.facts().bool("disabled")).isFalse();
    assertThat(ssh.facts().string("network")).endsWith("/global/networks/default");
    assertThat(named(load, "allow-internal").facts().list("ingress", NetworkRule.class))
        .contains(new NetworkRule(true, "icmp", 0, 65535, List.of("10.128.0.0/9"), 65534));
    assertThat(named(load, "allow-all-debug").facts().bool("disabled")).isTrue();
    Facts egress = named(load, "deny-egress-smtp").facts();
    assertThat(egress.list("ingress", NetworkRule.class)).isEmpty();
    assertThat(egress.list("egress", NetworkRule.class))
        .containsExactly(new NetworkRule(false, "tcp", 25, 25, List.of("0.0.0.0/0"), 100));
  }

  @Test
  void read_instances_serviceAccountScopesPublicIpAndSerialPort() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    Resource web = named(load, "web-1");
    assertThat(web.kind()).isEqualTo("gcp.compute.instance");
    assertThat(web.region()).isEqualTo("europe-west1-b");
    assertThat(web.facts().string("service_account")).isEqualTo("482910375561-compute@developer.gserviceaccount.com");
    assertThat(web.facts().strings("scopes")).containsExactly("https://www.googleapis.com/auth/cloud-platform");
    assertThat(web.facts().bool("has_public_ip")).isTrue();
    assertThat(web.facts().bool("serial_port")).isTrue();
    Facts worker = named(load, "worker-1").facts();
    assertThat(worker.bool("has_public_ip")).isFalse();
    assertThat(worker.bool("serial_port")).isFalse();
  }

  @Test
  void read_subnetsSqlKmsKeysAndServiceAccountKeys() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    assertThat(named(load, "default").facts().bool("flow_logs")).isFalse();
    assertThat(named(load, "apps").facts().bool("flow_logs")).isTrue();
    assertThat(named(load, "proxy-only").facts().string("purpose")).isEqualTo("REGIONAL_MANAGED_PROXY");
    Resource sql = named(load, "orders-db");
    assertThat(sql.kind()).isEqualTo("gcp.sql.instance");
    assertThat(sql.facts().strings("authorized_networks")).containsExactly("0.0.0.0/0");
    assertThat(sql.facts().bool("public_ip")).isTrue();
    assertThat(sql.facts().bool("ssl_required")).isFalse();
    assertThat(sql.facts().bool("backups")).isTrue();
    Facts data = named(load, "data").facts();
    assertThat(data.number("rotation_period_days")).isEqualTo(90L);
    assertThat(data.bool("rotation_enabled")).isTrue();
    Facts legacy = named(load, "legacy").facts();
    assertThat(legacy.bool("rotation_enabled")).isFalse();
    assertThat(legacy.has("rotation_period_days")).isFalse();
    Resource key = named(load, "8a1f3e0b6c2d4e5f6a7b8c9d0e1f2a3b4c5d6e7f");
    assertThat(key.kind()).isEqualTo("gcp.iam.service_account_key");
    assertThat(key.facts().string("key_type")).isEqualTo("USER_MANAGED");
    assertThat(key.facts().time("created")).isEqualTo(Instant.parse("2025-01-10T12:00:00Z"));
    assertThat(key.facts().string("service_account")).isEqualTo("deployer@kumo-prod.iam.gserviceaccount.com");
  }

  @Test
  void read_sinkClusterAndUnknownTypes() throws Exception {
    InventoryLoad load = reader.read(fixture("resources.json"));

    Resource sink = named(load, "_Default");
    assertThat(sink.kind()).isEqualTo("gcp.logging.sink");
    assertThat(sink.facts().string("destination")).contains("/buckets/_Default");
    Facts gke = named(load, "prod-gke").facts();
    assertThat(gke.bool("private_endpoint")).isFalse();
    assertThat(gke.bool("legacy_abac")).isFalse();
    assertThat(gke.bool("logging")).isTrue();
    assertThat(gke.strings("master_authorized_networks")).containsExactly("203.0.113.0/24");
    Resource dataset = named(load, "analytics");
    assertThat(dataset.kind()).isEqualTo("gcp.bigquery.dataset");
    assertThat(dataset.facts()).isEqualTo(Facts.EMPTY);
    assertThat(GcpKinds.kind("compute.googleapis.com/ForwardingRule")).isEqualTo("gcp.compute.forwarding_rule");
  }

  @Test
  void read_malformedLines_becomeProblemsNamingFileAndLine_andReadingGoesOn() throws Exception {
    InventoryLoad load = reader.read(fixture("malformed.jsonl"));

    assertThat(load.problems()).extracting(InventoryProblem::where)
        .containsExactly("line 1", "line 2", "line 4", "line 5");
    assertThat(load.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("malformed.jsonl"));
    assertThat(load.problems().get(0).reason()).startsWith("not JSON");
    assertThat(load.problems().get(1).reason()).contains("JSON object");
    assertThat(load.problems().get(2).reason()).contains("no name");
    assertThat(load.problems().get(3).reason()).contains("'ssh'");
    Resource odd = named(load, "odd");
    assertThat(odd.facts().has("ingress")).isFalse();
    assertThat(odd.facts().bool("disabled")).isFalse();
    assertThat(odd.account()).isEqualTo("kumo-dev");
    assertThat(named(load, "default").kind()).isEqualTo("gcp.compute.network");
  }

  @Test
  void read_jsonListFromAssetList_isReadWithCamelCaseKeys(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("list.json");
    Files.writeString(f, """
        [
          {"name": "//storage.googleapis.com/b1", "assetType": "storage.googleapis.com/Bucket",
           "iamPolicy": {"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]},
           "ancestors": ["projects/42"], "updateTime": "2026-01-01T00:00:00Z"}
        ]
        """);

    InventoryLoad load = reader.read(f);

    assertThat(load.problems()).isEmpty();
    assertThat(load.resources()).singleElement().satisfies(r -> {
      assertThat(r.account()).isEqualTo("42");
      assertThat(r.facts().strings("iam_members")).containsExactly("roles/storage.objectViewer=allUsers");
    });
  }

  @Test
  void read_instanceWithoutOwnSerialPortSetting_inheritsProjectMetadata_andBomIsIgnored(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("export.json");
    Files.writeString(f, "\uFEFF" + """
        {"name":"//compute.googleapis.com/projects/p1","asset_type":"compute.googleapis.com/Project","resource":{"version":"v1","discovery_document_uri":"https://www.googleapis.com/discovery/v1/apis/compute/v1/rest","discovery_name":"Project","parent":"//cloudresourcemanager.googleapis.com/projects/7","data":{"commonInstanceMetadata":{"items":[{"key":"serial-port-enable","value":"true"}]},"name":"p1"},"location":"global"},"ancestors":["projects/7"],"update_time":"2026-11-20T08:14:03.512Z"}
        {"name":"//compute.googleapis.com/projects/p1/zones/us-east1-b/instances/vm","asset_type":"compute.googleapis.com/Instance","resource":{"version":"v1","discovery_document_uri":"https://www.googleapis.com/discovery/v1/apis/compute/v1/rest","discovery_name":"Instance","parent":"//cloudresourcemanager.googleapis.com/projects/7","data":{"name":"vm","metadata":{"items":[]}},"location":"us-east1-b"},"ancestors":["projects/7"],"update_time":"2026-11-20T08:14:03.512Z"}
        """);

    InventoryLoad load = reader.read(f);

    assertThat(load.problems()).isEmpty();
    assertThat(named(load, "p1").kind()).isEqualTo("gcp.compute.project");
    assertThat(named(load, "vm").facts().bool("serial_port")).isTrue();
  }

  @Test
  void days_roundsUpSecondsAndRejectsOtherText() {
    assertThat(GcpFacts.days("7776000s")).isEqualTo(90L);
    assertThat(GcpFacts.days("7776001.5s")).isEqualTo(91L);
    assertThat(GcpFacts.days("90d")).isNull();
  }
}
