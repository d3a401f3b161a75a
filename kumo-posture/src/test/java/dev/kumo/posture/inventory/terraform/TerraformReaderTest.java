package dev.kumo.posture.inventory.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformReaderTest {
  private final TerraformReader reader = new TerraformReader();

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(TerraformReaderTest.class.getResource("/posture/terraform/" + name).toURI());
  }

  private static Resource byName(InventoryLoad load, String kind, String name) {
    return load.resources().stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + name + " not in " + load.resources()));
  }

  @Test
  void format_isTerraform() {
    assertThat(reader.format()).isEqualTo("terraform");
  }

  @Test
  void read_plan_publicReadAclJoinedByConfigurationReference() throws Exception {
    InventoryLoad load = reader.read(fixture("plan.json"));
    Resource bucket = byName(load, "aws.s3.bucket", "acme-public-assets");
    assertThat(bucket.facts().strings("acl_grants")).containsExactly("AllUsers:READ");
    assertThat(bucket.id()).isEqualTo("arn:aws:s3:::acme-public-assets");
    assertThat(bucket.region()).isEqualTo("eu-west-1");
    assertThat(bucket.origin()).endsWith("plan.json aws_s3_bucket.public");
  }

  @Test
  void read_planBucketWithoutPublicAccessBlock_leavesBlockPublicAccessAbsent() throws Exception {
    Resource bucket = byName(reader.read(fixture("plan.json")), "aws.s3.bucket", "acme-public-assets");
    assertThat(bucket.facts().has("block_public_acls")).isFalse();
    assertThat(bucket.facts().has("versioning")).isFalse();
  }

  @Test
  void read_planInstance_hasOptionalImdsTokensAndPublicIpUnknownUntilApply() throws Exception {
    Resource web = byName(reader.read(fixture("plan.json")), "aws.ec2.instance", "web-1");
    assertThat(web.facts().string("imds_http_tokens")).isEqualTo("optional");
    assertThat(web.facts().bool("has_public_ip")).isTrue();
    assertThat(web.facts().has("public_ip")).isFalse();
    assertThat(web.facts().string("instance_profile")).isEqualTo("web-profile");
    assertThat(web.id()).isEqualTo("aws_instance.web");
  }

  @Test
  void read_planSecurityGroup_isOpenOnSshToTheWorld() throws Exception {
    Resource sg = byName(reader.read(fixture("plan.json")), "aws.ec2.security_group", "bastion-ssh");
    List<NetworkRule> ingress = sg.facts().list("ingress", NetworkRule.class);
    assertThat(NetworkRule.worldReaches(ingress, 22)).isTrue();
    assertThat(NetworkRule.worldReaches(ingress, 3389)).isFalse();
    assertThat(sg.facts().string("vpc_id")).isEqualTo("vpc-0123456789abcdef0");
  }

  @Test
  void read_planTrailWithoutSelectors_hasNoDataEvents() throws Exception {
    Resource trail = byName(reader.read(fixture("plan.json")), "aws.cloudtrail.trail", "main");
    assertThat(trail.facts().strings("s3_data_events")).isEmpty();
    assertThat(trail.facts().strings("lambda_data_events")).isEmpty();
    assertThat(trail.facts().bool("management_events")).isTrue();
    assertThat(trail.facts().bool("multi_region")).isTrue();
    assertThat(trail.facts().bool("log_validation")).isFalse();
    assertThat(trail.facts().has("kms_key")).isFalse();
  }

  @Test
  void read_planResourceBeingDestroyed_isLeftOut() throws Exception {
    InventoryLoad load = reader.read(fixture("plan.json"));
    assertThat(load.resources()).noneMatch(r -> r.kind().equals("aws.iam.role"));
  }

  @Test
  void read_planValueUnknownUntilApply_leavesFactAbsent() throws Exception {
    Resource vol = byName(reader.read(fixture("plan.json")), "aws.ec2.volume", "data");
    assertThat(vol.facts().has("encrypted")).isFalse();
  }

  @Test
  void read_planModuleResource_joinsVersioningInsideTheModule() throws Exception {
    InventoryLoad load = reader.read(fixture("plan.json"));
    Resource logs = byName(load, "aws.s3.bucket", "acme-logs");
    assertThat(logs.facts().string("versioning")).isEqualTo("Enabled");
    assertThat(logs.origin()).endsWith("module.logging.aws_s3_bucket.this");
    assertThat(load.problems()).isEmpty();
  }

  @Test
  void read_planNoOpResources_areKeptWithAccountFromArn() throws Exception {
    InventoryLoad load = reader.read(fixture("plan.json"));
    Resource vpc = byName(load, "aws.ec2.vpc", "main");
    assertThat(vpc.account()).isEqualTo("111122223333");
    assertThat(vpc.facts().has("flow_logs")).isFalse();
    Resource queue = byName(load, "aws.sqs.queue", "jobs");
    assertThat(queue.facts().names()).isEmpty();
    assertThat(queue.id()).isEqualTo("arn:aws:sqs:eu-west-1:111122223333:jobs");
  }

  @Test
  void read_state_joinsSettingsByValue() throws Exception {
    InventoryLoad load = reader.read(fixture("state.json"));
    assertThat(load.problems()).isEmpty();
    Resource bucket = byName(load, "aws.s3.bucket", "acme-data");
    assertThat(bucket.facts().bool("block_public_acls")).isTrue();
    assertThat(bucket.facts().bool("restrict_public_buckets")).isFalse();
    assertThat(bucket.facts().string("versioning")).isEqualTo("Disabled");
    assertThat(bucket.facts().string("encryption")).isEqualTo("AES256");
    assertThat(bucket.account()).isEqualTo("111122223333");

    Resource sg = byName(load, "aws.ec2.security_group", "app");
    List<NetworkRule> ingress = sg.facts().list("ingress", NetworkRule.class);
    assertThat(NetworkRule.worldReaches(ingress, 3389)).isTrue();
    assertThat(NetworkRule.worldReaches(ingress, 443)).isFalse();

    Resource role = byName(load, "aws.iam.role", "web");
    assertThat(role.facts().strings("attached_policies")).containsExactly(
        "arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    assertThat(role.facts().policy("trust_policy").trustedServices()).containsExactly("ec2.amazonaws.com");
    assertThat(role.facts().strings("instance_profiles"))
        .containsExactly("arn:aws:iam::111122223333:instance-profile/web-profile");
    assertThat(role.region()).isEmpty();

    assertThat(byName(load, "aws.ec2.vpc", "main").facts().bool("flow_logs")).isTrue();
  }

  @Test
  void read_state_mapsAzureAndGcpResources() throws Exception {
    InventoryLoad load = reader.read(fixture("state.json"));
    Resource sa = byName(load, "azure.storage.account", "acmefiles");
    assertThat(sa.facts().bool("allow_blob_public_access")).isTrue();
    assertThat(sa.facts().bool("https_only")).isFalse();
    assertThat(sa.facts().string("minimum_tls")).isEqualTo("TLS1_0");
    assertThat(sa.facts().string("network_default_action")).isEqualTo("Allow");
    assertThat(sa.account()).isEqualTo("00000000-1111-2222-3333-444444444444");

    Resource fw = byName(load, "gcp.compute.firewall", "allow-ssh");
    assertThat(NetworkRule.worldReaches(fw.facts().list("ingress", NetworkRule.class), 22)).isTrue();
    assertThat(fw.id()).isEqualTo("//compute.googleapis.com/projects/acme-prod/global/firewalls/allow-ssh");
    assertThat(fw.account()).isEqualTo("acme-prod");
  }

  @Test
  void read_settingsOfABucketNotInTheFile_isAProblem(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("state.json");
    Files.writeString(f, """
        {"format_version":"1.0","terraform_version":"1.7.5","values":{"root_module":{"resources":[
          {"address":"aws_s3_bucket_versioning.x","mode":"managed","type":"aws_s3_bucket_versioning","name":"x",
           "provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,
           "values":{"bucket":"elsewhere","versioning_configuration":[{"status":"Enabled"}]}},
          "not a resource"]}}}
        """);
    InventoryLoad load = reader.read(f);
    assertThat(load.resources()).isEmpty();
    assertThat(load.problems()).extracting(p -> p.where())
        .containsExactlyInAnyOrder("aws_s3_bucket_versioning.x", "values.root_module.resources[1]");
  }

  @Test
  void read_notTerraformJson_isOneProblem(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("x.json");
    Files.writeString(f, "[1,2]");
    assertThat(reader.read(f).problems()).hasSize(1);
  }
}
