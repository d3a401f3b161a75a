package dev.kumo.ingest.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.json.JsonObject;
import dev.kumo.testing.PantherRecords;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** GitHub audit log: Panther's samples, API pages and streaming lines, SigmaHQ's GitHub rules. */
class GitHubAuditSourceTest {
  @Test
  void read_pantherGitHubAuditTests_allReadWithoutProblems() throws Exception {
    SourceTesting.Read r = SourceTesting.read("gh.jsonl",
        PantherRecords.ofTypes("other-saas/tests_GitHub.Audit.jsonl.gz", Set.of("GitHub.Audit"), true));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(101).allSatisfy(e -> assertThat(e.source()).isEqualTo(GitHubAuditSource.ID));
  }

  @Test
  void sigmaHq_dependabotDisabledRule_firesOnPantherSampleNotOnPush() throws Exception {
    LoadedRules rules = SourceTesting.builtinAndSigmaHq();
    List<JsonObject> recs = PantherRecords.select("other-saas/tests_GitHub.Audit.jsonl.gz", Set.of("GitHub.Audit"), true);
    String title = SourceTesting.ruleFromFile(rules, "github_disabled_outdated_dependency_or_vulnerability.yml").meta().title();
    List<NormalizedEvent> events = SourceTesting.read("gh.jsonl", PantherRecords.asJsonLines(recs)).events();
    NormalizedEvent disabled = events.stream().filter(e -> "dependabot_alerts_new_repos.disable".equals(e.api().operation()))
        .findFirst().orElseThrow();
    NormalizedEvent push = events.stream().filter(e -> "git.push".equals(e.api().operation())).findFirst().orElseThrow();
    assertThat(SourceTesting.matchingRuleTitles(rules, disabled)).contains(title);
    assertThat(SourceTesting.matchingRuleTitles(rules, push)).doesNotContain(title);
  }

  @Test
  void normalize_streamedEvent_fillsTimeActorAndRepository() {
    String line = """
        {"@timestamp":1773479564301,"_document_id":"Xq1bZ9aVYhRk3f2JmL0wPw","action":"repo.destroy","actor":"mallory-x",\
        "actor_id":88112233,"actor_ip":"203.0.113.45","actor_is_bot":false,"actor_location":{"country_code":"RO"},\
        "business":"acme","business_id":4411,"created_at":1773479564301,"operation_type":"remove","org":"acme-eng",\
        "org_id":771122,"repo":"acme-eng/payments-api","repo_id":55667788,"user_agent":"Mozilla/5.0 (X11; Linux x86_64)",\
        "visibility":"private"}""";
    SourceTesting.Read r = SourceTesting.read("stream.json", ("[" + line + "]").getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    NormalizedEvent e = r.events().get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(e.id()).isEqualTo("Xq1bZ9aVYhRk3f2JmL0wPw");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.301Z"));
    assertThat(e.actor().principal()).isEqualTo("mallory-x");
    assertThat(e.actor().principalId()).isEqualTo("88112233");
    assertThat(e.actor().identityType()).isEqualTo("User");
    assertThat(e.src().ip()).isEqualTo("203.0.113.45");
    assertThat(e.cloud().account()).isEqualTo("acme");
    assertThat(e.api().operation()).isEqualTo("repo.destroy");
    assertThat(e.resources()).singleElement().satisfies(res -> {
      assertThat(res.uid()).isEqualTo("acme-eng/payments-api");
      assertThat(res.type()).isEqualTo("repository");
    });
  }

  @Test
  void recognizes_duoAdministratorRecord_isNotGitHub() {
    JsonObject duo = JsonObject.of("action", "admin_login", "username", "Homer", "isotimestamp", "2026-03-14T09:00:00+00:00");
    assertThat(new GitHubAuditSource().recognizes(duo)).isFalse();
  }
}
