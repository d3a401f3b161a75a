package dev.kumo.posture.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.policy.PolicyDocument;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsConfigReaderTest {
  private static final String ACCOUNT = "111122223333";
  private static final String OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

  private final AwsConfigReader reader = new AwsConfigReader();

  @TempDir
  Path tempDir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(AwsConfigReaderTest.class.getResource("/posture/aws-config/" + name))
        .toURI());
  }

  private InventoryLoad load(String name) throws Exception {
    return reader.read(fixture(name));
  }

  private static Resource byId(InventoryLoad load, String id) {
    return load.resources().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + id + " in " + load.resources()));
  }

  private static NetworkRule rule(boolean allow, String protocol, int from, int to, String source, int priority) {
    return new NetworkRule(allow, protocol, from, to, List.of(source), priority);
  }

  @Test
  void format_isAwsConfig() {
    assertThat(reader.format()).isEqualTo("aws-config");
  }

  @Test
  void read_snapshot_loadsEveryPresentItemWithoutProblems() throws Exception {
    AwsConfigReader.Detail detail = reader.readDetail(fixture("snapshot.json"));

    assertThat(detail.load().problems()).isEmpty();
    assertThat(detail.notPresent()).isEqualTo(1);
    assertThat(detail.load().resources()).hasSize(19).allMatch(r -> r.provider() == Provider.AWS)
        .allMatch(r -> r.account().equals(ACCOUNT));
    assertThat(detail.load().resources()).extracting(Resource::id)
        .doesNotContain("arn:aws:ec2:us-east-1:111122223333:instance/i-0deadbeef00000001");
  }

  @Test
  void read_publicBucket_hasPublicGrantPolicyAndNoProtection() throws Exception {
    Resource b = byId(load("snapshot.json"), "arn:aws:s3:::acme-public-assets");
    Facts f = b.facts();

    assertThat(b.kind()).isEqualTo("aws.s3.bucket");
    assertThat(b.name()).isEqualTo("acme-public-assets");
    assertThat(b.region()).isEqualTo("us-east-1");
    assertThat(f.strings("acl_grants")).containsExactly(OWNER + ":FULL_CONTROL", "AllUsers:READ");
    assertThat(f.bool("has_policy")).isTrue();
    assertThat(f.policy("policy")).isNotNull();
    assertThat(f.policy("policy").publiclyAllows("s3:GetObject")).isTrue();
    for (String flag : List.of("block_public_acls", "ignore_public_acls", "block_public_policy",
        "restrict_public_buckets")) {
      assertThat(f.bool(flag)).as(flag).isFalse();
    }
    assertThat(f.string("versioning")).isEqualTo("Disabled");
    assertThat(f.bool("mfa_delete")).isFalse();
    assertThat(f.string("encryption")).isEqualTo("none");
    assertThat(f.bool("access_logging")).isFalse();
    assertThat(f.number("lifecycle_rules")).isZero();
    assertThat(f.has("object_lock")).isFalse();
  }

  @Test
  void read_loggedBucket_hasLoggingVersioningKmsAndBlockPublicAccess() throws Exception {
    Resource b = byId(load("snapshot.json"), "arn:aws:s3:::acme-app-data");
    Facts f = b.facts();

    assertThat(b.region()).isEqualTo("eu-west-1");
    assertThat(f.strings("acl_grants")).containsExactly(OWNER + ":FULL_CONTROL", "LogDelivery:WRITE",
        "LogDelivery:READ_ACP");
    assertThat(f.bool("has_policy")).isFalse();
    assertThat(f.has("policy")).isFalse();
    assertThat(f.bool("block_public_acls")).isTrue();
    assertThat(f.bool("ignore_public_acls")).isTrue();
    assertThat(f.bool("block_public_policy")).isTrue();
    assertThat(f.bool("restrict_public_buckets")).isTrue();
    assertThat(f.string("versioning")).isEqualTo("Enabled");
    assertThat(f.bool("mfa_delete")).isFalse();
    assertThat(f.string("encryption")).isEqualTo("aws:kms");
    assertThat(f.bool("access_logging")).isTrue();
    assertThat(f.number("lifecycle_rules")).isEqualTo(1L);
  }

  @Test
  void read_accountPublicAccessBlock_isAccountSettingsWithBuiltId() throws Exception {
    Resource s = byId(load("snapshot.json"), "arn:aws:s3:::account/111122223333");

    assertThat(s.kind()).isEqualTo("aws.s3.account_settings");
    assertThat(s.region()).isEmpty();
    assertThat(s.facts().bool("block_public_acls")).isTrue();
    assertThat(s.facts().bool("ignore_public_acls")).isTrue();
    assertThat(s.facts().bool("block_public_policy")).isFalse();
    assertThat(s.facts().bool("restrict_public_buckets")).isFalse();
  }

  @Test
  void read_openSshSecurityGroup_hasOneRulePerSource() throws Exception {
    Resource sg = byId(load("snapshot.json"),
        "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0a1b2c3d4e5f60718");
    Facts f = sg.facts();

    assertThat(sg.kind()).isEqualTo("aws.ec2.security_group");
    assertThat(sg.name()).isEqualTo("bastion-ssh");
    assertThat(f.string("group_name")).isEqualTo("bastion-ssh");
    assertThat(f.string("vpc_id")).isEqualTo("vpc-0aaa1111bbbb2222c");
    List<NetworkRule> ingress = f.list("ingress", NetworkRule.class);
    assertThat(ingress).containsExactly(
        rule(true, "tcp", 22, 22, "0.0.0.0/0", 0),
        rule(true, "tcp", 22, 22, "::/0", 0),
        rule(true, "tcp", 443, 443, "sg-0fedcba9876543210", 0),
        rule(true, "tcp", 443, 443, "pl-63a5400a", 0));
    assertThat(NetworkRule.worldReaches(ingress, 22)).isTrue();
    assertThat(NetworkRule.worldReaches(ingress, 443)).isFalse();
    assertThat(f.list("egress", NetworkRule.class)).containsExactly(NetworkRule.allowAll(List.of("0.0.0.0/0")));
  }

  @Test
  void read_networkAcl_keepsRuleNumbersAndActions() throws Exception {
    Resource acl = byId(load("snapshot.json"), "arn:aws:ec2:us-east-1:111122223333:network-acl/acl-0123456789abcdef0");
    Facts f = acl.facts();

    assertThat(acl.kind()).isEqualTo("aws.ec2.network_acl");
    assertThat(f.bool("is_default")).isTrue();
    assertThat(f.string("vpc_id")).isEqualTo("vpc-0aaa1111bbbb2222c");
    assertThat(f.list("ingress", NetworkRule.class)).containsExactly(
        rule(false, "tcp", 22, 22, "203.0.113.0/24", 90),
        rule(true, "udp", 1024, 65535, "0.0.0.0/0", 110),
        rule(false, "all", 0, 65535, "0.0.0.0/0", 32767));
    assertThat(f.list("egress", NetworkRule.class)).containsExactly(
        rule(true, "all", 0, 65535, "0.0.0.0/0", 100),
        rule(false, "all", 0, 65535, "0.0.0.0/0", 32767));
  }

  @Test
  void read_imdsV1Instance_hasMetadataProfileAndPublicIp() throws Exception {
    Resource i = byId(load("snapshot.json"), "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0");
    Facts f = i.facts();

    assertThat(i.kind()).isEqualTo("aws.ec2.instance");
    assertThat(i.name()).isEqualTo("i-0123456789abcdef0");
    assertThat(f.string("imds_http_tokens")).isEqualTo("optional");
    assertThat(f.string("imds_endpoint")).isEqualTo("enabled");
    assertThat(f.string("public_ip")).isEqualTo("198.51.100.7");
    assertThat(f.bool("has_public_ip")).isTrue();
    assertThat(f.string("instance_profile")).isEqualTo("arn:aws:iam::111122223333:instance-profile/AdminRole");
    assertThat(f.strings("security_groups")).containsExactly("sg-0a1b2c3d4e5f60718");
    assertThat(f.string("state")).isEqualTo("running");
    assertThat(f.string("instance_type")).isEqualTo("t3.micro");
    assertThat(f.string("image_id")).isEqualTo("ami-0abcdef1234567890");
    assertThat(f.string("vpc_id")).isEqualTo("vpc-0aaa1111bbbb2222c");
    assertThat(f.string("subnet_id")).isEqualTo("subnet-0abc1234");
    assertThat(f.bool("detailed_monitoring")).isFalse();
  }

  @Test
  void read_volumes_carryEncryption() throws Exception {
    InventoryLoad load = load("snapshot.json");

    assertThat(byId(load, "arn:aws:ec2:us-east-1:111122223333:volume/vol-0enc0000000000001").facts()
        .bool("encrypted")).isTrue();
    Resource plain = byId(load, "arn:aws:ec2:us-east-1:111122223333:volume/vol-0plain000000000001");
    assertThat(plain.kind()).isEqualTo("aws.ec2.volume");
    assertThat(plain.facts().bool("encrypted")).isFalse();
  }

  @Test
  void read_snapshotVpcs_flowLogsTrueOnlyWhereAFlowLogNamesThem() throws Exception {
    InventoryLoad load = load("snapshot.json");

    Resource logged = byId(load, "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0aaa1111bbbb2222c");
    Resource blind = byId(load, "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0ddd3333eeee4444f");
    assertThat(logged.kind()).isEqualTo("aws.ec2.vpc");
    assertThat(logged.facts().bool("flow_logs")).isTrue();
    assertThat(logged.facts().bool("is_default")).isFalse();
    assertThat(blind.facts().bool("flow_logs")).isFalse();
    assertThat(blind.facts().bool("is_default")).isTrue();
    assertThat(byId(load, "arn:aws:ec2:us-east-1:111122223333:vpc-flow-log/fl-0123456789abcdef0").kind())
        .isEqualTo("aws.ec2.flow_log");
  }

  @Test
  void read_vpcOutsideFullSnapshot_leavesFlowLogsAbsent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("items.json");
    Files.writeString(file, """
        [{"configurationItemVersion":"1.3","configurationItemCaptureTime":"2024-05-01T08:00:00.000Z",
          "awsAccountId":"111122223333","configurationItemStatus":"OK","resourceType":"AWS::EC2::VPC",
          "resourceId":"vpc-0123abcd","ARN":"arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0123abcd",
          "awsRegion":"eu-west-1","configuration":{"vpcId":"vpc-0123abcd","isDefault":false}}]
        """);

    Resource vpc = reader.read(file).resources().get(0);

    assertThat(vpc.facts().has("flow_logs")).isFalse();
    assertThat(vpc.facts().bool("is_default")).isFalse();
  }

  @Test
  void read_adminRole_hasTrustInlineAndAttachedPolicies() throws Exception {
    Resource role = byId(load("snapshot.json"), "arn:aws:iam::111122223333:role/AdminRole");
    Facts f = role.facts();

    assertThat(role.kind()).isEqualTo("aws.iam.role");
    assertThat(role.name()).isEqualTo("AdminRole");
    assertThat(role.region()).isEmpty();
    assertThat(f.policy("trust_policy").trustedServices()).containsExactly("ec2.amazonaws.com");
    assertThat(f.list("inline_policies", PolicyDocument.class)).singleElement()
        .satisfies(p -> assertThat(p.grantsFullAdmin()).isTrue());
    assertThat(f.strings("attached_policies")).containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
    assertThat(f.strings("instance_profiles")).containsExactly("arn:aws:iam::111122223333:instance-profile/AdminRole");
  }

  @Test
  void read_managedPolicy_usesDefaultVersion() throws Exception {
    Resource p = byId(load("snapshot.json"), "arn:aws:iam::111122223333:policy/ReadLogs");

    assertThat(p.kind()).isEqualTo("aws.iam.policy");
    assertThat(p.facts().policy("document").allows("logs:GetLogEvents")).isTrue();
    assertThat(p.facts().policy("document").allows("s3:GetObject")).isFalse();
    assertThat(p.facts().number("attachment_count")).isEqualTo(3L);
    assertThat(p.facts().bool("aws_managed")).isFalse();
  }

  @Test
  void read_snapshotGroups_getMembersFromUsersGroupLists() throws Exception {
    InventoryLoad load = load("snapshot.json");

    Resource admins = byId(load, "arn:aws:iam::111122223333:group/admins");
    assertThat(admins.kind()).isEqualTo("aws.iam.group");
    assertThat(admins.facts().strings("members")).containsExactly("bob");
    assertThat(admins.facts().strings("attached_policies")).containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
    assertThat(admins.facts().list("inline_policies", PolicyDocument.class)).isEmpty();
    assertThat(byId(load, "arn:aws:iam::111122223333:group/auditors").facts().strings("members")).isEmpty();
    assertThat(byId(load, "arn:aws:iam::111122223333:user/bob").facts().strings("groups")).containsExactly("admins");
  }

  @Test
  void read_groupOutsideSnapshot_leavesMembersAbsent() throws Exception {
    Path file = fixture("snapshot.json");
    String text = Files.readString(file).replace("\"configSnapshotId\":\"2b1f7c8e-1a2b-4c3d-9e8f-0a1b2c3d4e5f\",", "");
    Path history = Files.writeString(tempDir.resolve("history.json"), text);

    InventoryLoad load = reader.read(history);

    assertThat(byId(load, "arn:aws:iam::111122223333:group/admins").facts().has("members")).isFalse();
    assertThat(byId(load, "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0ddd3333eeee4444f").facts().has("flow_logs"))
        .isFalse();
    assertThat(byId(load, "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0aaa1111bbbb2222c").facts().bool("flow_logs"))
        .isTrue();
  }

  @Test
  void read_configurationTextThatIsNotJson_isProblemAndResourceStays() throws Exception {
    Path file = Files.writeString(tempDir.resolve("batch.json"), """
        {"baseConfigurationItems":[{"version":"1.3","accountId":"111122223333",
          "configurationItemCaptureTime":"2024-05-02T10:00:00.123000+00:00","configurationItemStatus":"OK",
          "arn":"arn:aws:ec2:eu-west-1:111122223333:volume/vol-0abc","resourceType":"AWS::EC2::Volume",
          "resourceId":"vol-0abc","awsRegion":"eu-west-1","configuration":"{\\"encrypted\\":tru",
          "supplementaryConfiguration":{}}],"unprocessedResourceKeys":[]}
        """);

    InventoryLoad load = reader.read(file);

    assertThat(load.problems()).containsExactly(new InventoryProblem(file.toString(),
        "baseConfigurationItems[0] (AWS::EC2::Volume vol-0abc)", "configuration is text that is not a JSON object"));
    assertThat(load.resources()).singleElement().satisfies(v -> assertThat(v.facts()).isEqualTo(Facts.EMPTY));
  }

  @Test
  void read_trail_hasLoggingFactsAndDataEventScopes() throws Exception {
    Resource t = byId(load("snapshot.json"), "arn:aws:cloudtrail:us-east-1:111122223333:trail/management-trail");
    Facts f = t.facts();

    assertThat(t.kind()).isEqualTo("aws.cloudtrail.trail");
    assertThat(f.bool("logging")).isTrue();
    assertThat(f.bool("multi_region")).isTrue();
    assertThat(f.string("home_region")).isEqualTo("us-east-1");
    assertThat(f.bool("organization_trail")).isFalse();
    assertThat(f.bool("log_validation")).isTrue();
    assertThat(f.string("kms_key")).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    assertThat(f.bool("cloudwatch_logs")).isFalse();
    assertThat(f.bool("management_events")).isTrue();
    assertThat(f.strings("s3_data_events")).containsExactly("arn:aws:s3:::acme-app-data/");
    assertThat(f.strings("lambda_data_events")).isEmpty();
  }

  @Test
  void read_kmsKey_hasManagerAndStateButNoGuessedRotation() throws Exception {
    Resource k = byId(load("snapshot.json"),
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");

    assertThat(k.kind()).isEqualTo("aws.kms.key");
    assertThat(k.facts().string("key_manager")).isEqualTo("CUSTOMER");
    assertThat(k.facts().string("key_state")).isEqualTo("Enabled");
    assertThat(k.facts().has("rotation_enabled")).isFalse();
  }

  @Test
  void read_unmappedType_becomesFactlessResourceOfItsService() throws Exception {
    Resource t = byId(load("snapshot.json"), "arn:aws:dynamodb:us-east-1:111122223333:table/orders");

    assertThat(t.kind()).isEqualTo("aws.dynamodb.table");
    assertThat(t.facts()).isEqualTo(Facts.EMPTY);
    assertThat(t.origin()).endsWith("snapshot.json configurationItems[15]");
  }

  @Test
  void read_rdsAndRedshift_haveExposureAndEncryptionFacts() throws Exception {
    InventoryLoad load = load("services-snapshot.json");

    assertThat(load.problems()).isEmpty();
    Facts db = byId(load, "arn:aws:rds:us-east-1:111122223333:db:orders-db").facts();
    assertThat(db.bool("publicly_accessible")).isTrue();
    assertThat(db.bool("encrypted")).isFalse();
    assertThat(db.bool("deletion_protection")).isFalse();
    assertThat(db.bool("multi_az")).isFalse();
    assertThat(db.bool("auto_minor_version_upgrade")).isTrue();
    assertThat(db.number("backup_retention_days")).isZero();
    assertThat(db.string("engine")).isEqualTo("postgres");
    Resource snap = byId(load, "arn:aws:rds:us-east-1:111122223333:snapshot:rds:orders-db-2024-05-01");
    assertThat(snap.kind()).isEqualTo("aws.rds.snapshot");
    assertThat(snap.facts().bool("public")).isTrue();
    assertThat(snap.facts().bool("encrypted")).isFalse();
    Facts rs = byId(load, "arn:aws:redshift:us-east-1:111122223333:cluster:analytics").facts();
    assertThat(rs.bool("publicly_accessible")).isFalse();
    assertThat(rs.bool("encrypted")).isTrue();
    assertThat(rs.bool("logging")).isFalse();
  }

  @Test
  void read_lambdaAndEcr_haveResourcePolicies() throws Exception {
    InventoryLoad load = load("services-snapshot.json");

    Facts fn = byId(load, "arn:aws:lambda:us-east-1:111122223333:function:resize").facts();
    assertThat(fn.policy("policy").publiclyAllows("lambda:InvokeFunction")).isTrue();
    assertThat(fn.string("role")).isEqualTo("arn:aws:iam::111122223333:role/resize-exec");
    assertThat(fn.string("runtime")).isEqualTo("python3.12");
    assertThat(fn.has("url_auth_type")).isFalse();
    Facts repo = byId(load, "arn:aws:ecr:us-east-1:111122223333:repository/web").facts();
    assertThat(repo.policy("policy").publiclyAllows("ecr:BatchGetImage")).isTrue();
    assertThat(repo.bool("scan_on_push")).isFalse();
    assertThat(repo.bool("immutable_tags")).isFalse();
  }

  @Test
  void read_eksBackupAndGuardDuty_readPascalCaseConfigurations() throws Exception {
    InventoryLoad load = load("services-snapshot.json");

    Facts eks = byId(load, "arn:aws:eks:us-east-1:111122223333:cluster/prod").facts();
    assertThat(eks.bool("endpoint_public")).isTrue();
    assertThat(eks.strings("public_access_cidrs")).containsExactly("0.0.0.0/0");
    assertThat(eks.strings("logging_types")).containsExactly("api", "audit");
    assertThat(eks.bool("secrets_encrypted")).isTrue();
    Facts vault = byId(load, "arn:aws:backup:us-east-1:111122223333:backup-vault:prod-vault").facts();
    assertThat(vault.bool("locked")).isTrue();
    assertThat(vault.number("min_retention_days")).isEqualTo(35L);
    assertThat(byId(load, "arn:aws:backup:us-east-1:111122223333:backup-plan:11111111-2222-3333-4444-555555555555")
        .facts().number("rules")).isEqualTo(2L);
    Resource gd = byId(load, "arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0");
    assertThat(gd.kind()).isEqualTo("aws.guardduty.detector");
    assertThat(gd.facts().bool("enabled")).isTrue();
    assertThat(gd.facts().bool("s3_protection")).isTrue();
    assertThat(gd.facts().bool("eks_protection")).isFalse();
    assertThat(gd.facts().bool("runtime_monitoring")).isFalse();
  }

  @Test
  void read_gzippedSnapshot_readsLikeThePlainFile() throws Exception {
    InventoryLoad plain = load("snapshot.json");
    InventoryLoad gz = load("snapshot.json.gz");

    assertThat(gz.problems()).isEmpty();
    assertThat(gz.resources()).extracting(Resource::id).containsExactlyElementsOf(
        plain.resources().stream().map(Resource::id).toList());
    assertThat(gz.resources()).extracting(Resource::facts).containsExactlyElementsOf(
        plain.resources().stream().map(Resource::facts).toList());
  }

  @Test
  void read_changeNotification_readsItsConfigurationItem() throws Exception {
    InventoryLoad load = load("change-notification.json");

    assertThat(load.problems()).isEmpty();
    Resource sg = load.resources().get(0);
    assertThat(load.resources()).hasSize(1);
    assertThat(sg.id()).isEqualTo("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0b2c3d4e5f6071829");
    assertThat(sg.region()).isEqualTo("eu-west-1");
    assertThat(sg.facts().list("ingress", NetworkRule.class))
        .containsExactly(rule(true, "tcp", 3389, 3389, "0.0.0.0/0", 0));
    assertThat(sg.facts().list("egress", NetworkRule.class)).isEmpty();
    assertThat(sg.origin()).endsWith("change-notification.json configurationItem");
  }

  @Test
  void read_changeNotificationInSnsEnvelope_unwrapsTheMessage(@TempDir Path dir) throws Exception {
    String message = Files.readString(fixture("change-notification.json"));
    Path file = dir.resolve("sns.json");
    Files.writeString(file, "{\"Type\":\"Notification\",\"MessageId\":\"5b3c\",\"TopicArn\":"
        + "\"arn:aws:sns:eu-west-1:111122223333:config-topic\",\"Subject\":\"[AWS Config:eu-west-1] change\","
        + "\"Message\":" + jsonString(message) + ",\"Timestamp\":\"2024-05-02T09:31:02.600Z\"}");

    InventoryLoad load = reader.read(file);

    assertThat(load.problems()).isEmpty();
    assertThat(load.resources()).extracting(Resource::kind).containsExactly("aws.ec2.security_group");
  }

  @Test
  void read_oversizedNotification_givesFactlessResourceFromSummary(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("oversized.json");
    Files.writeString(file, """
        {"configurationItemSummary":{"changeType":"UPDATE","configurationItemVersion":"1.3",
          "configurationItemCaptureTime":"2024-05-02T09:30:00.000Z","configurationStateId":1714642200000,
          "awsAccountId":"111122223333","configurationItemStatus":"OK","resourceType":"AWS::IAM::Role",
          "resourceId":"AROAEXAMPLEBIGROLE01","resourceName":"BigRole","ARN":"arn:aws:iam::111122223333:role/BigRole",
          "awsRegion":"global","availabilityZone":"Not Applicable","configurationStateMd5Hash":""},
         "s3DeliverySummary":{"s3BucketLocation":"config-bucket/AWSLogs/111122223333/Config/global/x.json.gz",
          "errorCode":null,"errorMessage":null},
         "notificationCreationTime":"2024-05-02T09:31:00.000Z",
         "messageType":"OversizedConfigurationItemChangeNotification","recordVersion":"1.0"}
        """);

    InventoryLoad load = reader.read(file);

    assertThat(load.problems()).isEmpty();
    assertThat(load.resources()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo("aws.iam.role");
      assertThat(r.region()).isEmpty();
      assertThat(r.facts()).isEqualTo(Facts.EMPTY);
    });
  }

  @Test
  void read_batchGetOutput_parsesStringConfigurationAndSupplementary() throws Exception {
    InventoryLoad load = load("batch-get-resource-config.json");

    assertThat(load.problems()).isEmpty();
    Facts i = byId(load, "arn:aws:ec2:eu-west-1:111122223333:instance/i-0fedcba9876543210").facts();
    assertThat(i.string("state")).isEqualTo("stopped");
    assertThat(i.string("imds_http_tokens")).isEqualTo("required");
    assertThat(i.bool("has_public_ip")).isFalse();
    assertThat(i.has("public_ip")).isFalse();
    assertThat(i.bool("detailed_monitoring")).isTrue();
    assertThat(i.strings("security_groups")).containsExactly("sg-0b2c3d4e5f6071829");

    Resource b = byId(load, "arn:aws:s3:::acme-eu-reports");
    assertThat(b.account()).isEqualTo(ACCOUNT);
    assertThat(b.facts().strings("acl_grants")).containsExactly(OWNER + ":FULL_CONTROL", "AuthenticatedUsers:WRITE");
    assertThat(b.facts().bool("has_policy")).isFalse();
    assertThat(b.facts().string("versioning")).isEqualTo("Suspended");
    assertThat(b.facts().has("mfa_delete")).isFalse();
    assertThat(b.facts().string("encryption")).isEqualTo("AES256");
    assertThat(b.facts().bool("access_logging")).isFalse();
    assertThat(b.facts().bool("block_public_policy")).isFalse();
  }

  @Test
  void read_configHistory_keepsNewestCapture() throws Exception {
    InventoryLoad load = load("resource-config-history.json");

    assertThat(load.problems()).isEmpty();
    assertThat(load.resources()).singleElement().satisfies(sg -> assertThat(
        sg.facts().list("ingress", NetworkRule.class)).containsExactly(rule(true, "tcp", 80, 80, "10.0.0.0/8", 0)));
  }

  @Test
  void read_deletedAfterCreated_isLeftOutAndCounted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("history.json");
    Files.writeString(file, """
        {"fileVersion":"1.0","configurationItems":[
          {"configurationItemVersion":"1.3","configurationItemCaptureTime":"2024-05-01T08:00:00.000Z",
           "awsAccountId":"111122223333","configurationItemStatus":"ResourceDiscovered","resourceType":"AWS::EC2::Volume",
           "resourceId":"vol-0gone","ARN":"arn:aws:ec2:us-east-1:111122223333:volume/vol-0gone","awsRegion":"us-east-1",
           "configuration":{"encrypted":false}},
          {"configurationItemVersion":"1.3","configurationItemCaptureTime":"2024-05-02T08:00:00.000Z",
           "awsAccountId":"111122223333","configurationItemStatus":"ResourceDeleted","resourceType":"AWS::EC2::Volume",
           "resourceId":"vol-0gone","ARN":"arn:aws:ec2:us-east-1:111122223333:volume/vol-0gone","awsRegion":"us-east-1",
           "configuration":null}]}
        """);

    AwsConfigReader.Detail detail = reader.readDetail(file);

    assertThat(detail.load().resources()).isEmpty();
    assertThat(detail.load().problems()).isEmpty();
    assertThat(detail.notPresent()).isEqualTo(1);
  }

  @Test
  void read_badBucketPolicy_isNamedProblemAndRestOfBucketLoads() throws Exception {
    InventoryLoad load = load("malformed-snapshot.json");

    InventoryProblem p = problemAt(load, "configurationItems[0] (AWS::S3::Bucket acme-broken-policy)");
    assertThat(p.file()).endsWith("malformed-snapshot.json");
    assertThat(p.reason()).startsWith("supplementaryConfiguration.BucketPolicy.policyText: policy is not JSON");
    Facts f = byId(load, "arn:aws:s3:::acme-broken-policy").facts();
    assertThat(f.bool("has_policy")).isTrue();
    assertThat(f.has("policy")).isFalse();
    assertThat(f.string("versioning")).isEqualTo("Enabled");
    assertThat(f.bool("mfa_delete")).isTrue();
  }

  @Test
  void read_itemWithoutResourceType_isNamedProblem() throws Exception {
    InventoryLoad load = load("malformed-snapshot.json");

    InventoryProblem p = problemAt(load, "configurationItems[1]");
    assertThat(p.reason()).isEqualTo("configuration item has no resourceType");
    assertThat(load.resources()).extracting(Resource::id)
        .doesNotContain("arn:aws:ec2:us-east-1:111122223333:volume/vol-0notype000000001");
  }

  @Test
  void read_badInlinePolicy_isNamedProblemAndOtherPoliciesLoad() throws Exception {
    InventoryLoad load = load("malformed-snapshot.json");

    InventoryProblem p = problemAt(load, "configurationItems[2] (AWS::IAM::User alice)");
    assertThat(p.reason()).startsWith("configuration.userPolicyList[0] (garbled): policy has no Statement");
    Resource alice = byId(load, "arn:aws:iam::111122223333:user/alice");
    assertThat(alice.kind()).isEqualTo("aws.iam.user");
    assertThat(alice.facts().list("inline_policies", PolicyDocument.class)).singleElement()
        .satisfies(d -> assertThat(d.allows("s3:ListAllMyBuckets")).isTrue());
    assertThat(alice.facts().strings("groups")).containsExactly("developers");
    assertThat(alice.facts().strings("attached_policies")).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(load.problems()).hasSize(3);
  }

  @Test
  void read_historyLinesWithBrokenLine_reportsLineAndKeepsNewestOfTheRest() throws Exception {
    InventoryLoad load = load("history-lines.jsonl");

    assertThat(load.problems()).singleElement().satisfies(p -> {
      assertThat(p.where()).isEqualTo("line 2");
      assertThat(p.reason()).startsWith("not JSON");
    });
    assertThat(load.resources()).singleElement().satisfies(v -> {
      assertThat(v.facts().bool("encrypted")).isTrue();
      assertThat(v.origin()).endsWith("history-lines.jsonl line 3");
    });
  }

  @Test
  void read_jsonThatIsNoConfigExport_isProblemNamingMembers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("other.json");
    Files.writeString(file, "{\"Reservations\":[]}");

    InventoryLoad load = reader.read(file);

    assertThat(load.resources()).isEmpty();
    assertThat(load.problems()).containsExactly(new InventoryProblem(file.toString(), "",
        "not an AWS Config export: top-level members Reservations"));
  }

  @Test
  void read_folder_readsEveryExportAndDeduplicatesAcrossFiles(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("a"));
    Files.copy(fixture("snapshot.json.gz"), dir.resolve("a/snapshot.json.gz"));
    Files.copy(fixture("resource-config-history.json"), dir.resolve("history.json"));
    Files.writeString(dir.resolve("README.txt"), "not read", StandardCharsets.UTF_8);

    AwsConfigReader.Detail detail = reader.readDetail(dir);

    assertThat(detail.load().problems()).isEmpty();
    assertThat(detail.load().resources()).hasSize(20);
    assertThat(detail.notPresent()).isEqualTo(1);
  }

  private static InventoryProblem problemAt(InventoryLoad load, String where) {
    return load.problems().stream().filter(p -> p.where().equals(where)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem at " + where + " in " + load.problems()));
  }

  private static String jsonString(String s) throws IOException {
    StringBuilder sb = new StringBuilder();
    dev.kumo.json.JsonText.appendString(sb, s);
    return sb.toString();
  }
}
