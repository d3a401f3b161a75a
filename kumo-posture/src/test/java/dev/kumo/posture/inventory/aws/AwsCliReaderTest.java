package dev.kumo.posture.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.posture.inventory.AccessKey;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Resource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsCliReaderTest {
  private static final String ACCOUNT = "123456789012";
  private static final String US = "123456789012/us-east-1/";
  private static InventoryLoad load;

  @BeforeAll
  static void readFixture() throws IOException, URISyntaxException {
    Path folder = Path.of(Objects.requireNonNull(AwsCliReaderTest.class.getResource("/posture/aws-cli")).toURI());
    load = new AwsCliReader().read(folder);
  }

  private static Resource resource(String id) {
    return load.resources().stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + id + " in " + load.resources()));
  }

  private static Facts facts(String id) {
    return resource(id).facts();
  }

  @Test
  void format_isAwsCli() {
    assertThat(new AwsCliReader().format()).isEqualTo("aws-cli");
  }

  @Test
  void read_bucketWithAllUsersGrantAndNoBlock_isPublicWithoutPolicy() {
    Resource bucket = resource("arn:aws:s3:::acme-public-site");
    assertThat(bucket.kind()).isEqualTo("aws.s3.bucket");
    assertThat(bucket.account()).isEqualTo(ACCOUNT);
    assertThat(bucket.region()).isEqualTo("us-east-1");
    Facts f = bucket.facts();
    assertThat(f.strings("acl_grants")).containsExactly(
        "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be:FULL_CONTROL", "AllUsers:READ");
    assertThat(f.bool("has_policy")).isFalse();
    assertThat(f.has("policy")).isFalse();
    assertThat(f.bool("block_public_acls")).isFalse();
    assertThat(f.bool("ignore_public_acls")).isFalse();
    assertThat(f.bool("block_public_policy")).isFalse();
    assertThat(f.bool("restrict_public_buckets")).isFalse();
    assertThat(f.string("versioning")).isEqualTo("Disabled");
    assertThat(f.bool("mfa_delete")).isFalse();
    assertThat(f.string("encryption")).isEqualTo("AES256");
  }

  @Test
  void read_bucketWithoutPerBucketFile_leavesFactAbsent() {
    Facts f = facts("arn:aws:s3:::acme-public-site");
    assertThat(f.has("access_logging")).isFalse();
    assertThat(f.has("object_lock")).isFalse();
    assertThat(f.has("lifecycle_rules")).isFalse();
  }

  @Test
  void read_privateBucket_hasPolicyBlocksAndNotConfiguredErrors() {
    Resource bucket = resource("arn:aws:s3:::acme-private-logs");
    assertThat(bucket.region()).isEqualTo("eu-west-1");
    Facts f = bucket.facts();
    assertThat(f.bool("has_policy")).isTrue();
    assertThat(f.policy("policy")).isNotNull();
    assertThat(f.policy("policy").statements()).hasSize(1);
    assertThat(f.policy("policy").publicAllows()).isEmpty();
    assertThat(f.strings("acl_grants"))
        .containsExactly("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be:FULL_CONTROL");
    assertThat(f.bool("block_public_acls")).isTrue();
    assertThat(f.bool("ignore_public_acls")).isTrue();
    assertThat(f.bool("block_public_policy")).isTrue();
    assertThat(f.bool("restrict_public_buckets")).isTrue();
    assertThat(f.string("versioning")).isEqualTo("Enabled");
    assertThat(f.bool("mfa_delete")).isFalse();
    assertThat(f.string("encryption")).isEqualTo("aws:kms");
    assertThat(f.bool("access_logging")).isFalse();
    assertThat(f.bool("object_lock")).isFalse();
  }

  @Test
  void read_accountPublicAccessBlockMissing_allFlagsFalse() {
    Resource s = resource("arn:aws:s3:::account/123456789012");
    assertThat(s.kind()).isEqualTo("aws.s3.account_settings");
    assertThat(s.region()).isEmpty();
    assertThat(s.facts().bool("block_public_acls")).isFalse();
    assertThat(s.facts().bool("restrict_public_buckets")).isFalse();
  }

  @Test
  void read_securityGroupOpenToRdp_hasOneRulePerSource() {
    Resource sg = resource("arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b2c3d4e5f60718");
    assertThat(sg.kind()).isEqualTo("aws.ec2.security_group");
    assertThat(sg.name()).isEqualTo("sg-0a1b2c3d4e5f60718");
    assertThat(sg.region()).isEqualTo("us-east-1");
    Facts f = sg.facts();
    assertThat(f.string("group_name")).isEqualTo("rdp-anywhere");
    assertThat(f.string("vpc_id")).isEqualTo("vpc-0aa11bb22cc33dd44");
    List<NetworkRule> ingress = f.list("ingress", NetworkRule.class);
    assertThat(ingress).containsExactly(
        new NetworkRule(true, "tcp", 3389, 3389, List.of("0.0.0.0/0"), 0),
        new NetworkRule(true, "tcp", 3389, 3389, List.of("::/0"), 0));
    assertThat(NetworkRule.worldReaches(ingress, 3389)).isTrue();
    assertThat(f.list("egress", NetworkRule.class)).containsExactly(NetworkRule.allowAll(List.of("0.0.0.0/0")));
  }

  @Test
  void read_groupSourcedRule_namesTheGroup() {
    Facts f = facts("arn:aws:ec2:us-east-1:123456789012:security-group/sg-0fedcba9876543210");
    assertThat(f.list("ingress", NetworkRule.class)).containsExactly(
        new NetworkRule(true, "tcp", 8080, 8080, List.of("sg-0a1b2c3d4e5f60718"), 0));
    assertThat(f.list("egress", NetworkRule.class)).isEmpty();
  }

  @Test
  void read_instanceWithImdsV1_hasOptionalTokensAndPublicIp() {
    Resource i = resource("arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0");
    assertThat(i.kind()).isEqualTo("aws.ec2.instance");
    Facts f = i.facts();
    assertThat(f.string("imds_http_tokens")).isEqualTo("optional");
    assertThat(f.string("imds_endpoint")).isEqualTo("enabled");
    assertThat(f.string("public_ip")).isEqualTo("3.80.12.34");
    assertThat(f.bool("has_public_ip")).isTrue();
    assertThat(f.string("instance_profile")).isEqualTo("arn:aws:iam::123456789012:instance-profile/web-server");
    assertThat(f.strings("security_groups")).containsExactly("sg-0a1b2c3d4e5f60718");
    assertThat(f.string("state")).isEqualTo("running");
    assertThat(f.bool("detailed_monitoring")).isFalse();
    assertThat(f.string("instance_type")).isEqualTo("t3.micro");
    assertThat(f.string("image_id")).isEqualTo("ami-0abcdef1234567890");
    assertThat(f.string("vpc_id")).isEqualTo("vpc-0aa11bb22cc33dd44");
    assertThat(f.string("subnet_id")).isEqualTo("subnet-0123abcd4567ef890");
  }

  @Test
  void read_instanceWithoutId_isAProblemAndTheOthersAreRead() {
    assertThat(load.problems()).contains(new InventoryProblem(US + "ec2-describe-instances.json",
        "Reservations[0].Instances[1]", "missing InstanceId"));
    assertThat(load.resources().stream().filter(r -> r.kind().equals("aws.ec2.instance"))).hasSize(1);
  }

  @Test
  void read_snapshotSharedWithAll_isPublic() {
    Resource s = resource("arn:aws:ec2:us-east-1::snapshot/snap-0b5e733b4a8df6e0d");
    assertThat(s.kind()).isEqualTo("aws.ec2.snapshot");
    assertThat(s.account()).isEqualTo(ACCOUNT);
    assertThat(s.facts().bool("public")).isTrue();
    assertThat(s.facts().strings("shared_with")).containsExactly("210987654321");
    assertThat(s.facts().bool("encrypted")).isFalse();
  }

  @Test
  void read_flowLogs_markVpcsWithAndWithout() {
    assertThat(facts("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0aa11bb22cc33dd44").bool("flow_logs")).isTrue();
    Facts def = facts("arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0def000000000aaaa");
    assertThat(def.bool("flow_logs")).isFalse();
    assertThat(def.bool("is_default")).isTrue();
  }

  @Test
  void read_ebsEncryptionByDefault_isRegionSetting() {
    Resource s = resource("arn:aws:ec2:us-east-1:123456789012:settings");
    assertThat(s.kind()).isEqualTo("aws.ec2.region_settings");
    assertThat(s.facts().bool("ebs_encryption_by_default")).isFalse();
  }

  @Test
  void read_credentialReport_rootWithoutMfaAndActiveKey() {
    Resource root = resource("arn:aws:iam::123456789012:root");
    assertThat(root.kind()).isEqualTo("aws.iam.root");
    assertThat(root.region()).isEmpty();
    assertThat(root.facts().bool("mfa_enabled")).isFalse();
    assertThat(root.facts().bool("access_keys_present")).isTrue();
    assertThat(root.facts().time("password_last_used")).isEqualTo(Instant.parse("2026-10-02T14:05:09Z"));
  }

  @Test
  void read_credentialReport_userWithOldKey() {
    Facts f = facts("arn:aws:iam::123456789012:user/alice");
    assertThat(f.bool("password_enabled")).isTrue();
    assertThat(f.bool("mfa_enabled")).isTrue();
    assertThat(f.time("password_last_used")).isEqualTo(Instant.parse("2026-11-20T08:01:33Z"));
    assertThat(f.list("access_keys", AccessKey.class)).containsExactly(
        new AccessKey("access_key_1", true, Instant.parse("2021-03-01T12:00:00Z"),
            Instant.parse("2026-11-25T07:00:00Z"), false),
        new AccessKey("access_key_2", true, Instant.parse("2026-10-01T12:00:00Z"), null, true));
    // merged with get-account-authorization-details
    assertThat(f.strings("groups")).containsExactly("admins");
    assertThat(f.list("inline_policies", Object.class)).hasSize(1);
  }

  @Test
  void read_credentialReport_userWithoutPassword() {
    Facts f = facts("arn:aws:iam::123456789012:user/ci-deployer");
    assertThat(f.bool("password_enabled")).isFalse();
    assertThat(f.has("password_last_used")).isFalse();
    assertThat(f.list("access_keys", AccessKey.class)).containsExactly(new AccessKey("access_key_1", false,
        Instant.parse("2022-07-19T16:21:00Z"), Instant.parse("2023-01-05T03:00:00Z"), false));
  }

  @Test
  void read_authorizationDetails_groupsRolesAndPolicies() {
    Facts group = facts("arn:aws:iam::123456789012:group/admins");
    assertThat(group.strings("members")).containsExactly("alice");
    assertThat(group.strings("attached_policies")).containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
    Facts role = facts("arn:aws:iam::123456789012:role/web-server");
    assertThat(role.policy("trust_policy").trustedServices()).containsExactly("ec2.amazonaws.com");
    assertThat(role.strings("instance_profiles"))
        .containsExactly("arn:aws:iam::123456789012:instance-profile/web-server");
    Facts policy = facts("arn:aws:iam::123456789012:policy/web-assets");
    assertThat(policy.bool("aws_managed")).isFalse();
    assertThat(policy.number("attachment_count")).isEqualTo(1L);
    assertThat(policy.policy("document").allows("s3:PutObject")).isTrue();
  }

  @Test
  void read_noPasswordPolicy_isNotPresent() {
    Resource p = resource("arn:aws:iam::123456789012:password-policy");
    assertThat(p.kind()).isEqualTo("aws.iam.password_policy");
    assertThat(p.facts().bool("present")).isFalse();
  }

  @Test
  void read_trailWithAdvancedSelectors_hasS3DataEventsForOneBucket() {
    Resource t = resource("arn:aws:cloudtrail:us-east-1:123456789012:trail/main-trail");
    assertThat(t.kind()).isEqualTo("aws.cloudtrail.trail");
    assertThat(t.name()).isEqualTo("main-trail");
    Facts f = t.facts();
    assertThat(f.bool("logging")).isTrue();
    assertThat(f.bool("multi_region")).isTrue();
    assertThat(f.string("home_region")).isEqualTo("us-east-1");
    assertThat(f.bool("log_validation")).isTrue();
    assertThat(f.bool("organization_trail")).isFalse();
    assertThat(f.bool("cloudwatch_logs")).isFalse();
    assertThat(f.has("kms_key")).isFalse();
    assertThat(f.bool("management_events")).isTrue();
    assertThat(f.strings("s3_data_events")).containsExactly("arn:aws:s3:::acme-private-logs/");
    assertThat(f.strings("lambda_data_events")).isEmpty();
  }

  @Test
  void read_unknownFile_isReportedOnce() {
    assertThat(load.problems()).filteredOn(p -> p.file().endsWith("ec2-describe-instance-types.json"))
        .extracting(InventoryProblem::reason).singleElement().asString()
        .startsWith("not a known AWS CLI output name");
  }

  @Test
  void read_malformedJson_isAProblemNamingTheFile() {
    assertThat(load.problems()).filteredOn(p -> p.file().equals(US + "ec2-describe-volumes.json"))
        .extracting(InventoryProblem::reason).singleElement().asString().startsWith("malformed JSON");
    assertThat(load.resources()).noneMatch(r -> r.kind().equals("aws.ec2.volume"));
  }

  @Test
  void read_errorOutputOfAnotherKind_isAProblemAndFactsStayUnknown() {
    assertThat(load.problems()).contains(new InventoryProblem(
        US + "guardduty-get-detector.12abc34d567e8fa901bc2d34e56789f0.json", "",
        "the command failed with AccessDeniedException; its facts are unknown"));
    assertThat(load.resources()).noneMatch(r -> r.kind().equals("aws.guardduty.detector")
        && r.account().equals(ACCOUNT));
  }

  @Test
  void read_fixture_hasExactlyTheExpectedProblems() {
    assertThat(load.problems()).extracting(InventoryProblem::file).containsExactly(
        US + "ec2-describe-instance-types.json",
        US + "ec2-describe-instances.json",
        US + "ec2-describe-volumes.json",
        US + "guardduty-get-detector.12abc34d567e8fa901bc2d34e56789f0.json");
  }

  @Test
  void read_lambdaWithoutPolicyOrUrl_hasNeither(@TempDir Path dir) throws IOException {
    Path eu = Files.createDirectories(dir.resolve("111122223333/eu-west-1"));
    Files.writeString(eu.resolve("lambda-get-policy.resize.json"), "\nAn error occurred (ResourceNotFoundException) "
        + "when calling the GetPolicy operation: The resource you requested does not exist.\n");
    Files.writeString(eu.resolve("lambda-get-function-url-config.resize.json"), "\nAn error occurred "
        + "(ResourceNotFoundException) when calling the GetFunctionUrlConfig operation: The resource you requested "
        + "does not exist.\n");
    InventoryLoad l = new AwsCliReader().read(dir);
    assertThat(l.problems()).isEmpty();
    assertThat(l.resources()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("arn:aws:lambda:eu-west-1:111122223333:function:resize");
      assertThat(r.facts().bool("has_policy")).isFalse();
      assertThat(r.facts().bool("has_url")).isFalse();
      assertThat(r.facts().policy("policy")).isNull();
    });
  }

  @Test
  void read_bucketNameWithDots_andEmptyResourceName(@TempDir Path dir) throws IOException {
    Path global = Files.createDirectories(dir.resolve("111122223333/global"));
    Files.writeString(global.resolve("s3api-get-bucket-logging.logs.example.com.json"), "");
    Files.writeString(global.resolve("s3api-get-bucket-policy..json"), "{}");
    Files.writeString(global.resolve("s3api-list-buckets.json"), "");
    InventoryLoad l = new AwsCliReader().read(dir);
    assertThat(l.resources()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("arn:aws:s3:::logs.example.com");
      assertThat(r.account()).isEqualTo("111122223333");
      assertThat(r.facts().bool("access_logging")).isFalse();
    });
    assertThat(l.problems()).extracting(p -> p.file() + ": " + p.reason()).containsExactly(
        "111122223333/global/s3api-get-bucket-policy..json: not a known AWS CLI output name; known names are "
            + "listed in docs/posture-inputs.md",
        "111122223333/global/s3api-list-buckets.json: empty output: the command printed nothing (was its error "
            + "sent elsewhere?)");
  }

  @Test
  void read_noAccountAnywhere_isReportedAndResourcesKeepAnEmptyAccount(@TempDir Path dir) throws IOException {
    Path global = Files.createDirectories(dir.resolve("prod/global"));
    Files.writeString(global.resolve("s3api-get-bucket-versioning.b.json"), "{\"Status\": \"Suspended\"}");
    InventoryLoad l = new AwsCliReader().read(dir);
    assertThat(l.resources()).singleElement().satisfies(r -> {
      assertThat(r.account()).isEmpty();
      assertThat(r.facts().string("versioning")).isEqualTo("Suspended");
    });
    assertThat(l.problems()).extracting(InventoryProblem::reason).singleElement().asString()
        .startsWith("account id unknown");
  }

  @Test
  void read_everyKnownOutputAsEmptyObjectOrJunk_neverThrows(@TempDir Path dir) throws IOException {
    for (String content : List.of("{}", "[]", "{\"Reservations\": [1, {\"Instances\": {}}], \"Policy\": 7}")) {
      Path region = Files.createDirectories(dir.resolve(content.length() + "/111122223333/us-east-1"));
      for (String name : new AwsCliReader().knownOutputs()) {
        Files.writeString(region.resolve(name.replace("<resource>", "r1")), content);
      }
      InventoryLoad l = new AwsCliReader().read(dir.resolve(String.valueOf(content.length())));
      assertThat(l.problems()).allSatisfy(p -> assertThat(p.file()).startsWith("111122223333/us-east-1/"));
      assertThat(l.resources()).allSatisfy(r -> assertThat(r.account()).isEqualTo("111122223333"));
    }
  }

  @Test
  void read_file_isRefused(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("x.json"), "{}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AwsCliReader().read(f))
        .isInstanceOf(IOException.class);
  }

  private static final String EU = "arn:aws:%s:eu-west-1:210987654321:%s";

  @Test
  void read_networkAcl_keepsRuleNumbersAndDirections() {
    Resource acl = resource(EU.formatted("ec2", "network-acl/acl-0ea1f54ca7EXAMPLE"));
    assertThat(acl.account()).isEqualTo("210987654321");
    List<NetworkRule> ingress = acl.facts().list("ingress", NetworkRule.class);
    assertThat(ingress).containsExactly(new NetworkRule(false, "tcp", 22, 22, List.of("0.0.0.0/0"), 90),
        new NetworkRule(true, "all", 0, 65535, List.of("0.0.0.0/0"), 100));
    assertThat(NetworkRule.worldReaches(ingress, 22)).isFalse();
    assertThat(NetworkRule.worldReaches(ingress, 3389)).isTrue();
    assertThat(acl.facts().list("egress", NetworkRule.class)).hasSize(2);
    assertThat(acl.facts().bool("is_default")).isTrue();
  }

  @Test
  void read_publicImage_isPublic() {
    assertThat(facts("arn:aws:ec2:eu-west-1::image/ami-0123456789example").bool("public")).isTrue();
  }

  @Test
  void read_classicSelectorsForAllBuckets_areWrittenAsServiceScope() {
    Facts f = facts(EU.formatted("cloudtrail", "trail/legacy"));
    assertThat(f.bool("logging")).isFalse();
    assertThat(f.bool("management_events")).isFalse();
    assertThat(f.strings("s3_data_events")).containsExactly("arn:aws:s3");
    assertThat(f.strings("lambda_data_events")).containsExactly("arn:aws:lambda");
    assertThat(f.bool("cloudwatch_logs")).isTrue();
    assertThat(f.string("kms_key")).startsWith("arn:aws:kms:");
    assertThat(f.bool("multi_region")).isFalse();
  }

  @Test
  void read_guardDutyDetector_hasFeatures() {
    Resource d = resource(EU.formatted("guardduty", "detector/b6b992d6d2f48e64bc59180bfexample"));
    assertThat(d.facts().bool("enabled")).isTrue();
    assertThat(d.facts().bool("s3_protection")).isTrue();
    assertThat(d.facts().bool("eks_protection")).isFalse();
    assertThat(d.facts().bool("runtime_monitoring")).isFalse();
  }

  @Test
  void read_configRecorder_mergesStatus() {
    Facts f = facts(EU.formatted("config", "configuration-recorder/default"));
    assertThat(f.bool("recording")).isTrue();
    assertThat(f.bool("all_supported")).isTrue();
    assertThat(f.bool("include_global")).isFalse();
  }

  @Test
  void read_kmsKey_mergesPerKeyCalls() {
    Facts f = facts(EU.formatted("kms", "key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
    assertThat(f.string("key_manager")).isEqualTo("CUSTOMER");
    assertThat(f.string("key_state")).isEqualTo("Enabled");
    assertThat(f.bool("rotation_enabled")).isFalse();
    assertThat(f.policy("policy").statements()).hasSize(1);
  }

  @Test
  void read_rdsSnapshotRestorableByAll_isPublic() {
    Facts f = facts(EU.formatted("rds", "snapshot:orders-before-upgrade"));
    assertThat(f.bool("public")).isTrue();
    assertThat(f.bool("encrypted")).isFalse();
  }

  @Test
  void read_lambdaWithPublicUrl_hasPolicyAndAuthNone() {
    Facts f = facts(EU.formatted("lambda", "function:thumbnailer"));
    assertThat(f.string("url_auth_type")).isEqualTo("NONE");
    assertThat(f.string("runtime")).isEqualTo("python3.12");
    assertThat(f.string("role")).isEqualTo("arn:aws:iam::210987654321:role/thumbnailer-exec");
    assertThat(f.policy("policy").publicAllows()).isEmpty(); // restricted by the FunctionUrlAuthType condition
  }

  @Test
  void read_eksCluster_publicEndpointAndEnabledLogTypes() {
    Facts f = facts(EU.formatted("eks", "cluster/apps"));
    assertThat(f.bool("endpoint_public")).isTrue();
    assertThat(f.strings("public_access_cidrs")).containsExactly("0.0.0.0/0");
    assertThat(f.strings("logging_types")).containsExactly("api", "audit");
    assertThat(f.bool("secrets_encrypted")).isFalse();
  }

  @Test
  void read_backupBudgetsAlarmsRedshift() {
    Facts vault = facts(EU.formatted("backup", "backup-vault:Default"));
    assertThat(vault.bool("locked")).isFalse();
    assertThat(vault.has("min_retention_days")).isFalse();
    assertThat(facts(EU.formatted("backup", "backup-plan:8a2b1c4d-0000-4111-8222-933344455566")).number("rules"))
        .isEqualTo(1L);
    Resource budget = resource("arn:aws:budgets::210987654321:budget/monthly-cost");
    assertThat(budget.region()).isEmpty();
    assertThat(budget.facts().string("budget_type")).isEqualTo("COST");
    Facts alarm = facts(EU.formatted("cloudwatch", "alarm:billing-over-500"));
    assertThat(alarm.string("metric_name")).isEqualTo("EstimatedCharges");
    assertThat(alarm.string("namespace")).isEqualTo("AWS/Billing");
    assertThat(alarm.bool("actions_enabled")).isTrue();
    Facts redshift = facts(EU.formatted("redshift", "cluster:analytics"));
    assertThat(redshift.bool("publicly_accessible")).isTrue();
    assertThat(redshift.bool("encrypted")).isFalse();
  }

  @Test
  void docs_listExactlyTheKnownOutputNames() throws IOException {
    Path doc = Path.of("..", "docs", "posture-inputs.md");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(doc), "docs/posture-inputs.md not beside the module");
    java.util.Set<String> documented = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `([a-z0-9.<>-]+\\.json)`")
        .matcher(Files.readString(doc));
    while (m.find()) {
      documented.add(m.group(1).replaceAll("<[a-z-]+>", "<resource>"));
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(new AwsCliReader().knownOutputs());
  }

  @Test
  void read_accountWithoutCallerIdentity_takesItFromArns(@TempDir Path dir) throws IOException {
    Path region = Files.createDirectories(dir.resolve("prod/eu-central-1"));
    Files.writeString(region.resolve("rds-describe-db-instances.json"), """
        {
            "DBInstances": [
                {
                    "DBInstanceIdentifier": "orders",
                    "DBInstanceArn": "arn:aws:rds:eu-central-1:555566667777:db:orders",
                    "Engine": "postgres",
                    "PubliclyAccessible": true,
                    "StorageEncrypted": false,
                    "BackupRetentionPeriod": 0,
                    "MultiAZ": false,
                    "AutoMinorVersionUpgrade": true,
                    "DeletionProtection": false
                }
            ]
        }
        """);
    InventoryLoad l = new AwsCliReader().read(dir);
    assertThat(l.problems()).isEmpty();
    Resource db = l.resources().get(0);
    assertThat(db.account()).isEqualTo("555566667777");
    assertThat(db.region()).isEqualTo("eu-central-1");
    assertThat(db.facts().bool("publicly_accessible")).isTrue();
    assertThat(db.facts().number("backup_retention_days")).isZero();
    assertThat(db.facts().string("engine")).isEqualTo("postgres");
  }

  @Test
  void read_oneAccountFolder_takesAccountFromFolderName(@TempDir Path dir) throws IOException {
    Path account = dir.resolve("210987654321");
    Files.createDirectories(account.resolve("global"));
    Files.writeString(account.resolve("global/s3api-get-bucket-versioning.b.json"), "{}\n");
    Files.writeString(account.resolve("README.txt"), "collected by hand");
    Files.createDirectories(account.resolve("misc"));
    Files.writeString(account.resolve("misc/ec2-describe-vpcs.json"), "{\"Vpcs\": []}");
    InventoryLoad l = new AwsCliReader().read(account);
    assertThat(l.resources()).singleElement().satisfies(r -> {
      assertThat(r.account()).isEqualTo("210987654321");
      assertThat(r.facts().string("versioning")).isEqualTo("Disabled");
    });
    assertThat(l.problems()).extracting(InventoryProblem::file).containsExactly("README.txt", "misc");
  }

  @Test
  void read_regionalOutputInGlobal_isAProblem(@TempDir Path dir) throws IOException {
    Path global = Files.createDirectories(dir.resolve("111122223333/global"));
    Files.writeString(global.resolve("ec2-describe-vpcs.json"), "{\"Vpcs\": []}");
    InventoryLoad l = new AwsCliReader().read(dir);
    assertThat(l.problems()).extracting(InventoryProblem::reason)
        .containsExactly("ec2-describe-vpcs is regional: put it in a region folder");
  }
}
