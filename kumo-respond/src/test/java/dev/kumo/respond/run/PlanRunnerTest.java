package dev.kumo.respond.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
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
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.kumo.respond.aws.AwsClients;
import dev.kumo.respond.aws.AwsResponder;
import dev.kumo.respond.aws.AwsSettings;
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

/** Plans executed against WireMock speaking EC2/IAM Query, KMS JSON and S3 REST, as AwsResponderTest does. */
class PlanRunnerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:00:00Z"), ZoneOffset.UTC);
  private static final StaticCredentialsProvider CALLER =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
  /** Calls that change the instance or what it runs with; none may follow a failed evidence step. */
  private static final Set<String> STATE_CHANGES = Set.of("ModifyInstanceAttribute", "ModifyNetworkInterfaceAttribute",
      "RunInstances", "StopInstances", "TerminateInstances", "DisassociateIamInstanceProfile", "CreateSecurityGroup",
      "CreateNetworkAclEntry");

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

  // ---- compromised instance

  @Test
  void compromisedInstance_executed_makesTheExactCallsInOrder_andRecordsThemInTheLedger() throws Exception {
    stubInstance(server);

    RunState state = execute(instancePlan(), Set.of());

    assertThat(WireJournal.journal(server)).containsExactly(
        "DescribeInstances", "DescribeVolumes", "DescribeNetworkInterfaces", "DescribeSecurityGroups",
        "GetConsoleOutput", "DescribeInstanceAttribute",
        "CreateTags",
        "ModifyInstanceAttribute", "ModifyInstanceAttribute", "ModifyInstanceAttribute",
        "CreateSecurityGroup", "RevokeSecurityGroupEgress", "ModifyNetworkInterfaceAttribute",
        "DescribeNetworkAcls", "CreateNetworkAclEntry", "CreateNetworkAclEntry",
        "DescribeIamInstanceProfileAssociations", "DisassociateIamInstanceProfile",
        "PutRolePolicy",
        "DescribeSnapshots", "CreateSnapshot", "DescribeSnapshots",
        "ModifySnapshotAttribute", "DescribeSnapshots", "TrentService.DescribeKey", "CopySnapshot",
        "LockSnapshot",
        "DescribeImages",
        "RunInstances",
        "DescribeInstanceStatus");
    assertThat(state.steps()).extracting(s -> s.id() + "=" + s.status().id()).containsExactly(
        "record-state=done", "tag-case=done", "termination-protection=done", "stop-on-shutdown=done",
        "keep-volumes=done", "out-of-service=manual", "isolate=done", "detach-profile=done", "revoke-sessions=done",
        "memory=not-run", "snapshot=done", "copy-to-forensic=done", "lock=done", "collect-logs=manual",
        "check-image=done", "redeploy=done", "verify-health=done", "keep-isolated=manual");
    assertThat(state.failedOrBlocked()).isFalse();
    assertThat(state.step("snapshot").orElseThrow().resources()).containsEntry("snapshotIds", "snap-1");
    assertThat(state.step("copy-to-forensic").orElseThrow().resources())
        .containsEntry("forensicSnapshotIds", "snap-copy");
    assertThat(state.step("redeploy").orElseThrow().resources()).containsEntry("newInstance", "i-0new5678");
    assertThat(state.step("snapshot").orElseThrow().calls()).extracting(CallSummary::requestId)
        .containsExactly("rid-DescribeSnapshots", "rid-CreateSnapshot", "rid-DescribeSnapshots");
    assertThat(form("RunInstances")).contains("ClientToken=kumo-").contains("ImageId=" + IMAGE)
        .contains("InstanceType=t3.micro");
    assertThat(form("CreateNetworkAclEntry", 0)).contains("NetworkAclId=acl-1").contains("RuleNumber=99")
        .contains("Egress=false").contains("RuleAction=deny").contains("CidrBlock=10.0.1.5%2F32");
    assertThat(form("CreateNetworkAclEntry", 1)).contains("RuleNumber=49").contains("Egress=true");
    assertThat(form("CreateSecurityGroup")).contains("GroupName=kumo-isolation-case-7");
    assertThat(state.step("isolate").orElseThrow().resources()).containsEntry("isolationGroup", "sg-iso")
        .containsEntry("aclDenyEntries", "acl-1:99:ingress,acl-1:49:egress");
    assertThat(form("ModifyInstanceAttribute", 2)).contains("BlockDeviceMapping.1.DeviceName=%2Fdev%2Fxvda");

    List<LedgerEntry> ledger = ledger();
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.API_CALL)
        .extracting(e -> e.content().details().get("request_id"))
        .contains("rid-DescribeInstances", "rid-CreateSnapshot", "rid-LockSnapshot", "rid-RunInstances", "rid-kms");
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.API_CALL).hasSize(WireJournal.journal(server).size());
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.ARTIFACT).hasSize(6);
    assertThat(ledger).extracting(e -> e.content().summary())
        .contains("step 11 snapshot started", "step 11 snapshot done", "step 6 out-of-service is manual");
    Verification v = LedgerVerifier.verify(caseDir, null);
    assertThat(v.ok()).as(v.problems().toString()).isTrue();
    assertThat(v.artifacts()).isEqualTo(6);
    assertThat(StateFile.read(caseDir, instancePlan().id())).isEqualTo(state);
  }

  @Test
  void snapshotFailing_stopsEveryStateChange_thenARerunResumesAtTheSnapshotAndFinishes() throws Exception {
    stubInstance(server);
    StubMapping fault = server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=CreateSnapshot&"))
        .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/xml")
            .withBody("<Response><Errors><Error><Code>InternalError</Code><Message>boom</Message></Error></Errors>"
                + "<RequestID>rid-500</RequestID></Response>")));

    RunState failed = execute(instancePlan(), Set.of());

    List<String> calls = WireJournal.journal(server);
    int lastSnapshot = calls.lastIndexOf("CreateSnapshot");
    assertThat(calls.subList(calls.indexOf("CreateSnapshot"), lastSnapshot + 1)).containsOnly("CreateSnapshot")
        .hasSize(3);
    assertThat(calls.subList(lastSnapshot + 1, calls.size())).doesNotContainAnyElementsOf(STATE_CHANGES)
        .containsExactly("DescribeImages");
    assertThat(failed.failedOrBlocked()).isTrue();
    StepRecord snap = StateFile.read(caseDir, instancePlan().id()).step("snapshot").orElseThrow();
    assertThat(snap.status()).isEqualTo(StepStatus.FAILED);
    assertThat(snap.message()).contains("CreateSnapshot failed: InternalError (request id rid-500)");
    assertThat(failed.step("redeploy").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED_PRECONDITION);
    assertThat(failed.step("redeploy").orElseThrow().message()).contains("evidence step snapshot failed");
    assertThat(failed.step("copy-to-forensic").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED_PRECONDITION);
    assertThat(ledger()).extracting(e -> e.content().summary()).contains("step 11 snapshot failed");

    server.removeStub(fault);
    server.resetRequests();
    RunState resumed = execute(instancePlan(), Set.of());

    assertThat(WireJournal.journal(server)).startsWith("DescribeSnapshots", "CreateSnapshot", "DescribeSnapshots")
        .doesNotContain("DescribeInstances", "CreateSecurityGroup", "CreateTags", "PutRolePolicy")
        .endsWith("RunInstances", "DescribeInstanceStatus");
    assertThat(resumed.failedOrBlocked()).isFalse();
    assertThat(resumed.step("snapshot").orElseThrow().status()).isEqualTo(StepStatus.DONE);
    assertThat(resumed.step("verify-health").orElseThrow().status()).isEqualTo(StepStatus.DONE);
    assertThat(LedgerVerifier.verify(caseDir, null).ok()).isTrue();
  }

  @Test
  void optionalMemoryStep_askedFor_withoutExecutor_isManual_andTheRedeployWaits() throws Exception {
    stubInstance(server);

    RunState state = execute(instancePlan(), Set.of("memory"));

    assertThat(state.step("memory").orElseThrow().status()).isEqualTo(StepStatus.MANUAL);
    assertThat(state.step("memory").orElseThrow().message()).contains("aws ssm send-command");
    assertThat(state.step("redeploy").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED_PRECONDITION);
    assertThat(WireJournal.journal(server)).doesNotContain("RunInstances");
  }

  @Test
  void imageCreatedAfterTheCompromiseStart_isRefused_andNothingIsRedeployed() throws Exception {
    stubInstance(server);
    server.stubFor(post("/").atPriority(1).withRequestBody(containing("Action=DescribeImages&"))
        .willReturn(ec2Ok("DescribeImages", image("2026-11-21T00:00:00.000Z"), "rid-late")));

    RunState state = execute(instancePlan(), Set.of());

    assertThat(state.step("check-image").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
    assertThat(state.step("check-image").orElseThrow().message()).contains("not before the compromise started");
    assertThat(state.step("redeploy").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED_PRECONDITION);
    assertThat(WireJournal.journal(server)).doesNotContain("RunInstances");
  }

  // ---- other playbooks

  @Test
  void compromisedAccessKey_executed_recordsTheKeyThenCutsIt_andLeavesTheLogsManual() throws Exception {
    iam("GetAccessKeyLastUsed", "<UserName>alice</UserName><AccessKeyLastUsed><LastUsedDate>2026-11-25T10:00:00Z"
        + "</LastUsedDate><ServiceName>s3</ServiceName><Region>us-east-1</Region></AccessKeyLastUsed>");
    iam("ListAccessKeys", "<AccessKeyMetadata><member><UserName>alice</UserName><AccessKeyId>AKIAABCDEFGHIJKLMNOP"
        + "</AccessKeyId><Status>Active</Status></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>");
    iam("ListAttachedUserPolicies", "<AttachedPolicies/><IsTruncated>false</IsTruncated>");
    iam("ListUserPolicies", "<PolicyNames/><IsTruncated>false</IsTruncated>");
    iam("ListGroupsForUser", "<Groups/><IsTruncated>false</IsTruncated>");
    iam("ListMFADevices", "<MFADevices/><IsTruncated>false</IsTruncated>");
    iam("TagUser", null);
    iam("UpdateAccessKey", null);
    iam("PutUserPolicy", null);
    Plan plan = PlanBuilder.build(PlaybookLibrary.byId("compromised-access-key").orElseThrow(),
        PlanTargets.of(null, "AKIAABCDEFGHIJKLMNOP", null, null, "111122223333", "us-east-1", "case-7"),
        Provider.AWS);

    RunState state = execute(plan, Set.of());

    assertThat(WireJournal.journal(server)).containsExactly("GetAccessKeyLastUsed", "ListAccessKeys", "ListAttachedUserPolicies",
        "ListUserPolicies", "ListGroupsForUser", "ListMFADevices", "TagUser", "UpdateAccessKey", "PutUserPolicy");
    assertThat(state.steps()).extracting(s -> s.id() + "=" + s.status().id()).containsExactly(
        "record-key=done", "tag-case=done", "deactivate-key=done", "revoke-sessions=done", "collect-logs=manual");
    assertThat(form("UpdateAccessKey")).contains("UserName=alice").contains("AccessKeyId=AKIAABCDEFGHIJKLMNOP")
        .contains("Status=Inactive");
    assertThat(form("PutUserPolicy")).contains("UserName=alice").contains("aws%3ATokenIssueTime")
        .contains("2026-11-26T08%3A00%3A00Z");
    assertThat(ledger()).filteredOn(e -> e.content().kind() == EntryKind.API_CALL)
        .extracting(e -> e.content().details().get("request_id")).contains("rid-UpdateAccessKey", "rid-PutUserPolicy");
    assertThat(ledger()).filteredOn(e -> e.content().kind() == EntryKind.ARTIFACT).hasSize(6);
    assertThat(LedgerVerifier.verify(caseDir, null).ok()).isTrue();
  }

  @Test
  void s3Ransomware_executed_protectsTheBucket_locksIt_andRestoresTheLastGoodVersions() throws Exception {
    s3Error("policy", "NoSuchBucketPolicy");
    s3Get("acl", "<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList/></AccessControlPolicy>");
    s3Error("publicAccessBlock", "NoSuchPublicAccessBlockConfiguration");
    s3Get("versioning", "<VersioningConfiguration/>");
    s3Error("object-lock", "ObjectLockConfigurationNotFoundError");
    s3Get("logging", "<BucketLoggingStatus/>");
    s3Error("encryption", "ServerSideEncryptionConfigurationNotFoundError");
    s3Get("tagging", "<Tagging><TagSet><Tag><Key>team</Key><Value>data</Value></Tag></TagSet></Tagging>");
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlMatching("/victim-bucket\\?.*versions.*"))
        .willReturn(s3Ok("<ListVersionsResult><Name>victim-bucket</Name><IsTruncated>false</IsTruncated>"
            + version("a.txt", "a3", "2026-11-21T00:00:00.000Z", "enc", true)
            + version("a.txt", "a2", "2026-11-10T00:00:00.000Z", "good-a", false)
            + "<DeleteMarker><Key>b.txt</Key><VersionId>b-dm</VersionId><IsLatest>true</IsLatest>"
            + "<LastModified>2026-11-22T00:00:00.000Z</LastModified></DeleteMarker>"
            + version("b.txt", "b1", "2026-11-01T00:00:00.000Z", "good-b", false)
            + version("c.txt", "c1", "2026-11-01T00:00:00.000Z", "untouched", true)
            + version("d.txt", "d1", "2026-11-21T00:00:00.000Z", "new", true)
            + "</ListVersionsResult>", "rid-versions")));
    server.stubFor(put(urlMatching("/victim-bucket\\?tagging.*")).willReturn(s3Ok("", "rid-put-tagging")));
    server.stubFor(put(urlMatching("/victim-bucket\\?policy.*")).willReturn(s3Ok("", "rid-put-policy").withStatus(204)));
    server.stubFor(put(urlMatching("/victim-bucket\\?versioning.*")).willReturn(s3Ok("", "rid-put-versioning")));
    server.stubFor(put(urlMatching("/victim-bucket\\?object-lock.*")).willReturn(s3Ok("", "rid-put-lock")));
    server.stubFor(put(urlMatching("/victim-bucket/[abcd]\\.txt")).willReturn(s3Ok("<CopyObjectResult><ETag>\"x\"</ETag>"
        + "<LastModified>2026-11-26T08:00:00.000Z</LastModified></CopyObjectResult>", "rid-copy")
        .withHeader("x-amz-version-id", "restored-1")));
    server.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:sts::111122223333:assumed-role/responder/alice</Arn>"
                + "<UserId>AROA1:alice</UserId><Account>111122223333</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>rid-sts</RequestId></ResponseMetadata></GetCallerIdentityResponse>")));
    Plan plan = PlanBuilder.build(PlaybookLibrary.byId("s3-ransomware").orElseThrow(),
        new PlanTargets(null, null, null, "victim-bucket", "111122223333", "us-east-1", "case-7", null, null,
            Instant.parse("2026-11-20T00:00:00Z"), List.of()), Provider.AWS);

    RunState state = execute(plan, Set.of(), java.util.Map.of(dev.kumo.respond.plan.StepKind.COLLECT_LOGS,
        (s, c) -> StepResult.done(List.of(), java.util.Map.of())));

    assertThat(WireJournal.journal(server)).extracting(c -> c.replaceAll("[&=].*", "")).containsExactly(
        "GET /victim-bucket?policy", "GET /victim-bucket?acl", "GET /victim-bucket?publicAccessBlock",
        "GET /victim-bucket?versioning", "GET /victim-bucket?object-lock", "GET /victim-bucket?logging",
        "GET /victim-bucket?encryption", "GET /victim-bucket?tagging", "GET /victim-bucket?versions",
        "GET /victim-bucket?tagging", "PUT /victim-bucket?tagging",
        "GetCallerIdentity", "GET /victim-bucket?policy", "PUT /victim-bucket?policy",
        "PUT /victim-bucket?versioning", "PUT /victim-bucket?object-lock",
        "GET /victim-bucket?versions", "PUT /victim-bucket/a.txt", "PUT /victim-bucket/b.txt");
    assertThat(state.steps()).extracting(s -> s.id() + "=" + s.status().id()).containsExactly(
        "record-bucket=done", "tag-case=done", "protect-bucket=done", "versioning-and-lock=done",
        "collect-logs=done", "restore=done");
    assertThat(state.failedOrBlocked()).isFalse();
    assertThat(body("PUT", "/victim-bucket?tagging")).contains("<Key>team</Key><Value>data</Value>")
        .contains("<Key>kumo:case</Key><Value>case-7</Value>");
    assertThat(body("PUT", "/victim-bucket?policy")).contains("\"Sid\":\"KumoCaseProtect\"")
        .contains("\"s3:DeleteObjectVersion\"").contains("arn:aws:iam::111122223333:role/responder");
    assertThat(body("PUT", "/victim-bucket?object-lock")).contains("<Mode>GOVERNANCE</Mode>").contains("<Days>30</Days>");
    assertThat(copySource("/victim-bucket/a.txt")).isEqualTo("victim-bucket/a.txt?versionId=a2");
    assertThat(copySource("/victim-bucket/b.txt")).isEqualTo("victim-bucket/b.txt?versionId=b1");
    assertThat(state.step("restore").orElseThrow().resources())
        .containsEntry("restoredObjects", "a.txt@a2>restored-1,b.txt@b1>restored-1")
        .containsEntry("noGoodVersion", "d.txt");
    assertThat(state.step("restore").orElseThrow().message()).contains("d.txt");
    List<LedgerEntry> ledger = ledger();
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.API_CALL)
        .extracting(e -> e.content().details().get("operation")).containsSubsequence("GetBucketTagging",
            "PutBucketTagging", "GetCallerIdentity", "GetBucketPolicy", "PutBucketPolicy", "PutBucketVersioning",
            "PutObjectLockConfiguration", "ListObjectVersions", "CopyObject", "CopyObject");
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.API_CALL
            && "CopyObject".equals(e.content().details().get("operation")))
        .extracting(e -> e.content().details().get("key") + "@" + e.content().details().get("sourceVersionId")
            + ">" + e.content().details().get("versionId") + " " + e.content().details().get("request_id"))
        .containsExactly("a.txt@a2>restored-1 rid-copy", "b.txt@b1>restored-1 rid-copy");
    assertThat(ledger).filteredOn(e -> e.content().kind() == EntryKind.API_CALL).hasSize(WireJournal.journal(server).size());
    assertThat(LedgerVerifier.verify(caseDir, null).ok()).isTrue();
  }

  @Test
  void s3Ransomware_bucketRefusingObjectLock_failsTheStep_andTheRestoreWaits() throws Exception {
    s3Error("policy", "NoSuchBucketPolicy");
    s3Get("acl", "<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList/></AccessControlPolicy>");
    s3Error("publicAccessBlock", "NoSuchPublicAccessBlockConfiguration");
    s3Get("versioning", "<VersioningConfiguration/>");
    s3Error("object-lock", "ObjectLockConfigurationNotFoundError");
    s3Get("logging", "<BucketLoggingStatus/>");
    s3Error("encryption", "ServerSideEncryptionConfigurationNotFoundError");
    s3Error("tagging", "NoSuchTagSet");
    s3Get("versions", "<ListVersionsResult><Name>victim-bucket</Name><IsTruncated>false</IsTruncated>"
        + "</ListVersionsResult>");
    server.stubFor(put(urlMatching("/victim-bucket\\?(tagging|policy|versioning).*")).willReturn(s3Ok("", "rid-put")));
    server.stubFor(put(urlMatching("/victim-bucket\\?object-lock.*")).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/xml").withHeader("x-amz-request-id", "rid-lock")
        .withBody("<Error><Code>InvalidBucketState</Code><Message>Object Lock configuration cannot be enabled on "
            + "existing buckets</Message></Error>")));
    server.stubFor(post("/").withRequestBody(containing("Action=GetCallerIdentity&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/alice</Arn>"
                + "<UserId>AIDA1</UserId><Account>111122223333</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>rid-sts</RequestId></ResponseMetadata></GetCallerIdentityResponse>")));
    Plan plan = PlanBuilder.build(PlaybookLibrary.byId("s3-ransomware").orElseThrow(),
        new PlanTargets(null, null, null, "victim-bucket", "111122223333", "us-east-1", "case-7", null, null,
            Instant.parse("2026-11-20T00:00:00Z"), List.of()), Provider.AWS);

    RunState state = execute(plan, Set.of(), java.util.Map.of(dev.kumo.respond.plan.StepKind.COLLECT_LOGS,
        (s, c) -> StepResult.done(List.of(), java.util.Map.of())));

    assertThat(state.steps()).extracting(s -> s.id() + "=" + s.status().id()).containsExactly(
        "record-bucket=done", "tag-case=done", "protect-bucket=done", "versioning-and-lock=failed",
        "collect-logs=done", "restore=skipped-precondition");
    assertThat(state.step("versioning-and-lock").orElseThrow().message()).contains("InvalidBucketState")
        .contains("Object Lock cannot be enabled on victim-bucket").contains("versioning was enabled");
    assertThat(WireJournal.journal(server)).noneMatch(c -> c.startsWith("PUT /victim-bucket/"));
    assertThat(ledger()).extracting(e -> e.content().summary()).contains("s3 PutObjectLockConfiguration failed");
  }

  @Test
  void compromisedWorkloadRole_executed_recordsTheRole_tagsIt_andRevokesItsSessions() throws Exception {
    iam("GetRole", "<Role><RoleName>web</RoleName><Arn>arn:aws:iam::111122223333:role/web</Arn><RoleId>AROA1</RoleId>"
        + "<Path>/</Path><CreateDate>2026-01-01T00:00:00Z</CreateDate></Role>");
    iam("ListAttachedRolePolicies", "<AttachedPolicies/><IsTruncated>false</IsTruncated>");
    iam("ListRolePolicies", "<PolicyNames><member>inline-1</member></PolicyNames><IsTruncated>false</IsTruncated>");
    iam("GetRolePolicy", "<RoleName>web</RoleName><PolicyName>inline-1</PolicyName><PolicyDocument>%7B%7D"
        + "</PolicyDocument>");
    iam("ListInstanceProfilesForRole", "<InstanceProfiles/><IsTruncated>false</IsTruncated>");
    iam("TagRole", null);
    iam("PutRolePolicy", null);
    Plan plan = PlanBuilder.build(PlaybookLibrary.byId("compromised-workload-role").orElseThrow(),
        PlanTargets.of(null, null, "arn:aws:iam::111122223333:role/web", null, "111122223333", "us-east-1",
            "case-7"), Provider.AWS);

    RunState state = execute(plan, Set.of());

    assertThat(WireJournal.journal(server)).containsExactly("GetRole", "ListAttachedRolePolicies", "ListRolePolicies", "GetRolePolicy",
        "ListInstanceProfilesForRole", "TagRole", "PutRolePolicy");
    assertThat(state.steps()).extracting(s -> s.id() + "=" + s.status().id()).containsExactly(
        "record-role=done", "tag-case=done", "revoke-sessions=done", "restrict-trust=manual", "collect-logs=manual");
    assertThat(form("TagRole")).contains("RoleName=web").contains("Tags.member.1.Key=kumo%3Acase")
        .contains("Tags.member.1.Value=case-7");
    assertThat(ledger()).filteredOn(e -> e.content().kind() == EntryKind.ARTIFACT).hasSize(5);
    assertThat(LedgerVerifier.verify(caseDir, null).ok()).isTrue();
  }

  @Test
  void revokeSessions_withoutRole_findsTheRoleThroughTheRecordedInstanceProfile() throws Exception {
    stubInstance(server);
    iam("GetInstanceProfile", "<InstanceProfile><InstanceProfileName>web</InstanceProfileName><InstanceProfileId>AIPA1"
        + "</InstanceProfileId><Path>/</Path><Arn>arn:aws:iam::111122223333:instance-profile/web</Arn><CreateDate>"
        + "2026-01-01T00:00:00Z</CreateDate><Roles><member><RoleName>web-role</RoleName><Arn>arn:aws:iam::"
        + "111122223333:role/web-role</Arn><RoleId>AROA1</RoleId><Path>/</Path><CreateDate>2026-01-01T00:00:00Z"
        + "</CreateDate></member></Roles></InstanceProfile>");
    PlanTargets t = new PlanTargets(INSTANCE, null, null, null, "111122223333", "us-east-1", "case-7", "222233334444",
        IMAGE, Instant.parse("2026-11-20T00:00:00Z"), List.of());
    Plan plan = PlanBuilder.build(PlaybookLibrary.byId("compromised-instance").orElseThrow(), t, Provider.AWS);

    RunState state = execute(plan, Set.of());

    assertThat(state.step("revoke-sessions").orElseThrow().status()).isEqualTo(StepStatus.DONE);
    assertThat(state.step("revoke-sessions").orElseThrow().resources()).containsEntry("revokedRole", "web-role");
    assertThat(WireJournal.journal(server)).containsSubsequence("DisassociateIamInstanceProfile", "GetInstanceProfile", "PutRolePolicy");
    assertThat(form("GetInstanceProfile")).contains("InstanceProfileName=web");
    assertThat(form("PutRolePolicy")).contains("RoleName=web-role");
  }

  private static String version(String key, String id, String modified, String etag, boolean latest) {
    return "<Version><Key>" + key + "</Key><VersionId>" + id + "</VersionId><IsLatest>" + latest + "</IsLatest>"
        + "<LastModified>" + modified + "</LastModified><ETag>&quot;" + etag + "&quot;</ETag><Size>3</Size>"
        + "<StorageClass>STANDARD</StorageClass></Version>";
  }

  private String body(String method, String urlPrefix) {
    return WireJournal.requests(server).stream().filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(urlPrefix))
        .map(LoggedRequest::getBodyAsString).findFirst().orElseThrow();
  }

  private String copySource(String url) {
    return java.net.URLDecoder.decode(WireJournal.requests(server).stream().filter(r -> r.getUrl().equals(url)).findFirst()
        .orElseThrow().getHeader("x-amz-copy-source"), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void dryRun_printsEveryCallLine_andMakesNoHttpCall() {
    Plan plan = instancePlan();
    StringWriter out = new StringWriter();

    PlanRunner.dryRun(plan, new PrintWriter(out));

    assertThat(out.toString()).contains("nothing is called")
        .contains("aws ec2 create-snapshots").contains("aws ec2 run-instances").contains("${snapshots}");
    assertThat(server.getAllServeEvents()).isEmpty();
    assertThat(caseDir.resolve("respond")).doesNotExist();
  }

  @Test
  void stateFile_roundTrips() throws Exception {
    RunState s = RunState.empty("p-1").with(new StepRecord(1, "a", StepStatus.DONE, CLOCK.instant(),
        CLOCK.instant(), List.of(new CallSummary("ec2", "CreateTags", "rid-1")),
        java.util.Map.of("snapshotIds", "snap-1,snap-2"), ""));
    StateFile.write(caseDir, s);
    assertThat(StateFile.read(caseDir, "p-1")).isEqualTo(s);
  }

  // ---- fixtures

  private Plan instancePlan() {
    PlanTargets t = new PlanTargets(INSTANCE, null, "arn:aws:iam::111122223333:role/web", null, "111122223333",
        "us-east-1", "case-7", "222233334444", IMAGE, Instant.parse("2026-11-20T00:00:00Z"), List.of());
    return PlanBuilder.build(PlaybookLibrary.byId("compromised-instance").orElseThrow(), t, Provider.AWS);
  }

  private RunState execute(Plan plan, Set<String> optional) throws Exception {
    return execute(plan, optional, java.util.Map.of());
  }

  /** With {@code extra} executors added to the AWS ones (for steps another part of Kumo automates). */
  private RunState execute(Plan plan, Set<String> optional,
      java.util.Map<dev.kumo.respond.plan.StepKind, StepExecutor> extra) throws Exception {
    AwsSettings settings = AwsSettings.defaults(Region.US_EAST_1)
        .withEndpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(5))
        .withRateLimit(1000, 100);
    try (AwsClients target = AwsClients.create(settings, CALLER, d -> {});
        AwsClients forensic = AwsClients.create(settings, CALLER, d -> {})) {
      StepExecutors aws = AwsStepExecutors.of(new AwsResponder(target, d -> {}, Duration.ofSeconds(1), 3),
          new AwsResponder(forensic, d -> {}, Duration.ofSeconds(1), 3));
      var all = new java.util.EnumMap<dev.kumo.respond.plan.StepKind, StepExecutor>(aws.byKind());
      all.putAll(extra);
      StepExecutors executors = new StepExecutors(all);
      CustodyLedger ledger = CustodyLedger.open(caseDir, CLOCK, "alice", null);
      RunOptions options = new RunOptions(optional, "key-1", Set.of("111122223333"), 365);
      return new PlanRunner(executors, ledger, caseDir, CLOCK).execute(plan, "case-7", options);
    }
  }

  private void iam(String action, String result) {
    server.stubFor(post("/").withRequestBody(containing("Action=" + action + "&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
            .withBody("<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>rid-" + action + "</RequestId></ResponseMetadata></"
                + action + "Response>")));
  }

  private void s3Get(String query, String body) {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlMatching("/victim-bucket\\?" + query + ".*"))
        .willReturn(s3Ok(body, "rid-" + query)));
  }

  private void s3Error(String query, String code) {
    server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlMatching("/victim-bucket\\?" + query + ".*"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/xml")
            .withHeader("x-amz-request-id", "rid-" + query).withHeader("x-amz-id-2", "h")
            .withBody("<Error><Code>" + code + "</Code><Message>none</Message><RequestId>rid-" + query
                + "</RequestId></Error>")));
  }

  private static ResponseDefinitionBuilder s3Ok(String body, String requestId) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
        .withHeader("x-amz-request-id", requestId).withHeader("x-amz-id-2", "h").withBody(body);
  }

  private String form(String action) {
    return form(action, 0);
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
