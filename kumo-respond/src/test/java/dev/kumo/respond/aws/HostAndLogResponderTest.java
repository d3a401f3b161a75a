package dev.kumo.respond.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The host and log steps against WireMock speaking the real protocols: CloudTrail, SSM and KMS JSON 1.1 ({@code
 * X-Amz-Target}), EC2 Query, Auto Scaling and ELBv2 Query/XML.
 */
class HostAndLogResponderTest {
  static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  static final String ASG_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
  static final String ELB_NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
  static final String CLOUDTRAIL_TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
  static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
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

  // ---- CloudTrail

  @Test
  void lookupEvents_followsNextToken_andCollectsEveryEvent() {
    cloudTrailPages();

    HostAndLogResponder.Collected got = run(h -> h.lookupEvents("ResourceName", "i-0abc1234",
        Instant.parse("2026-11-20T00:00:00Z"), 100));

    assertThat(got.count()).isEqualTo(3);
    assertThat(got.truncated()).isFalse();
    assertThat(got.json()).startsWith("[").contains("\"EventId\":\"e1\"", "\"EventId\":\"e3\"");
    assertThat(got.calls()).extracting(CallRecord::requestId).containsExactly("rid-ct-1", "rid-ct-2");
    assertThat(WireJournal.journal(server)).containsExactly(CLOUDTRAIL_TARGET + "LookupEvents", CLOUDTRAIL_TARGET + "LookupEvents");
    String first = WireJournal.requests(server).get(0).getBodyAsString();
    assertThat(first).contains("\"AttributeKey\":\"ResourceName\"", "\"AttributeValue\":\"i-0abc1234\"",
        "\"StartTime\":1795132800");
    assertThat(WireJournal.requests(server).get(1).getBodyAsString()).contains("\"NextToken\":\"t2\"");
  }

  @Test
  void lookupEvents_moreThanTheLimit_cutsAndSaysSo() {
    cloudTrailPages();

    HostAndLogResponder.Collected got = run(h -> h.lookupEvents("Username", "web", Instant.EPOCH, 2));

    assertThat(got.count()).isEqualTo(2);
    assertThat(got.truncated()).isTrue();
    assertThat(WireJournal.journal(server)).hasSize(1);
  }

  // ---- SSM memory capture

  @Test
  void captureMemory_pollsThroughTheSleeperUntilSuccess_andRecordsTheHashTheInstancePrinted() {
    ssm("SendCommand", "{\"Command\":{\"CommandId\":\"cmd-1\",\"DocumentName\":\"AWS-RunShellScript\"}}", "rid-send");
    invocations("Success", "rid-done");

    List<CallRecord> calls = run(h -> h.captureMemory("i-0abc1234", "evidence-bkt", "case-7/i-0abc1234.lime",
        "case-7", Duration.ofHours(1)));

    assertThat(WireJournal.journal(server)).containsExactly("AmazonSSM.SendCommand", "AmazonSSM.GetCommandInvocation",
        "AmazonSSM.GetCommandInvocation", "AmazonSSM.GetCommandInvocation");
    assertThat(sleeps).hasSize(2);
    String send = WireJournal.requests(server).get(0).getBodyAsString();
    assertThat(send).contains("\"DocumentName\":\"AWS-RunShellScript\"", "\"InstanceIds\":[\"i-0abc1234\"]",
        "\"avml /dev/shm/kumo.lime\"", "\"sha256sum /dev/shm/kumo.lime\"", "curl --fail",
        "/evidence-bkt/case-7/i-0abc1234.lime?", "X-Amz-Signature=");
    CallRecord last = calls.get(calls.size() - 1);
    assertThat(calls).extracting(CallRecord::operation).containsExactly("SendCommand", "GetCommandInvocation");
    assertThat(calls.get(0).outcome()).containsEntry("commandId", "cmd-1");
    assertThat(calls.get(0).outcome().get("commands")).contains("<signature not recorded>")
        .doesNotContain("X-Amz-Signature");
    assertThat(last.outcome()).containsEntry("status", "Success").containsEntry("sha256", HASH)
        .containsEntry("location", "s3://evidence-bkt/case-7/i-0abc1234.lime");
    assertThat(last.requestId()).isEqualTo("rid-done");
  }

  @Test
  void captureMemory_commandFailed_throwsMemoryCaptureFailed() {
    ssm("SendCommand", "{\"Command\":{\"CommandId\":\"cmd-1\"}}", "rid-send");
    invocations("Failed", "rid-failed");

    assertThatThrownBy(() -> run(h -> h.captureMemory("i-0abc1234", "evidence-bkt", "k.lime", "case-7",
        Duration.ofHours(1))))
        .isInstanceOfSatisfying(ResponseStepException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("MemoryCaptureFailed");
          assertThat(e.requestId()).isEqualTo("rid-failed");
          assertThat(e.getMessage()).contains("cmd-1", "Failed", "avml: cannot open /dev/crash");
        });
  }

  // ---- out of service

  @Test
  void removeFromService_entersStandbyWithoutLoweringCapacity_andDeregistersFromItsTargetGroups() {
    asgInService();
    elbWithOneRegistration();

    List<CallRecord> calls = run(h -> h.removeFromService("i-0abc1234"));

    assertThat(WireJournal.journal(server)).containsExactly("DescribeAutoScalingInstances", "EnterStandby", "DescribeTargetGroups",
        "DescribeTargetHealth", "DeregisterTargets");
    assertThat(body("EnterStandby")).contains("AutoScalingGroupName=web-asg", "ShouldDecrementDesiredCapacity=false",
        "InstanceIds.member.1=i-0abc1234");
    assertThat(body("DeregisterTargets")).contains("Targets.member.1.Id=i-0abc1234", "Targets.member.1.Port=80");
    assertThat(calls).extracting(CallRecord::requestId).containsExactly("rid-DescribeAutoScalingInstances",
        "rid-EnterStandby", "rid-DescribeTargetGroups", "rid-DescribeTargetHealth", "rid-DeregisterTargets");
    assertThat(calls.get(4).outcome()).containsEntry("port", "80")
        .containsEntry("targetGroup", "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1");
  }

  @Test
  void removeFromService_alreadyInStandbyAndUnused_changesNothing() {
    query("DescribeAutoScalingInstances", ASG_NS, "<AutoScalingInstances><member><InstanceId>i-0abc1234</InstanceId>"
        + "<AutoScalingGroupName>web-asg</AutoScalingGroupName><LifecycleState>Standby</LifecycleState>"
        + "<HealthStatus>HEALTHY</HealthStatus><AvailabilityZone>us-east-1a</AvailabilityZone>"
        + "<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></AutoScalingInstances>");
    query("DescribeTargetGroups", ELB_NS, "<TargetGroups>" + targetGroup() + "</TargetGroups>");
    query("DescribeTargetHealth", ELB_NS, "<TargetHealthDescriptions><member><Target><Id>i-0abc1234</Id></Target>"
        + "<TargetHealth><State>unused</State><Reason>Target.NotRegistered</Reason></TargetHealth></member>"
        + "</TargetHealthDescriptions>");

    run(h -> h.removeFromService("i-0abc1234"));

    assertThat(WireJournal.journal(server)).containsExactly("DescribeAutoScalingInstances", "DescribeTargetGroups", "DescribeTargetHealth");
  }

  // ---- shareable snapshots

  @Test
  void shareableSnapshot_defaultEbsKey_isCopiedWithTheSharingKeyFirst() {
    ec2Snapshots();
    kms("alias-aws-ebs-key", "AWS");

    List<CallRecord> calls = run(h -> h.shareableSnapshot("snap-1", "arn:aws:kms:us-east-1:111122223333:key/share",
        "case-7"));

    assertThat(WireJournal.journal(server)).containsExactly("DescribeSnapshots", "TrentService.DescribeKey", "DescribeSnapshots",
        "CopySnapshot", "DescribeSnapshots");
    assertThat(body("CopySnapshot")).contains("SourceSnapshotId=snap-1", "Encrypted=true",
        "KmsKeyId=arn%3Aaws%3Akms%3Aus-east-1%3A111122223333%3Akey%2Fshare");
    assertThat(calls.get(calls.size() - 1).outcome()).containsEntry("shareableSnapshotId", "snap-share");
  }

  @Test
  void shareableSnapshot_defaultEbsKeyWithoutASharingKey_refusesWithTheReason() {
    ec2Snapshots();
    kms("alias-aws-ebs-key", "AWS");

    assertThatThrownBy(() -> run(h -> h.shareableSnapshot("snap-1", null, "case-7")))
        .isInstanceOfSatisfying(ResponseStepException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("NoSharingKey");
          assertThat(e.getMessage()).contains("--sharing-kms-key");
        });
    assertThat(WireJournal.journal(server)).doesNotContain("CopySnapshot");
  }

  @Test
  void shareableSnapshot_customerManagedKey_isSharedAsItIs() {
    ec2Snapshots();
    kms("alias-aws-ebs-key", "CUSTOMER");

    List<CallRecord> calls = run(h -> h.shareableSnapshot("snap-1", "k", "case-7"));

    assertThat(WireJournal.journal(server)).containsExactly("DescribeSnapshots", "TrentService.DescribeKey");
    assertThat(calls.get(calls.size() - 1).outcome()).containsEntry("shareableSnapshotId", "snap-1");
  }

  // ---- quarantine

  @Test
  void verifyQuarantine_isolatedProtectedAndTagged_passes() {
    quarantined("sg-iso", "true", "case-7");

    List<CallRecord> calls = run(h -> h.verifyQuarantine("i-0abc1234", "sg-iso", "case-7"));

    assertThat(WireJournal.journal(server)).containsExactly("DescribeInstances", "DescribeInstanceAttribute");
    assertThat(body("DescribeInstanceAttribute")).contains("Attribute=disableApiTermination");
    assertThat(calls.get(1).outcome()).containsEntry("quarantined", "true");
  }

  @Test
  void verifyQuarantine_groupBackAndProtectionOff_namesEachProblem() {
    quarantined("sg-web", "false", "case-7");

    assertThatThrownBy(() -> run(h -> h.verifyQuarantine("i-0abc1234", "sg-iso", "case-7")))
        .isInstanceOfSatisfying(ResponseStepException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("NotQuarantined");
          assertThat(e.getMessage()).contains("eni-1 has groups [sg-web], not only sg-iso",
              "termination protection is off").doesNotContain("not tagged");
        });
  }

  // ---- stubs

  private void cloudTrailPages() {
    server.stubFor(post("/").atPriority(2).withHeader("X-Amz-Target", equalTo(CLOUDTRAIL_TARGET + "LookupEvents"))
        .willReturn(json("{\"Events\":[" + event("e1") + "," + event("e2") + "],\"NextToken\":\"t2\"}", "rid-ct-1")));
    server.stubFor(post("/").atPriority(1).withHeader("X-Amz-Target", equalTo(CLOUDTRAIL_TARGET + "LookupEvents"))
        .withRequestBody(containing("\"NextToken\":\"t2\""))
        .willReturn(json("{\"Events\":[" + event("e3") + "]}", "rid-ct-2")));
  }

  static String event(String id) {
    return "{\"EventId\":\"" + id + "\",\"EventName\":\"GetObject\",\"EventTime\":1763600000,\"Username\":\"web\","
        + "\"CloudTrailEvent\":\"{\\\"eventVersion\\\":\\\"1.08\\\"}\"}";
  }

  private void ssm(String operation, String body, String requestId) {
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo("AmazonSSM." + operation))
        .willReturn(json(body, requestId)));
  }

  /** Not there yet, then InProgress, then {@code end}. */
  private void invocations(String end, String requestId) {
    String target = "AmazonSSM.GetCommandInvocation";
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("inv")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("running")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withHeader("x-amzn-RequestId", "rid-nope").withBody("{\"__type\":\"InvocationDoesNotExist\"}")));
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("inv")
        .whenScenarioStateIs("running").willSetStateTo("end")
        .willReturn(json("{\"CommandId\":\"cmd-1\",\"InstanceId\":\"i-0abc1234\",\"Status\":\"InProgress\"}", "rid-run")));
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).inScenario("inv")
        .whenScenarioStateIs("end")
        .willReturn(json(invocation(end), requestId)));
  }

  static String invocation(String status) {
    boolean ok = status.equals("Success");
    return "{\"CommandId\":\"cmd-1\",\"InstanceId\":\"i-0abc1234\",\"Status\":\"" + status + "\",\"ResponseCode\":"
        + (ok ? 0 : 1) + ",\"StandardOutputContent\":\"" + (ok ? HASH + "  /dev/shm/kumo.lime\\n" : "")
        + "\",\"StandardErrorContent\":\"" + (ok ? "" : "avml: cannot open /dev/crash\\n") + "\"}";
  }

  private void asgInService() {
    query("DescribeAutoScalingInstances", ASG_NS, "<AutoScalingInstances><member><InstanceId>i-0abc1234</InstanceId>"
        + "<AutoScalingGroupName>web-asg</AutoScalingGroupName><LifecycleState>InService</LifecycleState>"
        + "<HealthStatus>HEALTHY</HealthStatus><AvailabilityZone>us-east-1a</AvailabilityZone>"
        + "<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></AutoScalingInstances>");
    query("EnterStandby", ASG_NS, "<Activities><member><ActivityId>act-1</ActivityId>"
        + "<AutoScalingGroupName>web-asg</AutoScalingGroupName><StatusCode>InProgress</StatusCode>"
        + "<Cause>moving to standby</Cause><StartTime>2026-11-26T08:00:00Z</StartTime></member></Activities>");
  }

  private void elbWithOneRegistration() {
    query("DescribeTargetGroups", ELB_NS, "<TargetGroups>" + targetGroup() + "<member><TargetGroupArn>"
        + "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/lambdas/2</TargetGroupArn>"
        + "<TargetType>lambda</TargetType></member></TargetGroups>");
    query("DescribeTargetHealth", ELB_NS, "<TargetHealthDescriptions><member><Target><Id>i-0abc1234</Id>"
        + "<Port>80</Port></Target><HealthCheckPort>80</HealthCheckPort><TargetHealth><State>healthy</State>"
        + "</TargetHealth></member></TargetHealthDescriptions>");
    query("DeregisterTargets", ELB_NS, "");
  }

  private static String targetGroup() {
    return "<member><TargetGroupArn>arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1"
        + "</TargetGroupArn><TargetGroupName>web</TargetGroupName><Protocol>HTTP</Protocol><Port>80</Port>"
        + "<VpcId>vpc-1</VpcId><TargetType>instance</TargetType></member>";
  }

  private void ec2Snapshots() {
    ec2("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-1</snapshotId><status>completed</status>"
        + "<encrypted>true</encrypted><kmsKeyId>alias-aws-ebs-key</kmsKeyId></item></snapshotSet>");
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeSnapshots&"))
        .withRequestBody(containing("tag%3Akumo%3Asource-snapshot"))
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet/>", "rid-lookup")));
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeSnapshots&"))
        .withRequestBody(containing("SnapshotId.1=snap-share"))
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-share</snapshotId>"
            + "<status>completed</status></item></snapshotSet>", "rid-copy-state")));
    ec2("CopySnapshot", "<snapshotId>snap-share</snapshotId>");
  }

  private void kms(String keyId, String manager) {
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
        .withRequestBody(containing(keyId))
        .willReturn(json("{\"KeyMetadata\":{\"KeyId\":\"" + keyId + "\",\"Arn\":\"arn:aws:kms:us-east-1:111122223333:key/"
            + keyId + "\",\"KeyManager\":\"" + manager + "\",\"KeyState\":\"Enabled\",\"Enabled\":true}}", "rid-kms")));
  }

  private void quarantined(String group, String protection, String caseTag) {
    ec2("DescribeInstances", "<reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>"
        + "<instanceId>i-0abc1234</instanceId><instanceState><code>16</code><name>running</name></instanceState>"
        + "<tagSet><item><key>kumo:case</key><value>" + caseTag + "</value></item></tagSet>"
        + "<networkInterfaceSet><item><networkInterfaceId>eni-1</networkInterfaceId><groupSet><item><groupId>" + group
        + "</groupId></item></groupSet></item></networkInterfaceSet></item></instancesSet></item></reservationSet>");
    ec2("DescribeInstanceAttribute", "<instanceId>i-0abc1234</instanceId><disableApiTermination><value>"
        + protection + "</value></disableApiTermination>");
  }

  private void ec2(String action, String inner) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(ec2Ok(action, inner, "rid-" + action)));
  }

  static ResponseDefinitionBuilder ec2Ok(String action, String inner, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NS + "\">"
            + "<requestId>" + requestId + "</requestId>" + inner + "</" + action + "Response>");
  }

  private void query(String action, String ns, String result) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(queryOk(action, ns, result)));
  }

  /** An Auto Scaling or ELBv2 Query response: {@code <XResult>} and {@code ResponseMetadata/RequestId}. */
  static ResponseDefinitionBuilder queryOk(String action, String ns, String result) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
        .withBody("<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + result + "</" + action
            + "Result><ResponseMetadata><RequestId>rid-" + action + "</RequestId></ResponseMetadata></" + action
            + "Response>");
  }

  static ResponseDefinitionBuilder json(String body, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-RequestId", requestId).withBody(body);
  }

  private <T> T run(Function<HostAndLogResponder, T> f) {
    AwsSettings settings = AwsSettings.defaults(Region.US_EAST_1)
        .withEndpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRateLimit(1000, 100);
    try (AwsClients clients = AwsClients.create(settings, CALLER, d -> {})) {
      return f.apply(new HostAndLogResponder(clients, sleeps::add, Duration.ofSeconds(10), 5));
    }
  }

  private String body(String action) {
    return WireJournal.requests(server).stream().map(LoggedRequest::getBodyAsString).filter(b -> b.startsWith("Action=" + action + "&"))
        .findFirst().orElseThrow();
  }
}
