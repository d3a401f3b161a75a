package dev.kumo.simulate.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {
  private static final String VALID = """
      scenario: test-scenario
      title: A test
      threat: ransomware
      start: +1d2h
      actors:
        crew: {credentials: user-key, from: external}
      steps:
        - step: delete
          title: Objects deleted
          technique: T1485
          tactic: impact
          at: +5m
          actor: crew
          cloudtrail:
            - call: s3:DeleteObjects
              count: 3
              every: 2s
              data: true
              request: {bucketName: "${bucket}", key: "k-${n}"}
      """;

  @Test
  void read_validScenario_givesStepsActionsAndOffsets() {
    Scenario s = ScenarioReader.read("t.yml", VALID);
    assertThat(s.id()).isEqualTo("test-scenario");
    assertThat(s.start()).isEqualTo(Duration.ofHours(26));
    Scenario.Step step = s.steps().get(0);
    assertThat(step.technique()).isEqualTo("T1485");
    assertThat(step.at()).isEqualTo(Duration.ofMinutes(5));
    ScenarioAction.ApiCall call = (ScenarioAction.ApiCall) step.actions().get(0);
    assertThat(call.service()).isEqualTo("s3");
    assertThat(call.name()).isEqualTo("DeleteObjects");
    assertThat(call.count()).isEqualTo(3);
    assertThat(call.data()).isTrue();
    assertThat(s.length()).isEqualTo(Duration.ofMinutes(5).plusSeconds(4));
  }

  @Test
  void read_everyProblem_isReportedWithFileLineAndReason() {
    String bad = VALID.replace("threat: ransomware", "threat: sabotage")
        .replace("technique: T1485", "technique: 1485")
        .replace("actor: crew\n", "actor: nobody\n")
        .replace("call: s3:DeleteObjects", "call: DeleteObjects")
        .replace("key: \"k-${n}\"", "key: \"${nope}\"")
        .replace("count: 3", "count: 0\n        colour: red");
    assertThatThrownBy(() -> ScenarioReader.read("bad.yml", bad))
        .isInstanceOfSatisfying(ScenarioException.class, e -> {
          Set<String> problems = e.problems().stream().collect(Collectors.toSet());
          assertThat(problems).anyMatch(p -> p.startsWith("bad.yml:3: unknown threat 'sabotage'"))
              .anyMatch(p -> p.matches("bad.yml:\\d+: technique must look like T1234.*"))
              .anyMatch(p -> p.matches("bad.yml:\\d+: unknown actor 'nobody'.*"))
              .anyMatch(p -> p.matches("bad.yml:\\d+: 'call' must be service:Operation.*"))
              .anyMatch(p -> p.matches("bad.yml:\\d+: unknown variable \\$\\{nope}.*"))
              .anyMatch(p -> p.matches("bad.yml:\\d+: 'count' must be between 1 and 100000, not 0"))
              .anyMatch(p -> p.matches("bad.yml:\\d+: unknown key 'colour'.*"));
        });
  }

  @Test
  void read_instanceRoleWithoutInstance_isRejected() {
    String bad = VALID.replace("crew: {credentials: user-key, from: external}", "crew: {credentials: instance-role}");
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", bad)).hasMessageContaining("say which 'instance'");
  }

  /** The thief's stolen key assumes the deployer's role, whose session assumes the ci role. */
  private static final String CHAIN = """
      scenario: chain
      title: A role chain
      threat: upstream-movement
      actors:
        thief: {credentials: instance-role, instance: web}
        deployer: {credentials: role, role: terraform-deploy, assumed_by: thief}
        ci: {credentials: role, role: codebuild-deploy, account: shared-services, assumed_by: deployer}
      steps:
        - {step: a, title: A, technique: T1078.004, tactic: privilege-escalation, at: +1m, actor: deployer,
           cloudtrail: [{call: "sts:GetCallerIdentity"}]}
        - {step: b, title: B, technique: T1078.004, tactic: privilege-escalation, at: +2m, actor: ci,
           cloudtrail: [{call: "sts:GetCallerIdentity"}]}
      """;

  @Test
  void read_roleChain_keepsAssumedByAndAccountOfEachActor() {
    Scenario s = ScenarioReader.read("chain.yml", CHAIN);
    assertThat(s.actors().get("deployer").assumedBy()).isEqualTo("thief");
    assertThat(s.actors().get("ci").assumedBy()).isEqualTo("deployer");
    assertThat(s.actors().get("ci").account()).isEqualTo("shared-services");
    assertThat(s.actors().get("thief").assumedBy()).isNull();
    assertThat(s.firstStepOf("ci").id()).isEqualTo("b");
  }

  @Test
  void read_assumedByUnknownActor_isRejectedAtItsLine() {
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", CHAIN.replace("assumed_by: thief", "assumed_by: ghost")))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
            .containsExactly("x.yml:6: actor 'deployer' is assumed by 'ghost': name another actor (declared: "
                + "[thief, deployer, ci])"));
  }

  @Test
  void read_assumedByCycle_isRejected() {
    String cycle = CHAIN.replace("assumed_by: thief", "assumed_by: ci");
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", cycle))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
            .contains("x.yml:6: assumed_by makes a cycle: deployer -> ci -> deployer",
                "x.yml:7: assumed_by makes a cycle: ci -> deployer -> ci"));
  }

  @Test
  void read_assumedByItself_isRejected() {
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", CHAIN.replace("assumed_by: thief", "assumed_by: deployer")))
        .hasMessageContaining("x.yml:6: actor 'deployer' is assumed by 'deployer': name another actor");
  }

  @Test
  void read_assumedByWithoutRoleCredentials_isRejected() {
    String bad = CHAIN.replace("{credentials: role, role: terraform-deploy, assumed_by: thief}",
        "{credentials: user-key, assumed_by: thief}");
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", bad))
        .hasMessageContaining("x.yml:6: actor 'deployer' uses user-key credentials: only role sessions are assumed");
  }

  @Test
  void read_assumedByActorWithoutCredentials_isRejected() {
    String bad = CHAIN.replace("thief: {credentials: instance-role, instance: web}",
        "thief: {credentials: none, instance: web}");
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", bad))
        .hasMessageContaining("x.yml:6: actor 'thief' has no credentials to assume the role of 'deployer' with");
  }

  @Test
  void read_chainedActorActingBeforeTheSessionThatAssumesIt_isRejected() {
    String bad = CHAIN.replace("at: +2m, actor: ci", "at: +1m, actor: ci");
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", bad))
        .hasMessageContaining("x.yml:7: actor 'ci' first acts (step 'b') before 'deployer', whose session "
            + "assumes its role, has acted");
  }

  @Test
  void read_unknownActorAccount_isRejected() {
    assertThatThrownBy(() -> ScenarioReader.read("x.yml", CHAIN.replace("account: shared-services", "account: data")))
        .hasMessageContaining("x.yml:7: unknown account kind 'data'");
  }

  @Test
  void parseOffset_acceptsDaysHoursMinutesSeconds_rejectsGarbage() {
    assertThat(ScenarioReader.parseOffset("+2d4h30m10s")).isEqualTo(Duration.parse("P2DT4H30M10S"));
    assertThat(ScenarioReader.parseOffset("45m")).isEqualTo(Duration.ofMinutes(45));
    assertThat(ScenarioReader.parseOffset("+")).isNull();
    assertThat(ScenarioReader.parseOffset("soon")).isNull();
  }
}
