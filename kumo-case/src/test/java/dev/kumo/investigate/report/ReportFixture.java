package dev.kumo.investigate.report;

import dev.kumo.attack.Tactic;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingRule;
import dev.kumo.incident.FindingKey;
import dev.kumo.incident.Incident;
import dev.kumo.incident.NarrativeStep;
import dev.kumo.sigma.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Report data for tests: a small case whose log text is full of markup, script and template syntax. */
final class ReportFixture {
  /** Strings an attacker can put in user agents, ARNs, resource names and so on. */
  static final List<String> PLANTED = List.of(
      "<script>window.__pwned=1</script>",
      "\"><img src=x onerror=\"window.__pwned=1\">",
      "'onerror='window.__pwned=1",
      "{{constructor.constructor('window.__pwned=1')()}}",
      "${7*7}",
      "</script><script>window.__pwned=1</script>",
      "javascript:window.__pwned=1",
      "a\u2028b\u2029c");

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant GENERATED = Instant.parse("2026-03-02T08:00:00Z");
  static final String TITLE_1 = "Impact by " + PLANTED.get(0) + " " + PLANTED.get(5);
  static final String TITLE_2 = "Credential access " + PLANTED.get(1) + PLANTED.get(2);

  private ReportFixture() {}

  static String planted(int i) {
    return PLANTED.get(i % PLANTED.size());
  }

  static FindingRule rule(String id, Level level, String title, List<String> techniques, List<Tactic> tactics) {
    return new FindingRule(level, id, id, title, "test", null, "builtin:test", techniques, tactics,
        List.of("threat-" + planted(3)));
  }

  static Finding finding(int i, FindingRule rule) {
    EventSummary e = new EventSummary("ev-" + i, T0.plus(Duration.ofMinutes(17L * i)), "aws.cloudtrail",
        "12345678901" + (i % 2), "us-east-" + (1 + i % 2), "arn:aws:iam::123456789012:user/" + planted(i), "IAMUser",
        "AKIA" + i, "203.0.113." + i, null, "aws-cli/2.0 " + planted(i + 1), "iam.amazonaws.com", "CreateAccessKey",
        i % 3 == 0 ? "AccessDenied" : null, List.of("arn:aws:s3:::bucket-" + planted(i + 2)), "f.json", i);
    return new Finding(rule, e, null, "Reason " + i + ": " + planted(i + 3), List.of(e.id()));
  }

  static CaseReportData data() {
    FindingRule impact = rule("impact-rule", Level.CRITICAL, "Bucket deleted " + planted(6), List.of("T1485"),
        List.of(Tactic.IMPACT));
    FindingRule creds = rule("creds-rule", Level.HIGH, "Access key created", List.of("T1098.001"),
        List.of(Tactic.PERSISTENCE, Tactic.PRIVILEGE_ESCALATION));
    FindingRule recon = rule("recon-rule", Level.LOW, "Enumeration " + planted(4), List.of("T1087.004"),
        List.of(Tactic.DISCOVERY));
    FindingRule info = rule("info-rule", Level.INFORMATIONAL, "Console login", List.of(),
        List.of(Tactic.INITIAL_ACCESS));
    List<Finding> findings = new ArrayList<>();
    FindingRule[] rules = {recon, creds, impact, info, creds, recon, impact, info};
    for (int i = 0; i < rules.length; i++) {
      findings.add(finding(i, rules[i]));
    }
    Incident one = incident("INC-000000000001", TITLE_1, Level.CRITICAL, findings.subList(0, 3));
    Incident two = incident("INC-000000000002", TITLE_2, Level.HIGH, findings.subList(4, 6));
    List<TimelineBucket> timeline = new ArrayList<>();
    for (int h = 0; h < 4; h++) {
      Map<Level, Long> byLevel = h == 2 ? Map.of() : Map.of(Level.CRITICAL, 1L, Level.HIGH, (long) h, Level.LOW, 2L);
      timeline.add(new TimelineBucket(T0.plus(Duration.ofHours(h)), 100L * (h + 1), byLevel));
    }
    List<PrincipalActivity> principals = List.of(
        new PrincipalActivity("arn:aws:iam::123456789012:user/" + planted(0), "IAMUser", T0, T0.plusSeconds(3600),
            List.of("123456789012"), List.of("us-east-1"), List.of("203.0.113.1"),
            List.of("ua " + planted(1), "ua " + planted(3), "ua " + planted(7)), 400, 12, 5),
        new PrincipalActivity("arn:aws:iam::123456789012:role/" + planted(2), null, T0, T0.plusSeconds(60),
            List.of(), List.of(), List.of(), List.of(planted(5)), 3, 0, 0));
    CaseSummary summary = new CaseSummary("Case " + planted(6), "case-" + planted(4), GENERATED, 1000,
        Map.of(Level.CRITICAL, 2L, Level.HIGH, 2L, Level.LOW, 2L, Level.INFORMATIONAL, 2L),
        Map.of("aws.cloudtrail", 990L, "src-" + planted(0), 10L), List.of("123456789010", "123456789011"),
        List.of("us-east-1", "us-east-2"), T0, T0.plus(Duration.ofHours(4)),
        List.of(new CaseLoad(1, GENERATED.minusSeconds(60), GENERATED.minusSeconds(30), 1000, 8)));
    return new CaseReportData(summary, List.of(one, two), findings, principals, timeline);
  }

  static Incident incident(String id, String title, Level level, List<Finding> members) {
    List<NarrativeStep> steps = new ArrayList<>();
    for (Finding f : members.stream().sorted((a, b) -> a.tactics().get(0).compareTo(b.tactics().get(0))).toList()) {
      steps.add(new NarrativeStep(f.tactics().get(0), f.time(), f.time(), f.level(), f.techniques(),
          "Step " + f.tactics().get(0).displayName() + " by " + f.event().principal(), 1));
    }
    return new Incident(id, title, level, members.get(0).time(), members.get(members.size() - 1).time(),
        members.stream().map(f -> f.event().principal()).distinct().toList(), List.of("AKIA1"),
        List.of("123456789012"), List.of("us-east-1"), List.of("203.0.113.7"),
        List.of("arn:aws:s3:::" + planted(1)), List.of("data-destruction"), List.of("T1485"), steps,
        List.of("same access key AKIA1 " + planted(2), "same source 203.0.113.7"),
        members.stream().map(FindingKey::of).toList());
  }
}
