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
    assertThat(bucket.facts().strings("acl_grants"))
        .containsExactly("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be:FULL_CONTROL");
    assertThat(bucket.facts().bool("access_logging")).isFalse();
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

  private static final String AWS = "\"provider_name\":\"registry.terraform.io/hashicorp/aws\",\"schema_version\":0";

  private InventoryLoad plan(Path dir, String planned, String changes, String config) throws Exception {
    Path f = dir.resolve("plan.json");
    Files.writeString(f, "{\"format_version\":\"1.2\",\"terraform_version\":\"1.7.5\",\"planned_values\":"
        + "{\"root_module\":{\"resources\":[" + planned + "]}},\"resource_changes\":[" + changes + "],"
        + "\"configuration\":{\"root_module\":{\"resources\":[" + config + "]}}}");
    return reader.read(f);
  }

  private static String res(String type, String name, String values) {
    return "{\"address\":\"" + type + "." + name + "\",\"mode\":\"managed\",\"type\":\"" + type
        + "\",\"name\":\"" + name + "\"," + AWS + ",\"values\":" + values + ",\"sensitive_values\":{}}";
  }

  private static String change(String type, String name, String action, String unknown) {
    return "{\"address\":\"" + type + "." + name + "\",\"mode\":\"managed\",\"type\":\"" + type
        + "\",\"name\":\"" + name + "\"," + AWS.replace(",\"schema_version\":0", "") + ",\"change\":{\"actions\":[\""
        + action + "\"],\"before\":null,\"after\":{},\"after_unknown\":" + unknown + "}}";
  }

  private static String config(String type, String name, String expressions) {
    return "{\"address\":\"" + type + "." + name + "\",\"mode\":\"managed\",\"type\":\"" + type
        + "\",\"name\":\"" + name + "\",\"provider_config_key\":\"aws\",\"expressions\":" + expressions + "}";
  }

  @Test
  void read_planCreatingVpcWithoutFlowLog_hasFlowLogsFalse(@TempDir Path dir) throws Exception {
    InventoryLoad load = plan(dir, res("aws_vpc", "a", "{\"cidr_block\":\"10.0.0.0/16\"}") + ","
        + res("aws_vpc", "b", "{\"cidr_block\":\"10.1.0.0/16\"}") + ","
        + res("aws_flow_log", "b", "{\"traffic_type\":\"ALL\"}"),
        change("aws_vpc", "a", "create", "{\"id\":true}") + "," + change("aws_vpc", "b", "create", "{\"id\":true}")
        + "," + change("aws_flow_log", "b", "create", "{\"vpc_id\":true}"),
        config("aws_flow_log", "b", "{\"vpc_id\":{\"references\":[\"aws_vpc.b.id\",\"aws_vpc.b\"]}}"));
    assertThat(load.problems()).isEmpty();
    assertThat(load.resources()).filteredOn(r -> r.kind().equals("aws.ec2.vpc"))
        .extracting(r -> r.id() + "=" + r.facts().bool("flow_logs"))
        .containsExactly("aws_vpc.a=false", "aws_vpc.b=true");
  }

  @Test
  void read_planFlowLogOfUnknownVpc_keepsOtherVpcsUnknown(@TempDir Path dir) throws Exception {
    InventoryLoad load = plan(dir, res("aws_vpc", "a", "{}") + "," + res("aws_flow_log", "x", "{}"),
        change("aws_vpc", "a", "create", "{}") + "," + change("aws_flow_log", "x", "create", "{\"vpc_id\":true}"),
        config("aws_flow_log", "x", "{\"vpc_id\":{\"references\":[\"var.vpc_id\"]}}"));
    assertThat(load.resources()).singleElement().satisfies(r -> assertThat(r.facts().has("flow_logs")).isFalse());
    assertThat(load.problems()).singleElement().satisfies(p -> assertThat(p.where()).isEqualTo("aws_flow_log.x"));
  }

  @Test
  void read_lambdaPermissionForEveryone_isAPublicResourcePolicy(@TempDir Path dir) throws Exception {
    InventoryLoad load = plan(dir, res("aws_lambda_function", "f", "{\"function_name\":\"thumbs\",\"runtime\":\"python3.12\"}")
        + "," + res("aws_lambda_permission", "p", "{\"action\":\"lambda:InvokeFunction\",\"function_name\":\"thumbs\",\"principal\":\"*\"}")
        + "," + res("aws_lambda_function_url", "u", "{\"authorization_type\":\"NONE\",\"function_name\":\"thumbs\"}"),
        "", "");
    Resource f = byName(load, "aws.lambda.function", "thumbs");
    assertThat(f.facts().policy("policy").publiclyAllows("lambda:InvokeFunction")).isTrue();
    assertThat(f.facts().string("url_auth_type")).isEqualTo("NONE");
  }

  @Test
  void read_trailWithAdvancedSelectors_listsDataEventScopes(@TempDir Path dir) throws Exception {
    InventoryLoad load = plan(dir, res("aws_cloudtrail", "t", """
        {"name":"org","event_selector":[],"advanced_event_selector":[
         {"name":"mgmt","field_selector":[{"field":"eventCategory","equals":["Management"]}]},
         {"name":"s3","field_selector":[{"field":"eventCategory","equals":["Data"]},
          {"field":"resources.type","equals":["AWS::S3::Object"]},
          {"field":"resources.ARN","starts_with":["arn:aws:s3:::acme-data/"]}]},
         {"name":"fn","field_selector":[{"field":"eventCategory","equals":["Data"]},
          {"field":"resources.type","equals":["AWS::Lambda::Function"]}]}]}"""), "", "");
    Resource t = byName(load, "aws.cloudtrail.trail", "org");
    assertThat(t.facts().strings("s3_data_events")).containsExactly("arn:aws:s3:::acme-data/");
    assertThat(t.facts().strings("lambda_data_events")).containsExactly("arn:aws:lambda");
    assertThat(t.facts().bool("management_events")).isTrue();
  }
}
