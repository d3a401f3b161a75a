package dev.kumo.tuning;

import static dev.kumo.testing.CloudTrailEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingRule;
import dev.kumo.sigma.Level;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutelistTest {
  private static final FindingRule RULE = new FindingRule(Level.MEDIUM, "11111111-2222-3333-4444-555555555555",
      "kumo_aws_iam_role_created", "AWS IAM Role Created", "Kumo", "Apache-2.0", "builtin:x", List.of("T1136.003"),
      List.of(), List.of());

  private static Mutelist read(String yaml) {
    return MutelistReader.read(new StringReader(yaml), "mute.yml");
  }

  private static final String ENTRY = """
      mutelist:
        - name: ci-creates-roles
          reason: the deploy pipeline creates roles on every release
          owner: platform-team@example.com
          expires: 2027-03-31
          rules: [kumo_aws_iam_role_created]
          principal: arn:aws:sts::111122223333:assumed-role/ci-deployer/*
          source_ip: [10.0.0.0/8, 192.0.2.7]
          fields:
            requestParameters.roleName: app-*
      """;

  private static Finding finding(NormalizedEvent e) {
    return new Finding(RULE, EventSummary.of(e), null, "r", List.of(e.id()));
  }

  private static NormalizedEvent createRole(String principalRole, String ip, String roleName) {
    return event().identity(dev.kumo.testing.CloudTrailEvents.role(principalRole, "s1", "ASIA1")).ip(ip)
        .call("iam.amazonaws.com", "CreateRole").request("{\"roleName\":\"" + roleName + "\"}").build();
  }

  @Test
  void match_everyCriterionHolds_suppresses() {
    Mutelist m = read(ENTRY);
    NormalizedEvent e = createRole("ci-deployer", "10.1.2.3", "app-orders");

    assertThat(m.match(finding(e), e.raw())).isNotNull().extracting(MuteEntry::name).isEqualTo("ci-creates-roles");
  }

  @Test
  void match_oneCriterionFails_doesNotSuppress() {
    Mutelist m = read(ENTRY);
    NormalizedEvent otherIp = createRole("ci-deployer", "45.61.136.20", "app-orders");
    NormalizedEvent otherPrincipal = createRole("attacker", "10.1.2.3", "app-orders");
    NormalizedEvent otherRole = createRole("ci-deployer", "192.0.2.7", "admin-backdoor");

    assertThat(m.match(finding(otherIp), otherIp.raw())).isNull();
    assertThat(m.match(finding(otherPrincipal), otherPrincipal.raw())).isNull();
    assertThat(m.match(finding(otherRole), otherRole.raw())).isNull();
  }

  @Test
  void match_fieldCriterionWithoutRawRecord_neverSuppresses() {
    NormalizedEvent e = createRole("ci-deployer", "10.1.2.3", "app-orders");

    assertThat(read(ENTRY).match(finding(e), null)).isNull();
  }

  @Test
  void match_ruleByTitleGlob_suppressesAnyPrincipal() {
    Mutelist m = read("""
        mutelist:
          - {name: roles, reason: lab account, owner: me, expires: 2030-01-01, rules: "AWS IAM Role *"}
        """);
    NormalizedEvent e = createRole("anyone", "45.61.136.20", "x");

    assertThat(m.match(finding(e), null)).isNotNull();
  }

  @Test
  void activeOn_afterExpiry_entryIsExpiredNotApplied() {
    Mutelist m = read(ENTRY);

    assertThat(m.activeOn(LocalDate.parse("2027-03-31")).entries()).hasSize(1);
    assertThat(m.activeOn(LocalDate.parse("2027-04-01")).entries()).isEmpty();
    assertThat(m.expired(LocalDate.parse("2027-04-01"))).extracting(MuteEntry::name).containsExactly("ci-creates-roles");
  }

  @Test
  void read_missingReasonOwnerOrExpiry_isAnErrorWithLine() {
    assertThatThrownBy(() -> read("mutelist:\n  - name: x\n    owner: me\n    expires: 2030-01-01\n    rules: r\n"))
        .hasMessage("mute.yml:2: every mutelist entry needs 'reason'");
    assertThatThrownBy(() -> read("mutelist:\n  - {name: x, reason: y, owner: z, expires: soon, rules: r}\n"))
        .hasMessageContaining("'expires' must be a date like 2027-03-31");
  }

  @Test
  void read_unknownKeyOrNoCriteria_isRejected() {
    assertThatThrownBy(() -> read("mutelist:\n  - {name: x, reason: y, owner: z, expires: 2030-01-01, princpal: p}\n"))
        .hasMessageContaining("unknown key 'princpal'");
    assertThatThrownBy(() -> read("mutelist:\n  - {name: x, reason: y, owner: z, expires: 2030-01-01}\n"))
        .hasMessageContaining("has no criteria and would suppress every finding");
  }

  @Test
  void read_duplicateNamesOrBadNetwork_isRejected() {
    String e = "  - {name: x, reason: y, owner: z, expires: 2030-01-01, rules: r}\n";
    assertThatThrownBy(() -> read("mutelist:\n" + e + e)).hasMessageContaining("entry name 'x' is used twice");
    assertThatThrownBy(() -> read("mutelist:\n  - {name: x, reason: y, owner: z, expires: 2030-01-01, source_ip: 10.0.0.0/40}\n"))
        .hasMessageContaining("prefix length");
  }

  @Test
  void glob_starAndQuestionMark_matchAsDocumented() {
    assertThat(new Glob("arn:*:role/ci-*").matches("arn:aws:iam::1:role/ci-deployer")).isTrue();
    assertThat(new Glob("a?c").matches("abc")).isTrue();
    assertThat(new Glob("a?c").matches("ac")).isFalse();
    assertThat(new Glob("*").matches("")).isTrue();
    assertThat(new Glob("abc").matches("ABC")).isFalse();
    assertThat(new Glob("*a*a*a*a*a*b").matches("a".repeat(5000))).isFalse();
  }
}
