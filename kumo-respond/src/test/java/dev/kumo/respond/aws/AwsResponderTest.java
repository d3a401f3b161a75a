package dev.kumo.respond.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Every step against WireMock speaking the real wire protocols: EC2 Query (form POST, XML with
 * {@code requestId}), IAM and STS Query (XML with {@code ResponseMetadata/RequestId}), S3 REST/XML and KMS
 * JSON 1.1.
 */
class AwsResponderTest {
  private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  private static final StaticCredentialsProvider CALLER =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));

  private WireMockServer server;
  private final List<Duration> sleeps = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private AwsSettings settings() {
    return AwsSettings.defaults(Region.US_EAST_1)
        .withEndpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRateLimit(1000, 100);
  }

  private AwsClients clients(AwsSettings settings) {
    return AwsClients.create(settings, CALLER, d -> {});
  }

  private AwsResponder responder(AwsClients clients) {
    return new AwsResponder(clients, sleeps::add, Duration.ofSeconds(15), 5);
  }

  // ---- stubs speaking the wire protocols

  private void ec2(String action, String inner, String requestId) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(ec2Ok(action, inner, requestId)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ec2Ok(
      String action, String inner, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NS + "\">"
            + "<requestId>" + requestId + "</requestId>" + inner + "</" + action + "Response>");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ec2Error(
      int status, String code, String requestId) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
            + "</Code><Message>" + code + " happened</Message></Error></Errors><RequestID>" + requestId
            + "</RequestID></Response>");
  }

  private void iam(String action, String requestId) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<ResponseMetadata><RequestId>" + requestId + "</RequestId></ResponseMetadata></"
                + action + "Response>")));
  }

  /** The lookup of earlier snapshots of the case (tag filters) finds none. */
  private void noEarlierSnapshots() {
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeSnapshots&"))
        .withRequestBody(containing("tag%3Akumo%3Acase"))
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet/>", "rid-lookup")));
  }

  private List<Map<String, String>> forms(String action) {
    List<LoggedRequest> requests = new ArrayList<>(server.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlMatching("/"))
            .withRequestBody(containing("Action=" + action + "&"))));
    requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    return requests.stream().map(AwsResponderTest::form).toList();
  }

  private static Map<String, String> form(LoggedRequest r) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static List<String> requestIds(List<CallRecord> calls) {
    return calls.stream().map(CallRecord::requestId).toList();
  }

  // ---- tests

  @Test
  void protectAndSnapshot_makeTheExactCallsInOrder_andReturnTheirRequestIds() {
    ec2("ModifyInstanceAttribute", "<return>true</return>", "rid-modify");
    ec2("CreateSnapshot", "<snapshotId>snap-1</snapshotId><volumeId>vol-1</volumeId><status>pending</status>"
        + "<startTime>2026-11-26T08:00:00.000Z</startTime>", "rid-create");
    noEarlierSnapshots();
    server.stubFor(post("/").withRequestBody(containing("Action=DescribeSnapshots&"))
        .inScenario("snap").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-1</snapshotId>"
            + "<status>pending</status><progress>40%</progress></item></snapshotSet>", "rid-poll-1")));
    server.stubFor(post("/").withRequestBody(containing("Action=DescribeSnapshots&"))
        .inScenario("snap").whenScenarioStateIs("done")
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-1</snapshotId>"
            + "<status>completed</status><progress>100%</progress></item></snapshotSet>", "rid-poll-2")));
    ec2("LockSnapshot", "<snapshotId>snap-1</snapshotId><lockState>compliance</lockState>"
        + "<lockDuration>30</lockDuration><lockExpiresOn>2026-12-26T08:00:00.000Z</lockExpiresOn>", "rid-lock");

    List<CallRecord> calls = new ArrayList<>();
    try (AwsClients clients = clients(settings())) {
      AwsResponder responder = responder(clients);
      calls.addAll(responder.enableTerminationProtection("i-0abc"));
      calls.addAll(responder.setStopOnShutdown("i-0abc"));
      calls.addAll(responder.snapshotVolumes(List.of("vol-1"), "case-7"));
      calls.addAll(responder.lockSnapshot("snap-1", 30));
    }

    assertThat(WireJournal.journal(server)).containsExactly("ModifyInstanceAttribute", "ModifyInstanceAttribute",
        "DescribeSnapshots", "CreateSnapshot", "DescribeSnapshots", "DescribeSnapshots", "LockSnapshot");
    assertThat(requestIds(calls)).containsExactly("rid-modify", "rid-modify", "rid-lookup", "rid-create", "rid-poll-2",
        "rid-lock");
    assertThat(forms("DescribeSnapshots").get(0)).containsEntry("Owner.1", "self")
        .containsEntry("Filter.1.Name", "tag:kumo:case").containsEntry("Filter.1.Value.1", "case-7")
        .containsEntry("Filter.2.Name", "tag:kumo:source-volume").containsEntry("Filter.2.Value.1", "vol-1");
    List<Map<String, String>> modify = forms("ModifyInstanceAttribute");
    assertThat(modify.get(0)).containsEntry("Version", "2016-11-15").containsEntry("InstanceId", "i-0abc")
        .containsEntry("DisableApiTermination.Value", "true");
    assertThat(modify.get(1)).containsEntry("InstanceInitiatedShutdownBehavior.Value", "stop");
    assertThat(forms("CreateSnapshot").get(0)).containsEntry("VolumeId", "vol-1")
        .containsEntry("TagSpecification.1.ResourceType", "snapshot")
        .containsEntry("TagSpecification.1.Tag.1.Key", "kumo:case")
        .containsEntry("TagSpecification.1.Tag.1.Value", "case-7");
    assertThat(forms("LockSnapshot").get(0)).containsEntry("SnapshotId", "snap-1")
        .containsEntry("LockMode", "compliance").containsEntry("LockDuration", "30");
    assertThat(calls.get(3).outcome()).containsEntry("snapshotId", "snap-1").containsEntry("volumeId", "vol-1");
    assertThat(calls.get(4).outcome()).containsEntry("states", "snap-1=completed").containsEntry("polls", "2")
        .containsEntry("snapshotIds", "snap-1");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(15));
  }

  @Test
  void describeInstanceState_recordsEveryReadAsJson_andNamesWhatLaterStepsNeed() {
    ec2("DescribeInstances", "<reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>"
        + "<instanceId>i-0abc</instanceId><imageId>ami-1</imageId><instanceState><code>16</code><name>running</name>"
        + "</instanceState><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId>"
        + "<groupSet><item><groupId>sg-web</groupId><groupName>web</groupName></item></groupSet>"
        + "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-1</volumeId>"
        + "<status>attached</status><deleteOnTermination>true</deleteOnTermination></ebs></item></blockDeviceMapping>"
        + "<iamInstanceProfile><arn>arn:aws:iam::111111111111:instance-profile/web</arn><id>AIPA1</id></iamInstanceProfile>"
        + "<networkInterfaceSet><item><networkInterfaceId>eni-1</networkInterfaceId>"
        + "<groupSet><item><groupId>sg-web</groupId><groupName>web</groupName></item></groupSet></item></networkInterfaceSet>"
        + "<tagSet><item><key>Name</key><value>web-1</value></item></tagSet>"
        + "<metadataOptions><httpTokens>optional</httpTokens><httpEndpoint>enabled</httpEndpoint></metadataOptions>"
        + "</item></instancesSet></item></reservationSet>", "rid-di");
    ec2("DescribeVolumes", "<volumeSet><item><volumeId>vol-1</volumeId><size>8</size></item></volumeSet>", "rid-dv");
    ec2("DescribeNetworkInterfaces", "<networkInterfaceSet><item><networkInterfaceId>eni-1</networkInterfaceId>"
        + "</item></networkInterfaceSet>", "rid-dn");
    ec2("DescribeSecurityGroups", "<securityGroupInfo><item><groupId>sg-web</groupId></item></securityGroupInfo>", "rid-ds");
    ec2("GetConsoleOutput", "<instanceId>i-0abc</instanceId><output>Ym9vdA==</output>", "rid-co");
    ec2("DescribeInstanceAttribute", "<instanceId>i-0abc</instanceId><userData><value>IyEvYmluL3No</value></userData>",
        "rid-ud");

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings())) {
      calls = responder(clients).describeInstanceState("i-0abc");
    }

    assertThat(WireJournal.journal(server)).containsExactly("DescribeInstances", "DescribeVolumes", "DescribeNetworkInterfaces",
        "DescribeSecurityGroups", "GetConsoleOutput", "DescribeInstanceAttribute");
    assertThat(requestIds(calls)).containsExactly("rid-di", "rid-dv", "rid-dn", "rid-ds", "rid-co", "rid-ud");
    assertThat(forms("DescribeInstanceAttribute").get(0)).containsEntry("Attribute", "userData");
    assertThat(calls.get(0).outcome()).containsEntry("vpcId", "vpc-1").containsEntry("subnetId", "subnet-1")
        .containsEntry("volumeIds", "vol-1").containsEntry("networkInterfaceIds", "eni-1")
        .containsEntry("securityGroupIds", "sg-web").containsEntry("state", "running")
        .containsEntry("instanceProfileArn", "arn:aws:iam::111111111111:instance-profile/web");
    assertThat(calls.get(0).outcome().get("json")).contains("\"HttpTokens\":\"optional\"").contains("\"Key\":\"Name\"");
    assertThat(calls.get(4).outcome().get("json")).contains("\"Output\":\"Ym9vdA==\"");
    assertThat(calls.get(5).outcome().get("json")).contains("IyEvYmluL3No");
  }

  @Test
  void isolateNetwork_putsTheEmptyGroupOnEveryEni_andDeniesEachAddressInTheAclBelowEveryRule() {
    server.stubFor(post("/").withRequestBody(containing("Action=CreateSecurityGroup&"))
        .willReturn(ec2Ok("CreateSecurityGroup", "<return>true</return><groupId>sg-iso</groupId>", "rid-sg-iso")));
    ec2("RevokeSecurityGroupEgress", "<return>true</return>", "rid-revoke");
    ec2("ModifyNetworkInterfaceAttribute", "<return>true</return>", "rid-eni");
    ec2("DescribeNetworkAcls", "<networkAclSet><item><networkAclId>acl-1</networkAclId><entrySet>"
        + "<item><ruleNumber>100</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction><egress>false</egress>"
        + "<cidrBlock>0.0.0.0/0</cidrBlock></item>"
        + "<item><ruleNumber>32767</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>true</egress>"
        + "<cidrBlock>0.0.0.0/0</cidrBlock></item>"
        + "<item><ruleNumber>98</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>false</egress>"
        + "<cidrBlock>10.0.1.6/32</cidrBlock></item></entrySet></item></networkAclSet>", "rid-acl");
    ec2("CreateNetworkAclEntry", "<return>true</return>", "rid-entry");

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings())) {
      calls = responder(clients).isolateNetwork("vpc-1", List.of("eni-1", "eni-2"), List.of("subnet-1"),
          List.of("10.0.1.5", "10.0.1.6"), "case-7");
    }

    assertThat(WireJournal.journal(server)).containsExactly("CreateSecurityGroup", "RevokeSecurityGroupEgress",
        "ModifyNetworkInterfaceAttribute", "ModifyNetworkInterfaceAttribute", "DescribeNetworkAcls",
        "CreateNetworkAclEntry", "CreateNetworkAclEntry", "CreateNetworkAclEntry");
    assertThat(forms("ModifyNetworkInterfaceAttribute")).extracting(f -> f.get("NetworkInterfaceId") + ":" + f.get("SecurityGroupId.1"))
        .containsExactly("eni-1:sg-iso", "eni-2:sg-iso");
    assertThat(forms("CreateSecurityGroup").get(0)).containsEntry("GroupName", "kumo-isolation-case-7")
        .containsEntry("VpcId", "vpc-1").containsEntry("TagSpecification.1.Tag.1.Value", "case-7");
    assertThat(forms("DescribeNetworkAcls").get(0)).containsEntry("Filter.1.Name", "association.subnet-id")
        .containsEntry("Filter.1.Value.1", "subnet-1");
    // ingress: below rule 98; 10.0.1.6 is already denied (a rerun); egress: no rule but the default, so below 100
    assertThat(forms("CreateNetworkAclEntry")).extracting(f -> f.get("Egress") + ":" + f.get("RuleNumber") + ":"
        + f.get("CidrBlock") + ":" + f.get("RuleAction") + ":" + f.get("Protocol"))
        .containsExactly("false:97:10.0.1.5/32:deny:-1", "true:99:10.0.1.5/32:deny:-1", "true:98:10.0.1.6/32:deny:-1");
    assertThat(requestIds(calls)).startsWith("rid-sg-iso", "rid-revoke", "rid-eni", "rid-eni", "rid-acl")
        .endsWith("rid-entry");
  }

  @Test
  void identitySteps_speakEc2AndIamQuery_andRevokeOnlyOlderSessions() {
    ec2("DescribeIamInstanceProfileAssociations", "<iamInstanceProfileAssociationSet><item>"
        + "<associationId>iip-assoc-1</associationId><instanceId>i-0abc</instanceId><state>associated</state>"
        + "<iamInstanceProfile><arn>arn:aws:iam::111111111111:instance-profile/web</arn><id>AIPA1</id></iamInstanceProfile>"
        + "</item></iamInstanceProfileAssociationSet>", "rid-assoc");
    ec2("DisassociateIamInstanceProfile", "<iamInstanceProfileAssociation><associationId>iip-assoc-1</associationId>"
        + "<state>disassociating</state></iamInstanceProfileAssociation>", "rid-disassoc");
    iam("PutRolePolicy", "rid-put");
    iam("UpdateAccessKey", "rid-key");

    List<CallRecord> calls = new ArrayList<>();
    try (AwsClients clients = clients(settings())) {
      AwsResponder responder = responder(clients);
      calls.addAll(responder.disassociateInstanceProfile("i-0abc"));
      calls.addAll(responder.revokeRoleSessions("web-role", Instant.parse("2026-11-26T08:00:00.123Z")));
      calls.addAll(responder.deactivateAccessKey("alice", "AKIALEAKED"));
    }

    assertThat(WireJournal.journal(server)).containsExactly("DescribeIamInstanceProfileAssociations", "DisassociateIamInstanceProfile",
        "PutRolePolicy", "UpdateAccessKey");
    assertThat(requestIds(calls)).containsExactly("rid-assoc", "rid-disassoc", "rid-put", "rid-key");
    assertThat(forms("DisassociateIamInstanceProfile").get(0)).containsEntry("AssociationId", "iip-assoc-1");
    Map<String, String> put = forms("PutRolePolicy").get(0);
    assertThat(put).containsEntry("Version", "2010-05-08").containsEntry("RoleName", "web-role")
        .containsEntry("PolicyName", "AWSRevokeOlderSessions");
    assertThat(put.get("PolicyDocument")).contains("\"Effect\":\"Deny\"")
        .contains("\"DateLessThan\":{\"aws:TokenIssueTime\":\"2026-11-26T08:00:00Z\"}");
    assertThat(forms("UpdateAccessKey").get(0)).containsEntry("UserName", "alice")
        .containsEntry("AccessKeyId", "AKIALEAKED").containsEntry("Status", "Inactive");
  }

  @Test
  void bucketSteps_speakS3RestXml() {
    server.stubFor(put(urlMatching("/victim-bucket\\?publicAccessBlock.*"))
        .willReturn(aResponse().withStatus(200).withHeader("x-amz-request-id", "rid-pab").withHeader("x-amz-id-2", "h")));
    server.stubFor(put(urlMatching("/victim-bucket\\?versioning.*"))
        .willReturn(aResponse().withStatus(200).withHeader("x-amz-request-id", "rid-ver").withHeader("x-amz-id-2", "h")));

    List<CallRecord> calls = new ArrayList<>();
    try (AwsClients clients = clients(settings())) {
      AwsResponder responder = responder(clients);
      calls.addAll(responder.blockPublicAccess("victim-bucket"));
      calls.addAll(responder.enableVersioning("victim-bucket"));
    }

    assertThat(WireJournal.journal(server)).hasSize(2);
    assertThat(WireJournal.journal(server).get(0)).startsWith("PUT /victim-bucket?publicAccessBlock");
    assertThat(WireJournal.journal(server).get(1)).startsWith("PUT /victim-bucket?versioning");
    assertThat(requestIds(calls)).containsExactly("rid-pab", "rid-ver");
    List<LoggedRequest> puts = new ArrayList<>(server.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(urlMatching(".*"))));
    puts.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    assertThat(puts.get(0).getBodyAsString()).contains("<BlockPublicAcls>true</BlockPublicAcls>")
        .contains("<IgnorePublicAcls>true</IgnorePublicAcls>").contains("<BlockPublicPolicy>true</BlockPublicPolicy>")
        .contains("<RestrictPublicBuckets>true</RestrictPublicBuckets>");
    assertThat(puts.get(1).getBodyAsString()).contains("<Status>Enabled</Status>");
  }

  @Test
  void copySnapshot_checksTheKmsKeyOverJson_thenCopiesReEncrypted() {
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withHeader("x-amzn-RequestId", "rid-kms")
            .withBody("{\"KeyMetadata\":{\"KeyId\":\"key-1\",\"Arn\":\"arn:aws:kms:us-east-1:222222222222:key/key-1\","
                + "\"KeyState\":\"Enabled\",\"Enabled\":true}}")));
    ec2("CopySnapshot", "<snapshotId>snap-copy</snapshotId>", "rid-copy");
    noEarlierSnapshots();

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings())) {
      calls = responder(clients).copySnapshot("snap-1", "eu-west-1", "key-1", "case-7");
    }

    assertThat(WireJournal.journal(server)).containsExactly("DescribeSnapshots", "TrentService.DescribeKey", "CopySnapshot");
    assertThat(requestIds(calls)).containsExactly("rid-lookup", "rid-kms", "rid-copy");
    assertThat(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlMatching("/"))
        .withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))).get(0).getBodyAsString())
        .isEqualTo("{\"KeyId\":\"key-1\"}");
    assertThat(forms("CopySnapshot").get(0)).containsEntry("SourceSnapshotId", "snap-1")
        .containsEntry("SourceRegion", "eu-west-1").containsEntry("Encrypted", "true").containsEntry("KmsKeyId", "key-1")
        .containsEntry("DestinationRegion", "us-east-1");
    assertThat(forms("CopySnapshot").get(0).get("PresignedUrl")).startsWith("https://ec2.eu-west-1.amazonaws.com")
        .contains("SourceSnapshotId=snap-1");
    assertThat(calls.get(2).outcome()).containsEntry("snapshotId", "snap-copy");
  }

  @Test
  void copySnapshot_withADisabledKey_copiesNothing() {
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withHeader("x-amzn-RequestId", "rid-kms")
            .withBody("{\"KeyMetadata\":{\"KeyId\":\"key-1\",\"KeyState\":\"PendingDeletion\",\"Enabled\":false}}")));
    noEarlierSnapshots();

    try (AwsClients clients = clients(settings())) {
      assertThatThrownBy(() -> responder(clients).copySnapshot("snap-1", "eu-west-1", "key-1", "case-7"))
          .isInstanceOfSatisfying(ResponseStepException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("KeyNotUsable");
            assertThat(e.requestId()).isEqualTo("rid-kms");
          });
    }
    assertThat(WireJournal.journal(server)).containsExactly("DescribeSnapshots", "TrentService.DescribeKey");
  }

  @Test
  void describeImage_readsCreationDateOwnerAndDeprecation() {
    ec2("DescribeImages", "<imagesSet><item><imageId>ami-good</imageId><imageOwnerId>123456789012</imageOwnerId>"
        + "<imageState>available</imageState><creationDate>2026-10-01T12:00:00.000Z</creationDate>"
        + "<deprecationTime>2028-10-01T12:00:00.000Z</deprecationTime><name>golden-web</name></item></imagesSet>",
        "rid-img");

    ImageFacts image;
    try (AwsClients clients = clients(settings())) {
      image = responder(clients).describeImage("ami-good");
    }

    assertThat(image.creationDate()).isEqualTo(Instant.parse("2026-10-01T12:00:00Z"));
    assertThat(image.ownerId()).isEqualTo("123456789012");
    assertThat(image.state()).isEqualTo("available");
    assertThat(image.deprecationTime()).isEqualTo(Instant.parse("2028-10-01T12:00:00Z"));
    assertThat(image.name()).isEqualTo("golden-web");
    assertThat(requestIds(image.calls())).containsExactly("rid-img");
    assertThat(forms("DescribeImages").get(0)).containsEntry("ImageId.1", "ami-good");
  }

  @Test
  void runInstancesFromImage_launchesOneFromTheTemplate_withTheIdempotencyToken() {
    ec2("RunInstances", "<reservationId>r-2</reservationId><instancesSet><item><instanceId>i-0new</instanceId>"
        + "<imageId>ami-good</imageId></item></instancesSet>", "rid-run");

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings())) {
      calls = responder(clients).runInstancesFromImage(
          new Redeploy("lt-1", "$Default", "ami-good", null, null, List.of(), "case-7-i-0abc", "case-7"));
    }

    assertThat(WireJournal.journal(server)).containsExactly("RunInstances");
    assertThat(forms("RunInstances").get(0)).containsEntry("MinCount", "1").containsEntry("MaxCount", "1")
        .containsEntry("ClientToken", "case-7-i-0abc").containsEntry("LaunchTemplate.LaunchTemplateId", "lt-1")
        .containsEntry("ImageId", "ami-good");
    assertThat(calls.get(0).outcome()).containsEntry("instanceId", "i-0new");
    assertThat(requestIds(calls)).containsExactly("rid-run");
  }

  @Test
  void createSnapshotFailingWith500_afterEveryRetry_throwsNamingTheCallAndRequestId() {
    server.stubFor(post("/").withRequestBody(containing("Action=CreateSnapshot&"))
        .willReturn(ec2Error(500, "InternalError", "rid-500")));
    noEarlierSnapshots();

    try (AwsClients clients = clients(settings())) {
      assertThatThrownBy(() -> responder(clients).snapshotVolumes(List.of("vol-1"), "case-7"))
          .isInstanceOfSatisfying(ResponseStepException.class, e -> {
            assertThat(e.service()).isEqualTo("ec2");
            assertThat(e.operation()).isEqualTo("CreateSnapshot");
            assertThat(e.errorCode()).isEqualTo("InternalError");
            assertThat(e.requestId()).isEqualTo("rid-500");
            assertThat(e.getMessage()).contains("ec2 CreateSnapshot failed: InternalError (request id rid-500)");
          });
    }
    assertThat(WireJournal.journal(server)).containsExactly("DescribeSnapshots", "CreateSnapshot", "CreateSnapshot", "CreateSnapshot");
  }

  @Test
  void throttledCall_isRetriedWithBackoff_thenSucceeds() {
    server.stubFor(post("/").withRequestBody(containing("Action=CreateTags&"))
        .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
        .willReturn(ec2Error(400, "RequestLimitExceeded", "rid-throttled")));
    server.stubFor(post("/").withRequestBody(containing("Action=CreateTags&"))
        .inScenario("throttle").whenScenarioStateIs("calm")
        .willReturn(ec2Ok("CreateTags", "<return>true</return>", "rid-tags")));

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings())) {
      calls = responder(clients).tagResources(List.of("i-0abc", "vol-1"), "case-7");
    }

    assertThat(WireJournal.journal(server)).containsExactly("CreateTags", "CreateTags");
    assertThat(requestIds(calls)).containsExactly("rid-tags");
    assertThat(forms("CreateTags").get(1)).containsEntry("ResourceId.1", "i-0abc").containsEntry("ResourceId.2", "vol-1")
        .containsEntry("Tag.1.Key", "kumo:case").containsEntry("Tag.1.Value", "case-7");
  }

  @Test
  void assumedForensicRole_signsEveryCallWithTheRolesCredentials() {
    server.stubFor(post("/").withRequestBody(containing("Action=AssumeRole&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<Credentials><AccessKeyId>ASIAFORENSIC</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey>"
                + "<SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/forensic/kumo-respond</Arn>"
                + "<AssumedRoleId>AROA1:kumo-respond</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>rid-assume</RequestId></ResponseMetadata></AssumeRoleResponse>")));
    server.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:sts::222222222222:assumed-role/forensic/kumo-respond</Arn>"
                + "<UserId>AROA1:kumo-respond</UserId><Account>222222222222</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>rid-who</RequestId></ResponseMetadata></GetCallerIdentityResponse>")));

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings().withAssumeRole("arn:aws:iam::222222222222:role/forensic", "ext-1"))) {
      calls = responder(clients).callerIdentity();
    }

    assertThat(WireJournal.journal(server)).containsExactly("AssumeRole", "GetCallerIdentity");
    assertThat(forms("AssumeRole").get(0)).containsEntry("RoleArn", "arn:aws:iam::222222222222:role/forensic")
        .containsEntry("RoleSessionName", "kumo-respond").containsEntry("ExternalId", "ext-1");
    List<LoggedRequest> requests = new ArrayList<>(server.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlMatching("/"))));
    requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    assertThat(requests.get(0).getHeader("Authorization")).contains("Credential=AKIDEXAMPLE/");
    assertThat(requests.get(1).getHeader("Authorization")).contains("Credential=ASIAFORENSIC/");
    assertThat(requests.get(1).getHeader("X-Amz-Security-Token")).isEqualTo("token");
    assertThat(calls.get(0).outcome()).containsEntry("account", "222222222222");
    assertThat(requestIds(calls)).containsExactly("rid-who");
  }

  @Test
  void snapshotVolumes_rerunAfterACrash_reusesTheCasesSnapshot_andSnapshotsOnlyTheOtherVolume() {
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeSnapshots&"))
        .withRequestBody(containing("tag%3Akumo%3Acase"))
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-old</snapshotId>"
            + "<status>pending</status><tagSet><item><key>kumo:case</key><value>case-7</value></item>"
            + "<item><key>kumo:source-volume</key><value>vol-1</value></item></tagSet></item></snapshotSet>",
            "rid-lookup")));
    ec2("CreateSnapshot", "<snapshotId>snap-2</snapshotId><volumeId>vol-2</volumeId><status>pending</status>",
        "rid-create");
    ec2("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-old</snapshotId><status>completed</status></item>"
        + "<item><snapshotId>snap-2</snapshotId><status>completed</status></item></snapshotSet>", "rid-poll");

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings())) {
      calls = responder(clients).snapshotVolumes(List.of("vol-1", "vol-2"), "case-7");
    }

    assertThat(WireJournal.journal(server)).containsExactly("DescribeSnapshots", "CreateSnapshot", "DescribeSnapshots");
    assertThat(forms("CreateSnapshot")).extracting(f -> f.get("VolumeId")).containsExactly("vol-2");
    assertThat(calls.get(0).outcome()).containsEntry("reused", "vol-1=snap-old");
    assertThat(calls.get(2).outcome()).containsEntry("snapshotIds", "snap-old,snap-2");
  }

  @Test
  void snapshotInErrorState_throwsSnapshotError_withTheDescribeRequestId() {
    ec2("CreateSnapshot", "<snapshotId>snap-1</snapshotId><volumeId>vol-1</volumeId><status>pending</status>", "rid-create");
    ec2("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-1</snapshotId><status>error</status>"
        + "<statusMessage>internal failure</statusMessage></item></snapshotSet>", "rid-poll");

    try (AwsClients clients = clients(settings())) {
      assertThatThrownBy(() -> responder(clients).snapshotVolumes(List.of("vol-1"), "case-7"))
          .isInstanceOfSatisfying(ResponseStepException.class, e -> {
            assertThat(e.operation()).isEqualTo("DescribeSnapshots");
            assertThat(e.errorCode()).isEqualTo("SnapshotError");
            assertThat(e.requestId()).isEqualTo("rid-poll");
            assertThat(e.getMessage()).contains("snap-1 internal failure");
          });
    }
    assertThat(sleeps).isEmpty();
  }

  @Test
  void keepVolumesOnTermination_clearsDeleteOnTerminationPerDevice() {
    ec2("ModifyInstanceAttribute", "<return>true</return>", "rid-modify");

    List<CallRecord> calls;
    try (AwsClients clients = clients(settings())) {
      calls = responder(clients).keepVolumesOnTermination("i-0abc", List.of("/dev/xvda"));
    }

    assertThat(forms("ModifyInstanceAttribute").get(0)).containsEntry("BlockDeviceMapping.1.DeviceName", "/dev/xvda")
        .containsEntry("BlockDeviceMapping.1.Ebs.DeleteOnTermination", "false");
    assertThat(requestIds(calls)).containsExactly("rid-modify");
  }
}
