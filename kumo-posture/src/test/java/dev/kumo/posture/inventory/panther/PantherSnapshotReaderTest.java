package dev.kumo.posture.inventory.panther;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PantherSnapshotReaderTest {
  private final PantherSnapshotReader reader = new PantherSnapshotReader();

  private static Path fixture(String name) throws Exception {
    return Path.of(PantherSnapshotReaderTest.class.getResource("/posture/panther/snapshots/" + name).toURI());
  }

  private Map<String, Resource> byId(InventoryLoad load) {
    return load.resources().stream().collect(Collectors.toMap(Resource::id, Function.identity()));
  }

  @Test
  void format_isPanther() {
    assertThat(reader.format()).isEqualTo("panther");
    assertThat(reader.types()).contains("AWS.S3.Bucket", "AWS.EC2.SecurityGroup", "AWS.RDS.Instance");
  }

  @Test
  void read_jsonLines_mapsSnapshotsAndReportsEveryBadLine() throws Exception {
    InventoryLoad load = reader.read(fixture("mixed.jsonl"));
    assertThat(load.resources()).extracting(Resource::kind)
        .containsExactly("aws.s3.bucket", "aws.ec2.security_group", "aws.ec2.instance");
    assertThat(load.problems()).extracting(InventoryProblem::where)
        .containsExactly("line 2", "line 3", "line 4", "line 7");
    assertThat(load.problems()).extracting(InventoryProblem::reason).anySatisfy(r -> assertThat(r)
        .contains("not JSON")).anySatisfy(r -> assertThat(r).contains("no ResourceType"))
        .anySatisfy(r -> assertThat(r).contains("AWS.DynamoDB.Table"))
        .anySatisfy(r -> assertThat(r).contains("Policy").contains("Maybe"));
  }

  @Test
  void read_bucket_grantsAndNullFieldsBecomeProviderDefaults() throws Exception {
    Facts f = byId(reader.read(fixture("mixed.jsonl"))).get("arn:aws:s3:::kumo-public-site").facts();
    assertThat(f.strings("acl_grants")).containsExactly(
        "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be:FULL_CONTROL", "AllUsers:READ");
    assertThat(f.bool("has_policy")).isFalse();
    assertThat(f.has("policy")).isFalse();
    assertThat(f.bool("ignore_public_acls")).isFalse();
    assertThat(f.string("versioning")).isEqualTo("Suspended");
    assertThat(f.bool("mfa_delete")).isFalse();
    assertThat(f.string("encryption")).isEqualTo("AES256");
    assertThat(f.bool("access_logging")).isTrue();
    assertThat(f.number("lifecycle_rules")).isEqualTo(1L);
    assertThat(f.bool("object_lock")).isFalse();
  }

  @Test
  void read_securityGroup_allTrafficRuleCoversEveryPort_groupSourcesKept() throws Exception {
    Resource sg = byId(reader.read(fixture("mixed.jsonl")))
        .get("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1b2c3d");
    List<NetworkRule> in = sg.facts().list("ingress", NetworkRule.class);
    assertThat(in).containsExactly(new NetworkRule(true, "all", 0, 65535, List.of("0.0.0.0/0"), 0),
        new NetworkRule(true, "tcp", 443, 443, List.of("::/0"), 0),
        new NetworkRule(true, "tcp", 443, 443, List.of("sg-0ffee"), 0));
    assertThat(sg.facts().list("egress", NetworkRule.class)).isEmpty();
    assertThat(sg.account()).isEqualTo("111122223333");
    assertThat(sg.region()).isEqualTo("eu-west-1");
  }

  @Test
  void read_instance_metadataOptionsAndPublicAddress() throws Exception {
    Facts f = byId(reader.read(fixture("mixed.jsonl"))).get("arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc")
        .facts();
    assertThat(f.string("imds_http_tokens")).isEqualTo("optional");
    assertThat(f.string("imds_endpoint")).isEqualTo("enabled");
    assertThat(f.bool("has_public_ip")).isTrue();
    assertThat(f.string("instance_profile")).isEqualTo("arn:aws:iam::111122223333:instance-profile/web");
    assertThat(f.strings("security_groups")).containsExactly("sg-0a1b2c3d");
    assertThat(f.bool("detailed_monitoring")).isFalse();
  }

  @Test
  void read_jsonArray_nestedSnapshotsBecomeResources() throws Exception {
    InventoryLoad load = reader.read(fixture("array.json"));
    assertThat(load.problems()).extracting(InventoryProblem::where).containsExactly("[6]");
    Map<String, Resource> r = byId(load);
    assertThat(r.get("arn:aws:ec2:eu-west-1::snapshot/snap-0abc").facts().bool("public")).isTrue();
    assertThat(r.get("arn:aws:ec2:eu-west-1::snapshot/snap-0def").facts().strings("shared_with"))
        .containsExactly("444455556666");
    Resource rdsSnap = r.get("arn:aws:rds:eu-west-1:111122223333:snapshot:orders-manual");
    assertThat(rdsSnap.kind()).isEqualTo("aws.rds.snapshot");
    assertThat(rdsSnap.facts().bool("public")).isTrue();
    assertThat(r.get("arn:aws:rds:eu-west-1:111122223333:db:orders").facts().number("backup_retention_days"))
        .isZero();
  }

  @Test
  void read_networkAcl_ruleNumbersBecomePriorities_egressSeparated() throws Exception {
    Facts f = byId(reader.read(fixture("array.json"))).get("arn:aws:ec2:eu-west-1:111122223333:network-acl/acl-1")
        .facts();
    List<NetworkRule> in = f.list("ingress", NetworkRule.class);
    assertThat(in).containsExactly(new NetworkRule(false, "tcp", 22, 22, List.of("0.0.0.0/0"), 50),
        new NetworkRule(true, "all", 0, 65535, List.of("0.0.0.0/0"), 100));
    assertThat(NetworkRule.worldReaches(in, 22)).isFalse();
    assertThat(NetworkRule.worldReaches(in, 3389)).isTrue();
    assertThat(f.list("egress", NetworkRule.class)).hasSize(1);
  }

  @Test
  void read_lambdaRedshiftVpc_facts() throws Exception {
    Map<String, Resource> r = byId(reader.read(fixture("array.json")));
    Facts fn = r.get("arn:aws:lambda:eu-west-1:111122223333:function:hook").facts();
    assertThat(fn.bool("has_policy")).isTrue();
    assertThat(fn.policy("policy").publiclyAllows("lambda:InvokeFunction")).isTrue();
    Facts dw = r.get("arn:aws:redshift:eu-west-1:111122223333:cluster:dw").facts();
    assertThat(dw.bool("logging")).isFalse();
    assertThat(dw.bool("publicly_accessible")).isTrue();
    assertThat(r.get("arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a1b").facts().bool("flow_logs")).isTrue();
  }

  @Test
  void map_snapshotWithoutEnvelope_usesTypeSpecificIdentifier() {
    JsonObject sg = JsonObject.of("GroupId", "sg-9", "GroupName", "default", "IpPermissions",
        dev.kumo.json.JsonArray.EMPTY);
    Resource r = reader.map("AWS.EC2.SecurityGroup", sg, "caller").get(0);
    assertThat(r.id()).isEqualTo("sg-9");
    assertThat(r.facts().list("ingress", NetworkRule.class)).isEmpty();
    assertThat(r.facts().has("egress")).isFalse();
  }

  @Test
  void map_unknownTypeOrMissingIdentifier_isRefused() {
    assertThatThrownBy(() -> reader.map("AWS.ACM.Certificate", JsonObject.EMPTY, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not read");
    assertThatThrownBy(() -> reader.map("AWS.EC2.Volume", JsonObject.of("Encrypted", true), "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identifier");
  }
}
