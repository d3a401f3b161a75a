package dev.kumo.respond.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** StorageAndIdentityResponder against WireMock speaking S3 REST/XML, IAM and STS Query/XML and EC2 Query. */
class StorageAndIdentityResponderTest {
  private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  private static final StaticCredentialsProvider CALLER =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
  private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");

  private WireMockServer server;
  private AwsClients clients;
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    clients = AwsClients.create(AwsSettings.defaults(Region.US_EAST_1)
        .withEndpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRateLimit(1000, 100), CALLER, d -> {});
  }

  @AfterEach
  void stop() {
    clients.close();
    server.stop();
  }

  private StorageAndIdentityResponder responder(int maxRestore) {
    return new StorageAndIdentityResponder(clients, sleeps::add, Duration.ofSeconds(10), 3, maxRestore);
  }

  // ---- S3

  @Test
  void tagBucket_keepsTheOwnersTags_andAddsTheCase() {
    server.stubFor(get(urlMatching("/b1\\?tagging.*")).willReturn(s3Ok("<Tagging><TagSet><Tag><Key>owner</Key>"
        + "<Value>data-team</Value></Tag><Tag><Key>cost</Key><Value>42</Value></Tag></TagSet></Tagging>", "rid-get")));
    server.stubFor(put(urlMatching("/b1\\?tagging.*")).willReturn(s3Ok("", "rid-put")));

    List<CallRecord> calls = responder(10).tagBucket("b1", "case-7");

    assertThat(calls).extracting(c -> c.operation() + " " + c.requestId())
        .containsExactly("GetBucketTagging rid-get", "PutBucketTagging rid-put");
    assertThat(calls.get(1).outcome()).containsEntry("before", "owner=data-team,cost=42")
        .containsEntry("after", "owner=data-team,cost=42,kumo:case=case-7");
    assertThat(body("PUT", "/b1?tagging")).contains("<Key>owner</Key><Value>data-team</Value>")
        .contains("<Key>cost</Key><Value>42</Value>").contains("<Key>kumo:case</Key><Value>case-7</Value>");
  }

  @Test
  void tagBucket_withoutTags_putsTheCaseTagOnly() {
    server.stubFor(get(urlMatching("/b1\\?tagging.*")).willReturn(s3Error(404, "NoSuchTagSet", "rid-get")));
    server.stubFor(put(urlMatching("/b1\\?tagging.*")).willReturn(s3Ok("", "rid-put")));

    List<CallRecord> calls = responder(10).tagBucket("b1", "case-7");

    assertThat(calls.get(0).outcome()).containsEntry("error", "NoSuchTagSet");
    assertThat(calls.get(0).requestId()).isEqualTo("rid-get");
    assertThat(calls.get(1).outcome()).containsEntry("after", "kumo:case=case-7");
  }

  @Test
  void protectBucket_mergesTheDenyIntoTheExistingPolicy_exemptingTheResponder_andRecordsTheOriginal() {
    sts("arn:aws:sts::111122223333:assumed-role/responder/alice");
    String original = "{\"Version\":\"2012-10-17\",\"Id\":\"owner\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":"
        + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"arn:aws:s3:::b1/*\"},{\"Sid\":\"KumoCaseProtect\",\"Effect\":\"Deny\"}]}";
    server.stubFor(get(urlMatching("/b1\\?policy.*")).willReturn(s3Ok(original, "rid-get-policy")));
    server.stubFor(put(urlMatching("/b1\\?policy.*")).willReturn(s3Ok("", "rid-put-policy").withStatus(204)));

    List<CallRecord> calls = responder(10).protectBucket("b1");

    assertThat(calls).extracting(c -> c.operation() + " " + c.requestId()).containsExactly(
        "GetCallerIdentity rid-sts", "GetBucketPolicy rid-get-policy", "PutBucketPolicy rid-put-policy");
    assertThat(calls.get(1).outcome()).containsEntry("json", original);
    String put = body("PUT", "/b1?policy");
    assertThat(put).startsWith("{\"Version\":\"2012-10-17\",\"Id\":\"owner\",\"Statement\":[{\"Sid\":\"Read\"")
        .contains("arn:aws:iam::444455556666:root")
        .contains("\"Action\":[\"s3:DeleteObject\",\"s3:DeleteObjectVersion\",\"s3:PutLifecycleConfiguration\","
            + "\"s3:PutBucketVersioning\",\"s3:PutBucketPolicy\",\"s3:DeleteBucketPolicy\"]")
        .contains("\"Resource\":[\"arn:aws:s3:::b1\",\"arn:aws:s3:::b1/*\"]")
        .contains("\"ArnNotLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::111122223333:role/responder\","
            + "\"arn:aws:iam::111122223333:role/*/responder\"]}");
    assertThat(put.split("KumoCaseProtect", -1)).as("the earlier Kumo statement is replaced").hasSize(2);
  }

  @Test
  void protectBucket_withoutPolicy_writesTheDenyAlone() {
    sts("arn:aws:iam::111122223333:user/alice");
    server.stubFor(get(urlMatching("/b1\\?policy.*")).willReturn(s3Error(404, "NoSuchBucketPolicy", "rid-none")));
    server.stubFor(put(urlMatching("/b1\\?policy.*")).willReturn(s3Ok("", "rid-put-policy").withStatus(204)));

    List<CallRecord> calls = responder(10).protectBucket("b1");

    assertThat(calls.get(1).outcome()).containsEntry("configured", "false");
    assertThat(body("PUT", "/b1?policy")).startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
        + "\"KumoCaseProtect\"").contains("[\"arn:aws:iam::111122223333:user/alice\"]");
  }

  @Test
  void versioningAndLock_setsTheRetention() {
    server.stubFor(put(urlMatching("/b1\\?versioning.*")).willReturn(s3Ok("", "rid-v")));
    server.stubFor(put(urlMatching("/b1\\?object-lock.*")).willReturn(s3Ok("", "rid-l")));

    List<CallRecord> calls = responder(10).enableVersioningAndObjectLock("b1", "COMPLIANCE", 7);

    assertThat(calls.get(1).outcome()).containsEntry("objectLock", "enabled").containsEntry("days", "7");
    assertThat(body("PUT", "/b1?object-lock")).contains("<ObjectLockEnabled>Enabled</ObjectLockEnabled>")
        .contains("<Mode>COMPLIANCE</Mode>").contains("<Days>7</Days>");
  }

  @Test
  void versioningAndLock_bucketRefusingObjectLock_recordsTheRefusal_afterVersioningIsOn() {
    server.stubFor(put(urlMatching("/b1\\?versioning.*")).willReturn(s3Ok("", "rid-v")));
    server.stubFor(put(urlMatching("/b1\\?object-lock.*")).willReturn(s3Error(409, "InvalidBucketState", "rid-l")));

    List<CallRecord> calls = responder(10).enableVersioningAndObjectLock("b1", "GOVERNANCE", 30);

    assertThat(calls).extracting(CallRecord::operation)
        .containsExactly("PutBucketVersioning", "PutObjectLockConfiguration");
    assertThat(calls.get(1).outcome()).containsEntry("objectLock", "unavailable")
        .containsEntry("error", "InvalidBucketState");
    assertThat(calls.get(1).requestId()).isEqualTo("rid-l");
  }

  @Test
  void versioningAndLock_otherError_failsNamingTheVersioningAlreadyDone() {
    server.stubFor(put(urlMatching("/b1\\?versioning.*")).willReturn(s3Ok("", "rid-v")));
    server.stubFor(put(urlMatching("/b1\\?object-lock.*")).willReturn(s3Error(403, "AccessDenied", "rid-l")));

    assertThatThrownBy(() -> responder(10).enableVersioningAndObjectLock("b1", "GOVERNANCE", 30))
        .isInstanceOf(ResponseStepException.class).hasMessageContaining("AccessDenied")
        .hasMessageContaining("PutBucketVersioning succeeded, request id rid-v");
  }

  @Test
  void restore_readsEveryPage_copiesTheLastGoodVersion_andSkipsKeysAlreadyRestored() {
    server.stubFor(get(urlMatching("/b1\\?versions.*")).atPriority(2).willReturn(s3Ok(versions(true,
        version("a.txt", "a3", "2026-11-21", "enc", true) + version("a.txt", "a2", "2026-11-10", "good-a", false)
            + version("b.txt", "b2", "2026-11-21", "good-b", true)), "rid-page-1")));
    server.stubFor(get(urlMatching("/b1\\?versions.*key-marker=b.txt.*")).atPriority(1).willReturn(s3Ok(versions(false,
        version("b.txt", "b1", "2026-11-01", "good-b", false)
            + version("k y+&.txt", "k2", "2026-11-23", "enc", true)
            + version("k y+&.txt", "k1", "2026-11-02", "good-k", false)), "rid-page-2")));
    server.stubFor(put(urlMatching("/b1/.*")).willReturn(s3Ok("<CopyObjectResult><ETag>\"x\"</ETag>"
        + "</CopyObjectResult>", "rid-copy").withHeader("x-amz-version-id", "new")));

    List<CallRecord> calls = responder(10).restoreObjectVersions("b1", START);

    assertThat(calls).extracting(c -> c.operation() + " " + c.requestId()).containsExactly(
        "ListObjectVersions rid-page-1", "ListObjectVersions rid-page-2", "CopyObject rid-copy", "CopyObject rid-copy");
    assertThat(calls.get(1).outcome()).containsEntry("alreadyRestored", "b.txt").containsEntry("toRestore", "2");
    assertThat(calls.get(2).outcome()).containsEntry("key", "a.txt").containsEntry("sourceVersionId", "a2")
        .containsEntry("versionId", "new");
    assertThat(calls.get(3).outcome()).containsEntry("key", "k y+&.txt").containsEntry("sourceVersionId", "k1");
    assertThat(WireJournal.requests(server)).filteredOn(r -> r.getMethod().getName().equals("PUT"))
        .extracting(r -> java.net.URLDecoder.decode(r.getHeader("x-amz-copy-source"),
            java.nio.charset.StandardCharsets.UTF_8))
        .containsExactly("b1/a.txt?versionId=a2", "b1/k y+&.txt?versionId=k1");
    assertThat(WireJournal.requests(server)).noneMatch(r -> r.getMethod().getName().equals("DELETE"));
  }

  @Test
  void restore_moreObjectsThanTheLimit_copiesNothing_andSaysSo() {
    server.stubFor(get(urlMatching("/b1\\?versions.*")).willReturn(s3Ok(versions(false,
        version("a.txt", "a2", "2026-11-21", "enc", true) + version("a.txt", "a1", "2026-11-01", "g", false)
            + version("b.txt", "b2", "2026-11-21", "enc", true) + version("b.txt", "b1", "2026-11-01", "g", false)),
        "rid-list")));

    assertThatThrownBy(() -> responder(1).restoreObjectVersions("b1", START))
        .isInstanceOf(ResponseStepException.class)
        .hasMessageContaining("TooManyObjects").hasMessageContaining("2 objects to restore, more than the limit of 1")
        .hasMessageContaining("nothing was copied");
    server.verify(0, putRequestedFor(urlMatching(".*")));
  }

  // ---- IAM

  @Test
  void describeRole_recordsTheRoleItsPoliciesEachInlineDocument_andItsProfiles() {
    iam("GetRole", "<Role><RoleName>web</RoleName><Arn>arn:aws:iam::111122223333:role/web</Arn><RoleId>AROA1</RoleId>"
        + "<Path>/</Path><CreateDate>2026-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>%7B%7D"
        + "</AssumeRolePolicyDocument></Role>");
    iam("ListAttachedRolePolicies", "<AttachedPolicies><member><PolicyName>ro</PolicyName><PolicyArn>arn:aws:iam::aws:"
        + "policy/ReadOnlyAccess</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>");
    iam("ListRolePolicies", "<PolicyNames><member>inline-1</member><member>inline-2</member></PolicyNames>"
        + "<IsTruncated>false</IsTruncated>");
    iam("GetRolePolicy", "<RoleName>web</RoleName><PolicyName>inline-1</PolicyName><PolicyDocument>%7B%7D"
        + "</PolicyDocument>");
    iam("ListInstanceProfilesForRole", "<InstanceProfiles/><IsTruncated>false</IsTruncated>");

    List<CallRecord> calls = responder(10).describeRole("web");

    assertThat(calls).extracting(CallRecord::operation).containsExactly("GetRole", "ListAttachedRolePolicies",
        "ListRolePolicies", "GetRolePolicy", "GetRolePolicy", "ListInstanceProfilesForRole");
    assertThat(calls.get(0).outcome()).containsEntry("roleArn", "arn:aws:iam::111122223333:role/web")
        .containsKey("json");
    assertThat(calls).allMatch(c -> c.requestId().startsWith("rid-") && c.outcome().containsKey("json"));
    assertThat(forms("GetRolePolicy")).anyMatch(f -> f.contains("PolicyName=inline-2"));
  }

  @Test
  void roleOfInstanceProfile_asksByTheProfileName_andNamesItsRole() {
    iam("GetInstanceProfile", "<InstanceProfile><InstanceProfileName>web-profile</InstanceProfileName>"
        + "<InstanceProfileId>AIPA1</InstanceProfileId><Path>/app/</Path><Arn>arn:aws:iam::111122223333:"
        + "instance-profile/app/web-profile</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate><Roles><member>"
        + "<RoleName>web</RoleName><Arn>arn:aws:iam::111122223333:role/web</Arn><RoleId>AROA1</RoleId><Path>/</Path>"
        + "<CreateDate>2026-01-01T00:00:00Z</CreateDate></member></Roles></InstanceProfile>");

    List<CallRecord> calls = responder(10).roleOfInstanceProfile("arn:aws:iam::111122223333:instance-profile/app/web-profile");

    assertThat(calls.get(0).outcome()).containsEntry("roleName", "web")
        .containsEntry("instanceProfileName", "web-profile");
    assertThat(forms("GetInstanceProfile").get(0)).contains("InstanceProfileName=web-profile");
  }

  // ---- EC2

  @Test
  void awaitHealth_pollsThroughTheSleeper_untilBothChecksAreOk() {
    String scenario = "health";
    server.stubFor(post("/").inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .withRequestBody(containing("Action=DescribeInstanceStatus&"))
        .willReturn(ec2Ok("DescribeInstanceStatus", status("initializing"), "rid-1")).willSetStateTo("ok"));
    server.stubFor(post("/").inScenario(scenario).whenScenarioStateIs("ok")
        .withRequestBody(containing("Action=DescribeInstanceStatus&"))
        .willReturn(ec2Ok("DescribeInstanceStatus", status("ok"), "rid-2")));

    List<CallRecord> calls = responder(10).awaitHealth("i-0new");

    assertThat(calls).extracting(c -> c.requestId() + " " + c.outcome().get("healthy"))
        .containsExactly("rid-1 false", "rid-2 true");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void awaitHealth_neverOk_stopsAfterTheLastPoll() {
    server.stubFor(post("/").withRequestBody(containing("Action=DescribeInstanceStatus&"))
        .willReturn(ec2Ok("DescribeInstanceStatus", status("impaired"), "rid-x")));

    List<CallRecord> calls = responder(10).awaitHealth("i-0new");

    assertThat(calls).hasSize(3).last().satisfies(c -> assertThat(c.outcome()).containsEntry("healthy", "false")
        .containsEntry("instanceStatus", "impaired"));
    assertThat(sleeps).hasSize(2);
  }

  // ---- wire fixtures

  private static String status(String check) {
    return "<instanceStatusSet><item><instanceId>i-0new</instanceId><instanceState><code>16</code><name>running"
        + "</name></instanceState><systemStatus><status>ok</status></systemStatus><instanceStatus><status>" + check
        + "</status></instanceStatus></item></instanceStatusSet>";
  }

  private static String versions(boolean truncated, String inner) {
    return "<ListVersionsResult><Name>b1</Name><IsTruncated>" + truncated + "</IsTruncated>"
        + (truncated ? "<NextKeyMarker>b.txt</NextKeyMarker><NextVersionIdMarker>b2</NextVersionIdMarker>" : "")
        + inner + "</ListVersionsResult>";
  }

  private static String version(String key, String id, String day, String etag, boolean latest) {
    return "<Version><Key>" + key.replace("&", "&amp;") + "</Key><VersionId>" + id + "</VersionId><IsLatest>" + latest
        + "</IsLatest><LastModified>" + day + "T00:00:00.000Z</LastModified><ETag>&quot;" + etag + "&quot;</ETag>"
        + "<Size>3</Size><StorageClass>STANDARD</StorageClass></Version>";
  }

  private void sts(String arn) {
    server.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>" + arn + "</Arn><UserId>AROA1:alice</UserId><Account>111122223333"
                + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>rid-sts</RequestId>"
                + "</ResponseMetadata></GetCallerIdentityResponse>")));
  }

  private void iam(String action, String result) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action
                + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>rid-" + action
                + "</RequestId></ResponseMetadata></" + action + "Response>")));
  }

  private static ResponseDefinitionBuilder ec2Ok(String action, String inner, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NS + "\">"
            + "<requestId>" + requestId + "</requestId>" + inner + "</" + action + "Response>");
  }

  private static ResponseDefinitionBuilder s3Ok(String body, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
        .withHeader("x-amz-request-id", requestId).withHeader("x-amz-id-2", "h").withBody(body);
  }

  private static ResponseDefinitionBuilder s3Error(int status, String code, String requestId) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
        .withHeader("x-amz-request-id", requestId).withHeader("x-amz-id-2", "h")
        .withBody("<Error><Code>" + code + "</Code><Message>" + code + " says no</Message><RequestId>" + requestId
            + "</RequestId></Error>");
  }

  private String body(String method, String urlPrefix) {
    return WireJournal.requests(server).stream().filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(urlPrefix))
        .map(LoggedRequest::getBodyAsString).findFirst().orElseThrow();
  }

  private List<String> forms(String action) {
    return WireJournal.requests(server).stream().map(LoggedRequest::getBodyAsString).filter(b -> b.startsWith("Action=" + action + "&"))
        .toList();
  }
}
