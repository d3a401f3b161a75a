package dev.kumo.ingest.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.Authentication;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bitbucket Data Center audit log file: normalization and SigmaHQ's Bitbucket rules. */
class BitbucketAuditSourceTest {
  private static final Path SAMPLE = Path.of("src/test/resources/samples/bitbucket.audit/20260314-00000.audit.log");

  @Test
  void read_auditLogFile_readsEveryLine() {
    SourceTesting.Read r = SourceTesting.read(SAMPLE);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(7).allSatisfy(e -> assertThat(e.source()).isEqualTo(BitbucketAuditSource.ID));
  }

  @Test
  void normalize_loginFailure_isFailedAuthenticationFromTheClientAddress() {
    NormalizedEvent e = SourceTesting.read(SAMPLE).events().get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:10:05.120Z"));
    assertThat(e.src().ip()).isEqualTo("203.0.113.80");
    assertThat(e.cloud().account()).isEqualTo("https://git.acme.example");
    assertThat(e.details()).isInstanceOfSatisfying(Authentication.class, a -> assertThat(a.result()).isEqualTo("failure"));
  }

  @Test
  void sigmaHq_bitbucketRules_fireOnTheirEventsOnly() {
    LoadedRules rules = SourceTesting.builtinAndSigmaHq();
    var events = SourceTesting.read(SAMPLE).events();
    String permissions = SourceTesting.ruleFromFile(rules, "bitbucket_audit_global_permissions_change_detected.yml").meta().title();
    String export = SourceTesting.ruleFromFile(rules, "bitbucket_audit_full_data_export_triggered.yml").meta().title();
    String loginFailed = SourceTesting.ruleFromFile(rules, "bitbucket_audit_user_login_failure_detected.yml").meta().title();
    NormalizedEvent granted = events.get(3);
    assertThat(granted.api().operation()).isEqualTo("Global permission granted");
    assertThat(granted.actor().principal()).isEqualTo("admin");
    assertThat(granted.resources()).singleElement().satisfies(res -> {
      assertThat(res.uid()).isEqualTo("mallory");
      assertThat(res.type()).isEqualTo("USER");
    });
    assertThat(SourceTesting.matchingRuleTitles(rules, granted)).containsExactly(permissions);
    assertThat(SourceTesting.matchingRuleTitles(rules, events.get(5))).containsExactly(export);
    assertThat(SourceTesting.matchingRuleTitles(rules, events.get(0))).containsExactly(loginFailed);
    assertThat(SourceTesting.matchingRuleTitles(rules, events.get(1))).isEmpty(); // repository created
  }

  @Test
  void read_brokenLine_isReportedAndTheRestRead() throws Exception {
    String[] lines = Files.readString(SAMPLE).split("\n");
    lines[2] = lines[2].substring(0, lines[2].length() / 2); // a line cut off when the node crashed
    SourceTesting.Read r = SourceTesting.read("b.audit.log", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(r.events()).hasSize(6);
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_JSON);
      assertThat(p.line()).isEqualTo(3L);
    });
  }
}
