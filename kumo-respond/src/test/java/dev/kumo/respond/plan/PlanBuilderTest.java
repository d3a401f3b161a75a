package dev.kumo.respond.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanBuilderTest {
  private static final PlanTargets INSTANCE = PlanTargets.of("i-0abc1234def567890", null, null, null, "111122223333",
      "us-east-1", "case-7");

  private static Plan instancePlan(Provider provider) {
    return PlanBuilder.build(PlaybookLibrary.byId("compromised-instance").orElseThrow(), INSTANCE, provider);
  }

  private static int first(Plan plan, StepKind kind) {
    return plan.steps().stream().filter(s -> s.step().kind() == kind).findFirst().orElseThrow().index();
  }

  @Test
  void compromisedInstance_preservesAndCutsOffBeforeItRedeploys_inTheRequiredOrder() {
    Plan plan = instancePlan(Provider.AWS);
    List<StepKind> order = List.of(StepKind.DESCRIBE_INSTANCE_STATE, StepKind.TAG_RESOURCES,
        StepKind.ENABLE_TERMINATION_PROTECTION, StepKind.SET_STOP_ON_SHUTDOWN, StepKind.ISOLATE_NETWORK,
        StepKind.DISASSOCIATE_INSTANCE_PROFILE, StepKind.REVOKE_ROLE_SESSIONS, StepKind.CAPTURE_MEMORY_SSM,
        StepKind.SNAPSHOT_VOLUMES, StepKind.COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT, StepKind.LOCK_SNAPSHOTS,
        StepKind.COLLECT_LOGS, StepKind.CHECK_IMAGE_PROVENANCE, StepKind.REDEPLOY_FROM_IMAGE, StepKind.VERIFY_HEALTH);
    assertThat(order.stream().map(k -> first(plan, k)).toList()).isSorted().doesNotHaveDuplicates();
    assertThat(plan.steps().get(plan.steps().size() - 1).step().kind()).isEqualTo(StepKind.VERIFY_QUARANTINE);
    assertThat(plan.steps()).extracting(PlannedStep::index).containsExactly(
        java.util.stream.IntStream.rangeClosed(1, plan.steps().size()).boxed().toArray(Integer[]::new));
    assertThat(plan.steps().stream().filter(s -> s.step().kind() == StepKind.CAPTURE_MEMORY_SSM))
        .allMatch(s -> s.step().optional());
  }

  @Test
  void compromisedInstance_recordsTheFullStateFirst() {
    PlannedStep record = instancePlan(Provider.AWS).steps().get(0);
    assertThat(record.calls()).extracting(ApiCall::operation).contains("DescribeInstances", "DescribeVolumes",
        "DescribeNetworkInterfaces", "DescribeSecurityGroups", "DescribeIamInstanceProfileAssociations",
        "DescribeInstanceAttribute", "GetConsoleOutput");
    assertThat(record.calls()).extracting(c -> c.parameters().get("Attribute")).contains("userData");
    assertThat(record.step().effect()).isEqualTo(Effect.PRESERVE);
  }

  @Test
  void compromisedInstance_neverCallsTerminate_inAnyProvider() {
    for (Provider p : Provider.values()) {
      assertThat(instancePlan(p).calls()).noneMatch(c -> c.operation().contains("Terminate")
          || c.cli().contains("terminate-instances") || c.cli().matches(".*\\b(vm|instances) delete( .*|$)"));
    }
    for (Playbook p : PlaybookLibrary.builtin()) {
      assertThat(p.steps()).noneMatch(s -> s.kind().id().contains("terminate"));
    }
  }

  @Test
  void compromisedInstance_everyChangeStepNeedsTheSnapshot() {
    Playbook p = PlaybookLibrary.byId("compromised-instance").orElseThrow();
    String snapshot = p.steps(StepKind.SNAPSHOT_VOLUMES).get(0).id();
    assertThat(p.steps().stream().filter(s -> s.effect() == Effect.CHANGE).toList()).isNotEmpty()
        .allSatisfy(s -> assertThat(s.preconditions()).contains(snapshot, "memory"));
  }

  @Test
  void isolation_statesHowTrackedConnectionsAreCut() {
    PlannedStep isolate = instancePlan(Provider.AWS).steps().get(first(instancePlan(Provider.AWS),
        StepKind.ISOLATE_NETWORK) - 1);
    assertThat(isolate.calls()).extracting(ApiCall::operation).containsExactly("CreateSecurityGroup",
        "RevokeSecurityGroupEgress", "ModifyNetworkInterfaceAttribute", "DescribeNetworkAcls",
        "CreateNetworkAclEntry", "CreateNetworkAclEntry");
    assertThat(isolate.explanation()).contains("does not cut connections it already tracks", "stateless");
    assertThat(isolate.calls().get(4).parameters()).containsEntry("RuleAction", "deny")
        .containsEntry("Egress", "false");
    assertThat(isolate.calls().get(5).cli()).contains("--rule-action deny --egress --cidr-block ${private-ips}");
  }

  @Test
  void snapshotCopyAndLock_areExactCallsWithCliLines() {
    Plan plan = instancePlan(Provider.AWS);
    ApiCall snap = plan.steps().get(first(plan, StepKind.SNAPSHOT_VOLUMES) - 1).calls().get(0);
    assertThat(snap.describe()).startsWith("ec2 CreateSnapshots InstanceSpecification=InstanceId=i-0abc1234def567890,"
        + "ExcludeBootVolume=false");
    assertThat(snap.cli()).startsWith("aws ec2 create-snapshots --instance-specification "
        + "InstanceId=i-0abc1234def567890,ExcludeBootVolume=false --description "
        + "'Kumo case case-7 evidence of i-0abc1234def567890'").endsWith("--region us-east-1");
    List<ApiCall> copy = plan.steps().get(first(plan, StepKind.COPY_SNAPSHOTS_TO_FORENSIC_ACCOUNT) - 1).calls();
    assertThat(copy).extracting(ApiCall::operation).containsExactly("CopySnapshot", "ModifySnapshotAttribute",
        "CopySnapshot");
    assertThat(copy.get(2).parameters()).containsEntry("KmsKeyId", "${forensic-kms-key}")
        .containsEntry("Encrypted", "true").containsEntry("@account", "${forensic-account}");
    ApiCall lock = plan.steps().get(first(plan, StepKind.LOCK_SNAPSHOTS) - 1).calls().get(0);
    assertThat(lock.parameters()).containsEntry("LockMode", "compliance");
  }

  @Test
  void revokeSessions_usesTokenIssueTime() {
    Plan plan = instancePlan(Provider.AWS);
    ApiCall put = plan.steps().get(first(plan, StepKind.REVOKE_ROLE_SESSIONS) - 1).calls().get(0);
    assertThat(put.operation()).isEqualTo("PutRolePolicy");
    assertThat(put.parameters().get("PolicyDocument")).contains("\"aws:TokenIssueTime\":\"${now}\"", "DateLessThan");
  }

  @Test
  void everyPlaceholder_isExplainedInThePlan() {
    for (Playbook p : PlaybookLibrary.builtin()) {
      PlanTargets t = new PlanTargets(null, "AKIAIOSFODNN7EXAMPLE", "arn:aws:iam::111122223333:role/app",
          "my-bucket", "111122223333", "us-east-1", null, null, null, null, List.of());
      Plan plan = PlanBuilder.build(p, p.targets().contains(TargetKind.INSTANCE) ? INSTANCE : t, Provider.AWS);
      assertThat(plan.placeholders()).isNotEmpty();
      assertThat(plan.steps()).allSatisfy(s -> assertThat(s.calls()).isNotEmpty());
    }
    assertThat(instancePlan(Provider.AWS).placeholders()).containsKeys("volumes", "enis", "snapshots", "now")
        .doesNotContainKey("instances");
  }

  @Test
  void build_isDeterministic() throws Exception {
    StringWriter a = new StringWriter();
    StringWriter b = new StringWriter();
    PlanJson.write(instancePlan(Provider.AWS), a);
    PlanJson.write(instancePlan(Provider.AWS), b);
    assertThat(a.toString()).isEqualTo(b.toString()).contains("\"schema\" : \"kumo.plan/1\"");
    assertThat(instancePlan(Provider.AWS).id()).isEqualTo(instancePlan(Provider.AWS).id()).startsWith("plan-");
  }

  @Test
  void azureAndGcp_compromisedInstance_areTextPlansWithTheirCommands() {
    Plan az = instancePlan(Provider.AZURE);
    assertThat(az.calls()).extracting(ApiCall::cli).anyMatch(c -> c.startsWith("az snapshot create"))
        .anyMatch(c -> c.startsWith("az vm update") && c.contains("--set tags.kumo-case=case-7"))
        .anyMatch(c -> c.contains("--access Deny"));
    Plan gcp = instancePlan(Provider.GCP);
    assertThat(gcp.calls()).extracting(ApiCall::cli).anyMatch(c -> c.startsWith("gcloud compute disks snapshot"))
        .anyMatch(c -> c.contains("firewall-rules create") && c.contains("--action DENY"))
        .anyMatch(c -> c.startsWith("gcloud iam service-accounts disable"));
    assertThat(gcp.steps()).hasSameSizeAs(instancePlan(Provider.AWS).steps());
  }

  @Test
  void azure_forAPlaybookItCannotExpress_isRefusedNamingTheStep() {
    PlanTargets t = PlanTargets.of(null, null, null, "my-bucket", "111122223333", "us-east-1", null);
    assertThatThrownBy(() -> PlanBuilder.build(PlaybookLibrary.byId("s3-ransomware").orElseThrow(), t,
        Provider.AZURE)).hasMessageContaining("has no azure plan: step 'record-bucket'");
  }

  @Test
  void build_missingTarget_namesIt() {
    PlanTargets t = PlanTargets.of("i-0abc1234def567890", null, null, null, null, null, null);
    assertThatThrownBy(() -> PlanBuilder.build(PlaybookLibrary.byId("compromised-instance").orElseThrow(), t,
        Provider.AWS)).hasMessage("playbook compromised-instance needs account, region");
  }

  @Test
  void targets_hostileValues_areRefused() {
    assertThatThrownBy(() -> PlanTargets.of("i-0abc; rm -rf /", null, null, null, null, null, null))
        .hasMessageContaining("not a valid instance id");
    assertThatThrownBy(() -> PlanTargets.of(null, null, null, null, null, null, "case\u001b[2J"))
        .hasMessageContaining("not a valid case id");
  }

  @Test
  void policyDocuments_areShellQuotedInCliLines() {
    Plan plan = instancePlan(Provider.AWS);
    ApiCall put = plan.steps().get(first(plan, StepKind.REVOKE_ROLE_SESSIONS) - 1).calls().get(0);
    assertThat(put.cli()).contains("--policy-document '{\"Version\":\"2012-10-17\"");
  }

  @Test
  void targets_caseIdWithSpaces_isRefused() {
    assertThatThrownBy(() -> PlanTargets.of(null, null, null, null, null, null, "Case 7"))
        .hasMessageContaining("not a valid case id");
  }

  @Test
  void fromIncident_picksTheFirstOfEachAndNotesTheRest() {
    PlanTargets t = PlanTargets.fromIncident("case-1",
        List.of("arn:aws:sts::111122223333:assumed-role/web-role/i-0abc1234def567890", "root"),
        List.of("AKIAIOSFODNN7EXAMPLE"), List.of("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc1234def567890",
            "i-0123456789abcdef0", "arn:aws:s3:::loot-bucket", "sg-123"), List.of("111122223333"),
        List.of("us-east-1"), Instant.parse("2026-11-20T03:00:00Z"));
    assertThat(t.instance()).isEqualTo("i-0abc1234def567890");
    assertThat(t.role()).isEqualTo("arn:aws:iam::111122223333:role/web-role");
    assertThat(t.bucket()).isEqualTo("loot-bucket");
    assertThat(t.accessKey()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
    assertThat(t.notes()).containsExactly("resource not used by the plan: sg-123",
        "principal not used by the plan (not a role): root",
        "2 instance candidates: planning for i-0abc1234def567890; plan the others separately: i-0123456789abcdef0");
    assertThat(PlanBuilder.defaultPlaybook(t)).isEqualTo("compromised-instance");
  }
}
