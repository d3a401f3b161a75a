package dev.kumo.respond.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlaybookReaderTest {
  private static final String HEAD = """
      playbook: test
      title: Test
      threat: ransomware
      targets: [bucket]
      steps:
      """;

  private static String step(String id, String kind, String effect, String pre) {
    return "  - step: " + id + "\n    title: T\n    kind: " + kind + "\n    effect: " + effect
        + "\n    does: D\n" + (pre.isEmpty() ? "" : "    preconditions: [" + pre + "]\n")
        + "    reversible: true\n    how: H\n    mitigation: M1047\n";
  }

  private static List<String> problems(String yaml) {
    try {
      PlaybookReader.read("p.yaml", yaml);
    } catch (PlaybookException e) {
      return e.problems();
    }
    throw new AssertionError("no problem reported");
  }

  @Test
  void builtin_everyShippedPlaybookLoads_oneAtLeastPerThreat() {
    List<Playbook> all = PlaybookLibrary.builtin();
    assertThat(all).extracting(Playbook::id).containsExactly("compromised-instance", "compromised-access-key",
        "compromised-workload-role", "s3-ransomware", "public-data-exposure", "cryptomining", "ddos-from-instances",
        "log-tampering");
    Set<String> threats = all.stream().map(Playbook::threat).collect(Collectors.toSet());
    assertThat(threats).containsAll(Set.of("app-exploitation", "misconfiguration", "upstream-movement",
        "ransomware", "cryptomining", "attack-infrastructure", "log-tampering"));
    for (Playbook p : all) {
      assertThat(p.steps()).allSatisfy(s -> {
        assertThat(s.does()).isNotBlank();
        assertThat(s.reversal()).isNotBlank();
        assertThat(Mitigation.byId(s.mitigation().id())).contains(s.mitigation());
      });
    }
  }

  @Test
  void read_validPlaybook_keepsStepsInOrderWithTheirLines() {
    Playbook p = PlaybookReader.read("p.yaml", HEAD + step("a", "describe-bucket", "preserve", "")
        + step("b", "restore-object-versions", "change", "a"));
    assertThat(p.steps()).extracting(PlaybookStep::id).containsExactly("a", "b");
    assertThat(p.steps().get(1).preconditions()).containsExactly("a");
    assertThat(p.steps().get(1).line()).isEqualTo(14);
    assertThat(p.steps().get(0).mitigation()).isEqualTo(new Mitigation("M1047", "Audit"));
  }

  @Test
  void read_unknownKind_namesFileLineAndKind() {
    assertThat(problems(HEAD + step("a", "reimage-instance", "preserve", "")))
        .containsExactly("p.yaml:8: unknown kind 'reimage-instance' (one of " + List.of(StepKind.values()).stream()
            .map(StepKind::id).toList() + ")");
  }

  @Test
  void read_unknownPrecondition_isReportedOnTheStepLine() {
    assertThat(problems(HEAD + step("a", "describe-bucket", "preserve", "nope")))
        .containsExactly("p.yaml:6: step 'a': precondition 'nope' is not a step of this playbook");
  }

  @Test
  void read_preconditionCycle_isNamedWithItsPath() {
    assertThat(problems(HEAD + step("a", "describe-bucket", "preserve", "b")
        + step("b", "collect-logs", "preserve", "a")))
        .containsExactly("p.yaml:6: step 'a': preconditions make a cycle: a -> b -> a");
  }

  @Test
  void read_selfPrecondition_isACycle() {
    assertThat(problems(HEAD + step("a", "describe-bucket", "preserve", "a")))
        .containsExactly("p.yaml:6: step 'a': preconditions make a cycle: a -> a");
  }

  @Test
  void read_laterPreconditionWithoutCycle_isRefused() {
    assertThat(problems(HEAD + step("a", "describe-bucket", "preserve", "b") + step("b", "collect-logs", "preserve",
        ""))).containsExactly("p.yaml:6: step 'a': precondition 'b' is a later step (steps run in order)");
  }

  @Test
  void read_changeStepWithoutEvidencePrecondition_isRefused() {
    assertThat(problems(HEAD + step("a", "check-image-provenance", "read", "")
        + step("b", "redeploy-from-image", "change", "a")))
        .containsExactly("p.yaml:14: step 'b' changes state: name the evidence (preserve) steps it needs among its"
            + " preconditions");
  }

  @Test
  void read_missingFields_eachReportedWithTheStepLine() {
    assertThat(problems(HEAD + "  - step: a\n    kind: describe-bucket\n    effect: preserve\n"))
        .containsExactly("p.yaml:6: missing 'title'", "p.yaml:6: missing 'does'", "p.yaml:6: missing 'reversible'",
            "p.yaml:6: missing 'how'", "p.yaml:6: missing 'mitigation'");
  }

  @Test
  void read_unknownMitigationEffectTargetAndKey_allReportedAtOnce() {
    String yaml = """
        playbook: test
        title: Test
        threat: ransomware
        targets: [bucket, database]
        steps:
          - step: a
            title: T
            kind: describe-bucket
            effect: destroy
            does: D
            reversible: maybe
            how: H
            mitigation: M9999
            colour: red
        """;
    assertThat(problems(yaml)).containsExactly(
        "p.yaml:4: unknown target 'database' (one of [instance, access-key, role, bucket, account, region])",
        "p.yaml:14: unknown key 'colour' (expected one of [step, title, kind, effect, does, preconditions, "
            + "reversible, how, mitigation, optional])",
        "p.yaml:9: unknown effect 'destroy' (one of [read, preserve, contain, change])",
        "p.yaml:11: 'reversible' must be true or false, not 'maybe'",
        "p.yaml:13: unknown mitigation 'M9999' (known: " + Mitigation.known() + ")");
  }

  @Test
  void read_duplicateStepId_namesTheFirstLine() {
    assertThat(problems(HEAD + step("a", "describe-bucket", "preserve", "") + step("a", "collect-logs", "preserve",
        ""))).containsExactly("p.yaml:14: duplicate step id 'a' (first on line 6)");
  }

  @Test
  void read_notYaml_reportsTheLine() {
    assertThatThrownBy(() -> PlaybookReader.read("p.yaml", "playbook: [unclosed\n"))
        .isInstanceOf(PlaybookException.class).hasMessageStartingWith("p.yaml:");
  }
}
