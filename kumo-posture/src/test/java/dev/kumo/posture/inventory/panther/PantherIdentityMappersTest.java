package dev.kumo.posture.inventory.panther;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.inventory.AccessKey;
import dev.kumo.posture.inventory.Resource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written snapshots in the shape Panther's cloud-security scanner records them. */
class PantherIdentityMappersTest {
  private static final PantherIamMapper IAM = new PantherIamMapper();
  private static final PantherLoggingMapper LOGGING = new PantherLoggingMapper();
  private static final PantherKmsMapper KMS = new PantherKmsMapper();

  private static JsonObject json(String text) {
    return (JsonObject) JsonTreeReader.lenient().read(text);
  }

  private static String credentialReport(String arn, String extra) {
    return "{\"ARN\":\"" + arn + "\",\"AccessKey1Active\":true,\"AccessKey1LastRotated\":\"2024-01-01T00:00:00Z\","
        + "\"AccessKey1LastUsedDate\":\"0001-01-01T00:00:00Z\",\"AccessKey2Active\":false,"
        + "\"AccessKey2LastRotated\":\"0001-01-01T00:00:00Z\",\"AccessKey2LastUsedDate\":\"0001-01-01T00:00:00Z\","
        + "\"PasswordLastUsed\":\"0001-01-01T00:00:00Z\",\"PasswordLastChanged\":\"2024-02-01T00:00:00Z\"," + extra + "}";
  }

  @Test
  void map_rootUser_readsMfaKindAndKeys() {
    String arn = "arn:aws:iam::111122223333:root";
    Resource r = IAM.map("AWS.IAM.RootUser", json("{\"ARN\":\"" + arn + "\",\"UserName\":\"root\",\"VirtualMFA\":null,"
        + "\"CredentialReport\":" + credentialReport(arn, "\"MfaActive\":true,\"PasswordEnabled\":false") + "}"), "f#1");
    assertThat(r.kind()).isEqualTo("aws.iam.root");
    assertThat(r.account()).isEqualTo("111122223333");
    assertThat(r.facts().bool("mfa_enabled")).isTrue();
    assertThat(r.facts().bool("hardware_mfa")).isTrue();
    assertThat(r.facts().bool("access_keys_present")).isTrue();
  }

  @Test
  void map_userWithCredentialReport_neverDatesMeanNever() {
    String arn = "arn:aws:iam::111122223333:user/bob";
    Resource r = IAM.map("AWS.IAM.User", json("{\"Arn\":\"" + arn + "\",\"UserName\":\"bob\","
        + "\"ManagedPolicyNames\":[\"ReadOnlyAccess\"],\"InlinePolicies\":{\"p\":\"not a policy\"},"
        + "\"Groups\":[{\"GroupName\":\"devs\"}],\"CreateDate\":\"2023-05-10T21:49:56Z\",\"CredentialReport\":"
        + credentialReport(arn, "\"MfaActive\":false,\"PasswordEnabled\":true") + "}"), "f#2");
    assertThat(r.kind()).isEqualTo("aws.iam.user");
    assertThat(r.name()).isEqualTo("bob");
    assertThat(r.facts().bool("password_enabled")).isTrue();
    assertThat(r.facts().time("password_last_used")).isNull();
    assertThat(r.facts().bool("password_never_used")).isTrue();
    assertThat(r.facts().list("access_keys", AccessKey.class)).containsExactly(
        new AccessKey("key1", true, Instant.parse("2024-01-01T00:00:00Z"), null, true));
    assertThat(r.facts().strings("attached_policy_names")).containsExactly("ReadOnlyAccess");
    assertThat(r.facts().strings("inline_policy_names")).containsExactly("p");
    assertThat(r.facts().has("inline_policies")).as("unparsable inline policy leaves the fact absent").isFalse();
    assertThat(r.facts().strings("groups")).containsExactly("devs");
  }

  @Test
  void map_roleTrustPolicyObject_isParsed() {
    Resource r = IAM.map("AWS.IAM.Role", json("{\"Arn\":\"arn:aws:iam::111122223333:role/app\",\"RoleName\":\"app\","
        + "\"AssumeRolePolicyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]},"
        + "\"ManagedPolicyNames\":[\"AdministratorAccess\"],\"InlinePolicies\":null}"), "f#3");
    assertThat(r.facts().policy("trust_policy").trustedServices()).containsExactly("lambda.amazonaws.com");
    assertThat(r.facts().list("inline_policies", Object.class)).isEmpty();
  }

  @Test
  void map_policyWithoutDocumentText_isRefused() {
    assertThatThrownBy(() -> IAM.map("AWS.IAM.Policy", json("{\"Arn\":\"arn:aws:iam::1:policy/x\","
        + "\"PolicyDocument\":\"nonsense\"}"), "f#4")).hasMessageContaining("PolicyDocument");
  }

  @Test
  void map_passwordPolicyNone_isPresentFalse() {
    Resource r = IAM.map("AWS.PasswordPolicy", json("{\"AccountId\":\"111122223333\",\"AnyExist\":false}"), "f#5");
    assertThat(r.kind()).isEqualTo("aws.iam.password_policy");
    assertThat(r.id()).isEqualTo("arn:aws:iam::111122223333:password-policy");
    assertThat(r.facts().bool("present")).isFalse();
  }

  @Test
  void map_trailWithoutKeyOrValidation_readsAsOff() {
    Resource r = LOGGING.map("AWS.CloudTrail", json("{\"TrailARN\":\"arn:aws:cloudtrail:us-west-2:111122223333:trail/t\","
        + "\"Name\":\"t\",\"HomeRegion\":\"us-west-2\",\"IsMultiRegionTrail\":true,\"KmsKeyId\":null,"
        + "\"LogFileValidationEnabled\":null,\"Status\":{\"IsLogging\":true},\"EventSelectors\":[{"
        + "\"IncludeManagementEvents\":true,\"ReadWriteType\":\"All\",\"DataResources\":[{\"Type\":\"AWS::S3::Object\","
        + "\"Values\":[\"arn:aws:s3\"]}]}]}"), "f#6");
    assertThat(r.region()).isEqualTo("us-west-2");
    assertThat(r.facts().string("kms_key")).isEmpty();
    assertThat(r.facts().bool("log_validation")).isFalse();
    assertThat(r.facts().bool("logging")).isTrue();
    assertThat(r.facts().bool("management_events")).isTrue();
    assertThat(r.facts().strings("s3_data_events")).containsExactly("arn:aws:s3");
  }

  @Test
  void map_cloudTrailMeta_readOnlyAdvancedSelectorIsNoManagementWrites() {
    Resource r = LOGGING.map("AWS.CloudTrail.Meta", json("{\"AccountId\":\"111122223333\",\"Trails\":[\"t\"],"
        + "\"GlobalAdvancedEventSelectors\":[{\"Name\":\"m\",\"FieldSelectors\":[{\"Field\":\"eventCategory\","
        + "\"Equals\":[\"Management\"]},{\"Field\":\"readOnly\",\"Equals\":[\"true\"]}]}]}"), "f#7");
    assertThat(r.kind()).isEqualTo("aws.cloudtrail.summary");
    assertThat(r.facts().bool("management_events")).isFalse();
    assertThat(r.facts().strings("trails")).containsExactly("t");
  }

  @Test
  void map_metaSnapshots_listRegions() {
    Resource gd = LOGGING.map("AWS.GuardDuty.Detector.Meta", json("{\"AccountId\":\"111122223333\",\"Region\":\"global\","
        + "\"Detectors\":[\"111122223333:us-west-2:AWS.GuardDuty.Detector\",\"111122223333:eu-central-1:AWS.GuardDuty.Detector\"]}"),
        "f#8");
    assertThat(gd.facts().strings("detector_regions")).containsExactly("eu-central-1", "us-west-2");
    Resource cfg = LOGGING.map("AWS.Config.Recorder.Meta", json("{\"AccountId\":\"111122223333\",\"Recorders\":null,"
        + "\"GlobalRecorderCount\":0}"), "f#9");
    assertThat(cfg.facts().strings("recorder_regions")).isEmpty();
    assertThat(cfg.facts().number("global_recorder_count")).isZero();
  }

  @Test
  void map_flatAndNestedRecorders_readTheSame() {
    String group = "\"RecordingGroup\":{\"AllSupported\":true,\"IncludeGlobalResourceTypes\":false}";
    String status = "\"Status\":{\"Recording\":true,\"Name\":\"default\"}";
    Resource flat = LOGGING.map("AWS.Config.Recorder", json("{\"Name\":\"default\"," + group
        + ",\"RoleARN\":\"arn:aws:iam::111122223333:role/c\",\"Region\":\"us-west-2\"," + status + "}"), "f#10");
    Resource nested = LOGGING.map("AWS.Config.Recorder", json("{\"Recorder\":{\"Name\":\"default\"," + group
        + ",\"RoleARN\":\"arn:aws:iam::111122223333:role/c\"},\"Region\":\"us-west-2\"," + status + "}"), "f#11");
    assertThat(flat.facts()).isEqualTo(nested.facts());
    assertThat(flat.id()).isEqualTo(nested.id()).contains("us-west-2:111122223333");
    assertThat(flat.facts().bool("recording")).isTrue();
  }

  @Test
  void map_detectorStatus() {
    Resource r = LOGGING.map("AWS.GuardDuty.Detector", json("{\"AccountId\":\"111122223333\",\"Region\":\"eu-central-1\","
        + "\"Id\":\"12a1\",\"Status\":\"DISABLED\"}"), "f#12");
    assertThat(r.id()).isEqualTo("arn:aws:guardduty:eu-central-1:111122223333:detector/12a1");
    assertThat(r.facts().bool("enabled")).isFalse();
  }

  @Test
  void map_kmsKeyWithPlaceholderPolicy_keepsOtherFacts() {
    Resource r = KMS.map("AWS.KMS.Key", json("{\"Arn\":\"arn:aws:kms:us-west-2:111122223333:key/k1\",\"KeyId\":\"k1\","
        + "\"KeyManager\":\"CUSTOMER\",\"KeyState\":\"Enabled\",\"KeyRotationEnabled\":null,\"Policy\":\"{JSON policy}\"}"),
        "f#13");
    assertThat(r.region()).isEqualTo("us-west-2");
    assertThat(r.facts().bool("rotation_enabled")).isFalse();
    assertThat(r.facts().has("policy")).isFalse();
    assertThat(r.facts().string("key_manager")).isEqualTo("CUSTOMER");
  }

  @Test
  void types_coverTheBriefedSnapshotTypes() {
    assertThat(IAM.types()).containsExactlyInAnyOrder("AWS.IAM.RootUser", "AWS.IAM.User", "AWS.IAM.Role",
        "AWS.IAM.Group", "AWS.IAM.Policy", "AWS.PasswordPolicy");
    assertThat(LOGGING.types()).hasSize(6);
    assertThat(KMS.types()).isEqualTo(java.util.Set.of("AWS.KMS.Key"));
    assertThat(List.of(IAM, LOGGING, KMS)).allSatisfy(m -> assertThat(m.types()).isNotEmpty());
  }
}
