package dev.kumo.respond.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.kumo.respond.run.RunnerStubs.EC2_NS;
import static dev.kumo.respond.run.RunnerStubs.IMAGE;
import static dev.kumo.respond.run.RunnerStubs.INSTANCE;
import static dev.kumo.respond.run.RunnerStubs.ec2;
import static dev.kumo.respond.run.RunnerStubs.ec2Ok;
import static dev.kumo.respond.run.RunnerStubs.image;
import static dev.kumo.respond.run.RunnerStubs.stubInstance;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.kumo.respond.aws.AwsClients;
import dev.kumo.respond.aws.AwsResponder;
import dev.kumo.respond.aws.AwsSettings;
import dev.kumo.respond.aws.HostAndLogResponder;
import dev.kumo.respond.aws.WireJournal;
import dev.kumo.respond.custody.CustodyLedger;
import dev.kumo.respond.custody.EntryKind;
import dev.kumo.respond.custody.LedgerCodec;
import dev.kumo.respond.custody.LedgerEntry;
import dev.kumo.respond.custody.LedgerFiles;
import dev.kumo.respond.custody.LedgerVerifier;
import dev.kumo.respond.custody.Verification;
import dev.kumo.respond.plan.Plan;
import dev.kumo.respond.plan.PlanBuilder;
import dev.kumo.respond.plan.PlanTargets;
import dev.kumo.respond.plan.PlaybookLibrary;
import dev.kumo.respond.plan.Provider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The compromised-instance plan with every host and log step automated ({@link AwsStepExecutors#of(AwsResponder,
 * AwsResponder, HostAndLogResponder)}), executed against WireMock speaking EC2/Auto Scaling/ELBv2 Query, IAM Query,
 * CloudTrail/SSM/KMS JSON 1.1.
 */
class PlanRunnerHostTest {
  private static final String ASG_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
  private static final String ELB_NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
  private static final String CT = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
  private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
  private static final StaticCredentialsProvider CALLER =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
  /** Calls that change the instance, its service membership or what it runs with. */
  private static final Set<String> STATE_CHANGES = Set.of("ModifyInstanceAttribute", "ModifyNetworkInterfaceAttribute",
      "RunInstances", "StopInstances", "TerminateInstances", "DisassociateIamInstanceProfile", "CreateSecurityGroup",
      "CreateNetworkAclEntry", "EnterStandby", "DetachInstances", "DeregisterTargets");

  @TempDir Path caseDir;
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void compromisedInstanceWithMemory_executed_runsEveryStepToTheEnd_inTheExactOrder() throws Exception {
    stubInstance(server);
    stubHost("Success");

    RunState state = execute(Set.of("memory"));

    assertThat(WireJournal.journal(server)).containsExactly(
        "DescribeInstances", "DescribeVolumes", "DescribeNetworkInterfaces", "DescribeSecurityGroups",
        "GetConsoleOutput", "DescribeInstanceAttribute",
        "CreateTags",
        "ModifyInstanceAttribute", "ModifyInstanceAttribute", "ModifyInstanceAttribute",
        "DescribeAutoScalingInstances", "EnterStandby", "DescribeTargetGroups", "DescribeTargetHealth",
        "DeregisterTargets",
        "CreateSecurityGroup", "RevokeSecurityGroupEgress", "ModifyNetworkInterfaceAttribute",
        "DescribeNetworkAcls", "CreateNetworkAclEntry", "CreateNetworkAclEntry",
        "DescribeIamInstanceProfileAssociations", "DisassociateIamInstanceProfile",
        "PutRolePolicy",
        "AmazonSSM.SendCommand", "AmazonSSM.GetCommandInvocation",
        "DescribeSnapshots", "CreateSnapshot", "DescribeSnapshots",
        "DescribeSnapshots", "TrentService.DescribeKey", "DescribeSnapshots", "CopySnapshot", "DescribeSnapshots",
        "ModifySnapshotAttribute", "DescribeSnapshots", "TrentService.DescribeKey", "CopySnapshot",
        "LockSnapshot",
        CT, CT, "DescribeFlowLogs",
        "DescribeImages",
        "RunInstances",
        "DescribeInstanceStatus",
        "DescribeInstances", "DescribeInstanceAttribute");
    assertThat(state.steps()).extracting(s -> s.id() + "=" + s.status().id()).containsExactly(
        "record-state=done", "tag-case=done", "termination-protection=done", "stop-on-shutdown=done",
        "keep-volumes=done", "out-of-service=done", "isolate=done", "detach-profile=done", "revoke-sessions=done",
        "memory=done", "snapshot=done", "copy-to-forensic=done", "lock=done", "collect-logs=done",
        "check-image=done", "redeploy=done", "verify-health=done", "keep-isolated=done");
    assertThat(state.failedOrBlocked()).isFalse();
    assertThat(state.step("memory").orElseThrow().resources()).containsEntry("memoryCommandId", "cmd-1")
        .containsEntry("memorySha256", HASH).containsEntry("memoryImage", "s3://evidence-bkt/case-7/" + INSTANCE + ".lime");
    assertThat(state.step("out-of-service").orElseThrow().resources()).containsEntry("standbyGroups", "web-asg")
        .containsEntry("deregisteredFrom", "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1:80");
    assertThat(state.step("copy-to-forensic").orElseThrow().resources()).containsEntry("sharedSnapshotIds", "snap-share")
        .containsEntry("forensicSnapshotIds", "snap-copy");
    assertThat(state.step("collect-logs").orElseThrow().resources()).containsEntry("cloudTrailEvents", "2")
        .containsEntry("logsTruncated", "false");
    assertThat(state.step("collect-logs").orElseThrow().message()).contains("GuardDuty findings are not collected");
    assertThat(form("EnterStandby", 0)).contains("ShouldDecrementDesiredCapacity=false");
    assertThat(form("CopySnapshot", 0)).contains("SourceSnapshotId=snap-1", "KmsKeyId=share-key");
    assertThat(form("CopySnapshot", 1)).contains("SourceSnapshotId=snap-share", "KmsKeyId=key-1");
    assertThat(form("ModifySnapshotAttribute", 0)).contains("SnapshotId=snap-share");
    assertThat(form("LockSnapshot", 0)).contains("SnapshotId=snap-copy");

    List<LedgerEntry> ledger = ledger();
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.API_CALL).hasSize(WireJournal.journal(server).size());
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.API_CALL)
        .filteredOn(e -> "GetCommandInvocation".equals(e.content().details().get("operation")))
        .singleElement().satisfies(e -> assertThat(e.content().details()).containsEntry("sha256", HASH)
            .containsEntry("request_id", "rid-inv").containsEntry("commandId", "cmd-1"));
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.ARTIFACT)
        .extracting(e -> e.content().artifact() == null ? "" : e.content().artifact().path()).anyMatch(s -> s.contains("cloudtrail-ResourceName-" + INSTANCE))
        .anyMatch(s -> s.contains("cloudtrail-Username-" + INSTANCE)).anyMatch(s -> s.contains("flow-logs"));
    Verification v = LedgerVerifier.verify(caseDir, null);
    assertThat(v.ok()).as(v.problems().toString()).isTrue();
    assertThat(StateFile.read(caseDir, instancePlan().id())).isEqualTo(state);
  }

  @Test
  void memoryCaptureFailing_blocksEveryLaterStateChange_butTheEvidenceStepsStillRun() throws Exception {
    stubInstance(server);
    stubHost("Failed");

    RunState state = execute(Set.of("memory"));

    List<String> calls = WireJournal.journal(server);
    List<String> after = calls.subList(calls.indexOf("AmazonSSM.GetCommandInvocation") + 1, calls.size());
    assertThat(after).doesNotContainAnyElementsOf(STATE_CHANGES).contains("CreateSnapshot", "LockSnapshot", CT);
    StepRecord memory = state.step("memory").orElseThrow();
    assertThat(memory.status()).isEqualTo(StepStatus.FAILED);
    assertThat(memory.message()).contains("MemoryCaptureFailed", "cmd-1");
    assertThat(state.step("redeploy").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED_PRECONDITION);
    assertThat(state.step("redeploy").orElseThrow().message()).contains("evidence step memory failed");
    assertThat(state.step("snapshot").orElseThrow().status()).isEqualTo(StepStatus.DONE);
    assertThat(state.failedOrBlocked()).isTrue();
    assertThat(LedgerVerifier.verify(caseDir, null).ok()).isTrue();
  }

  @Test
  void originalBackInItsGroups_keepIsolatedFails_withTheReason() throws Exception {
    stubInstance(server);
    stubHost("Success");
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeInstances&"))
        .inScenario("instance").whenScenarioStateIs("described")
        .willReturn(ec2Ok("DescribeInstances", instanceXml("sg-web", true), "rid-again")));

    RunState state = execute(Set.of());

    StepRecord keep = state.step("keep-isolated").orElseThrow();
    assertThat(keep.status()).isEqualTo(StepStatus.FAILED);
    assertThat(keep.message()).contains("eni-1 has groups [sg-web], not only sg-iso");
  }

  // ---- fixtures

  private Plan instancePlan() {
    PlanTargets t = new PlanTargets(INSTANCE, null, "arn:aws:iam::111122223333:role/web", null, "111122223333",
        "us-east-1", "case-7", "222233334444", IMAGE, Instant.parse("2026-11-20T00:00:00Z"), List.of());
    return PlanBuilder.build(PlaybookLibrary.byId("compromised-instance").orElseThrow(), t, Provider.AWS);
  }

  private RunState execute(Set<String> optional) throws Exception {
    AwsSettings settings = AwsSettings.defaults(Region.US_EAST_1)
        .withEndpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRateLimit(1000, 100);
    try (AwsClients target = AwsClients.create(settings, CALLER, d -> {});
        AwsClients forensic = AwsClients.create(settings, CALLER, d -> {})) {
      StepExecutors executors = AwsStepExecutors.of(new AwsResponder(target, d -> {}, Duration.ofSeconds(1), 3),
          new AwsResponder(forensic, d -> {}, Duration.ofSeconds(1), 3),
          new HostAndLogResponder(target, d -> {}, Duration.ofSeconds(1), 3));
      CustodyLedger ledger = CustodyLedger.open(caseDir, CLOCK, "alice", null);
      RunOptions options = new RunOptions(optional, "key-1", Set.of("111122223333"), 365, "share-key", "evidence-bkt",
          100);
      return new PlanRunner(executors, ledger, caseDir, CLOCK).execute(plan(), "case-7", options);
    }
  }

  private Plan plan() {
    return instancePlan();
  }

  /** The host and log calls, and what the instance looks like once quarantined; memory capture ends {@code end}. */
  private void stubHost(String end) {
    // the second DescribeInstances (keep-isolated) sees the quarantined instance
    server.stubFor(post("/").atPriority(2).withRequestBody(containing("Action=DescribeInstances&"))
        .inScenario("instance").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("described")
        .willReturn(ec2Ok("DescribeInstances", instanceXml("sg-web", false), "rid-DescribeInstances")));
    server.stubFor(post("/").atPriority(2).withRequestBody(containing("Action=DescribeInstances&"))
        .inScenario("instance").whenScenarioStateIs("described")
        .willReturn(ec2Ok("DescribeInstances", instanceXml("sg-iso", true), "rid-quarantine")));
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeInstanceAttribute&"))
        .withRequestBody(containing("Attribute=disableApiTermination"))
        .willReturn(ec2Ok("DescribeInstanceAttribute", "<instanceId>" + INSTANCE + "</instanceId>"
            + "<disableApiTermination><value>true</value></disableApiTermination>", "rid-protected")));
    query("DescribeAutoScalingInstances", ASG_NS, "<AutoScalingInstances><member><InstanceId>" + INSTANCE
        + "</InstanceId><AutoScalingGroupName>web-asg</AutoScalingGroupName><LifecycleState>InService</LifecycleState>"
        + "<HealthStatus>HEALTHY</HealthStatus><AvailabilityZone>us-east-1a</AvailabilityZone>"
        + "<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></AutoScalingInstances>");
    query("EnterStandby", ASG_NS, "<Activities><member><ActivityId>act-1</ActivityId><AutoScalingGroupName>web-asg"
        + "</AutoScalingGroupName><StatusCode>InProgress</StatusCode><Cause>standby</Cause>"
        + "<StartTime>2026-11-26T08:00:00Z</StartTime></member></Activities>");
    query("DescribeTargetGroups", ELB_NS, "<TargetGroups><member><TargetGroupArn>"
        + "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1</TargetGroupArn>"
        + "<TargetType>instance</TargetType></member></TargetGroups>");
    query("DescribeTargetHealth", ELB_NS, "<TargetHealthDescriptions><member><Target><Id>" + INSTANCE + "</Id>"
        + "<Port>80</Port></Target><TargetHealth><State>healthy</State></TargetHealth></member>"
        + "</TargetHealthDescriptions>");
    query("DeregisterTargets", ELB_NS, "");
    json("AmazonSSM.SendCommand", "{\"Command\":{\"CommandId\":\"cmd-1\"}}", "rid-send");
    boolean ok = end.equals("Success");
    json("AmazonSSM.GetCommandInvocation", "{\"CommandId\":\"cmd-1\",\"InstanceId\":\"" + INSTANCE
        + "\",\"Status\":\"" + end + "\",\"ResponseCode\":" + (ok ? 0 : 1) + ",\"StandardOutputContent\":\""
        + (ok ? HASH + "  /dev/shm/kumo.lime\\n" : "") + "\",\"StandardErrorContent\":\""
        + (ok ? "" : "avml: failed") + "\"}", "rid-inv");
    // the snapshot is under the default EBS key: a shareable copy with the sharing key comes first
    server.stubFor(post("/").atPriority(3).withRequestBody(containing("Action=DescribeSnapshots&"))
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-1</snapshotId>"
            + "<status>completed</status><encrypted>true</encrypted><kmsKeyId>aws-ebs-key</kmsKeyId></item>"
            + "</snapshotSet>", "rid-DescribeSnapshots")));
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeSnapshots&"))
        .withRequestBody(containing("SnapshotId.1=snap-share"))
        .willReturn(ec2Ok("DescribeSnapshots", "<snapshotSet><item><snapshotId>snap-share</snapshotId>"
            + "<status>completed</status></item></snapshotSet>", "rid-share-state")));
    server.stubFor(post("/").atPriority(1).withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
        .withRequestBody(containing("aws-ebs-key"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withHeader("x-amzn-RequestId", "rid-kms-ebs").withBody("{\"KeyMetadata\":{\"KeyId\":\"aws-ebs-key\","
                + "\"KeyManager\":\"AWS\",\"KeyState\":\"Enabled\",\"Enabled\":true}}")));
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=CopySnapshot&"))
        .withRequestBody(containing("SourceSnapshotId=snap-1&"))
        .willReturn(ec2Ok("CopySnapshot", "<snapshotId>snap-share</snapshotId>", "rid-share-copy")));
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo(CT)).withRequestBody(containing("ResourceName"))
        .willReturn(jsonOk("{\"Events\":[{\"EventId\":\"e1\",\"EventName\":\"RunInstances\"}]}", "rid-ct-1")));
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo(CT)).withRequestBody(containing("Username"))
        .willReturn(jsonOk("{\"Events\":[{\"EventId\":\"e2\",\"EventName\":\"GetObject\"}]}", "rid-ct-2")));
    ec2(server, "DescribeFlowLogs", "<flowLogSet><item><flowLogId>fl-1</flowLogId><resourceId>vpc-1</resourceId></item>"
        + "</flowLogSet>");
  }

  private static String instanceXml(String group, boolean tagged) {
    return "<reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>"
        + "<instanceId>" + INSTANCE + "</instanceId><imageId>ami-1</imageId><instanceType>t3.micro</instanceType>"
        + "<instanceState><code>16</code><name>running</name></instanceState><subnetId>subnet-1</subnetId>"
        + "<vpcId>vpc-1</vpcId><groupSet><item><groupId>" + group + "</groupId></item></groupSet>"
        + "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-1</volumeId>"
        + "<deleteOnTermination>true</deleteOnTermination></ebs></item></blockDeviceMapping>"
        + (tagged ? "<tagSet><item><key>kumo:case</key><value>case-7</value></item></tagSet>" : "")
        + "<iamInstanceProfile><arn>arn:aws:iam::111122223333:instance-profile/web</arn></iamInstanceProfile>"
        + "<networkInterfaceSet><item><networkInterfaceId>eni-1</networkInterfaceId><subnetId>subnet-1</subnetId>"
        + "<groupSet><item><groupId>" + group + "</groupId></item></groupSet><privateIpAddressesSet><item>"
        + "<privateIpAddress>10.0.1.5</privateIpAddress><primary>true</primary></item></privateIpAddressesSet>"
        + "</item></networkInterfaceSet>"
        + "</item></instancesSet></item></reservationSet>";
  }

  private void query(String action, String ns, String result) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>rid-" + action + "</RequestId></ResponseMetadata></" + action
                + "Response>")));
  }

  private void json(String target, String body, String requestId) {
    server.stubFor(post("/").withHeader("X-Amz-Target", equalTo(target)).willReturn(jsonOk(body, requestId)));
  }

  private static ResponseDefinitionBuilder jsonOk(String body, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-RequestId", requestId).withBody(body);
  }

  private String form(String action, int nth) {
    return WireJournal.requests(server).stream().map(LoggedRequest::getBodyAsString).filter(b -> b.startsWith("Action=" + action + "&"))
        .skip(nth).findFirst().orElseThrow();
  }

  private List<LedgerEntry> ledger() throws Exception {
    List<LedgerEntry> out = new ArrayList<>();
    for (String line : Files.readAllLines(LedgerFiles.ledger(caseDir))) {
      if (!line.isBlank()) {
        out.add(LedgerCodec.parse(line));
      }
    }
    return out;
  }
}
