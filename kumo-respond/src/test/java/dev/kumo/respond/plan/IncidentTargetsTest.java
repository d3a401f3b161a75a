package dev.kumo.respond.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.incident.Incident;
import dev.kumo.sigma.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Targets from an incident (shared by the CLI and the console), the fitting playbook and why, shell words. */
class IncidentTargetsTest {
  static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");

  static Incident incident(List<String> principals, List<String> keys, List<String> resources) {
    return new Incident("INC-0a9546950ec0", "t", Level.HIGH, FIRST, FIRST.plusSeconds(600), principals, keys,
        List.of("111122223333"), List.of("us-east-1"), List.of(), resources, List.of(), List.of(), List.of(),
        List.of(), List.of());
  }

  @Test
  void fromIncident_defaultsCaseIdToTheIncident_andStartToItsFirstFinding() {
    PlanTargets t = PlanTargets.fromIncident(incident(
        List.of("arn:aws:sts::111122223333:assumed-role/web-app-instance/i-0abc1234def567890"),
        List.of("ASIAIOSFODNN7EXAMPLE"), List.of()), null, null);

    assertThat(t.instance()).isEqualTo("i-0abc1234def567890");
    assertThat(t.role()).isEqualTo("arn:aws:iam::111122223333:role/web-app-instance");
    assertThat(t.accessKey()).isNull();
    assertThat(t.account()).isEqualTo("111122223333");
    assertThat(t.region()).isEqualTo("us-east-1");
    assertThat(t.caseId()).isEqualTo("INC-0a9546950ec0");
    assertThat(t.compromiseStart()).isEqualTo(FIRST);
    assertThat(t.notes()).singleElement().asString().startsWith("temporary key ASIAIOSFODNN7EXAMPLE");
  }

  @Test
  void fromIncident_explicitCaseIdAndStart_win() {
    Instant start = Instant.parse("2026-02-28T00:00:00Z");
    PlanTargets t = PlanTargets.fromIncident(incident(List.of(), List.of(), List.of("arn:aws:s3:::loot-bucket")),
        "case-7", start);

    assertThat(t.caseId()).isEqualTo("case-7");
    assertThat(t.compromiseStart()).isEqualTo(start);
    assertThat(t.bucket()).isEqualTo("loot-bucket");
  }

  @Test
  void playbookChoice_instanceFirst_namesTheTargetThatDecided() {
    PlanTargets t = PlanTargets.of("i-0abc1234def567890", "AKIAIOSFODNN7EXAMPLE", null, null, null, null, null);

    PlaybookChoice c = PlaybookChoice.fitting(t);

    assertThat(c.playbook()).isEqualTo("compromised-instance").isEqualTo(PlanBuilder.defaultPlaybook(t));
    assertThat(c.reason()).contains("instance i-0abc1234def567890");
    assertThat(PlaybookChoice.fitting(PlanTargets.of(null, null, null, "loot-bucket", null, null, null)).playbook())
        .isEqualTo("s3-ransomware");
  }

  @Test
  void playbookChoice_noTarget_isRefused() {
    assertThatThrownBy(() -> PlaybookChoice.fitting(PlanTargets.of(null, null, null, null, "111122223333", null,
        null))).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no target");
  }

  @Test
  void shellLiteral_quotesWhatAShellWouldExpand() {
    assertThat(Shell.literal("/srv/kumo/case")).isEqualTo("/srv/kumo/case");
    assertThat(Shell.literal("INC-0a9546950ec0")).isEqualTo("INC-0a9546950ec0");
    assertThat(Shell.literal("/srv/${HOME}/case")).isEqualTo("'/srv/${HOME}/case'");
    assertThat(Shell.literal("/srv/it's here;rm -rf ~")).isEqualTo("'/srv/it'\\''s here;rm -rf ~'");
    assertThat(Shell.literal("")).isEqualTo("''");
  }
}
