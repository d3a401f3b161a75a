package dev.kumo.ingest.gworkspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.Authentication;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.json.JsonObject;
import dev.kumo.testing.PantherRecords;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Google Workspace: Reports API, Panther and Cloud Logging layouts, and SigmaHQ's Workspace rules on each. */
class GoogleWorkspaceSourceTest {
  private static LoadedRules rules;

  @BeforeAll
  static void loadRules() {
    rules = SourceTesting.builtinAndSigmaHq();
  }

  /** A Reports API activities.list page: an MFA enforcement switched off, and a suspicious login. */
  private static final String PAGE = """
      {"kind":"admin#reports#activities","etag":"\\"rQx9\\"","items":[
      {"kind":"admin#reports#activity","id":{"time":"2026-03-14T09:12:44.102Z","uniqueQualifier":"-4419201934271",\
      "applicationName":"admin","customerId":"C03k9x1za"},"etag":"\\"a1\\"","actor":{"callerType":"USER",\
      "email":"it-admin@acme.example","profileId":"104477281923004711223"},"ipAddress":"203.0.113.45",\
      "events":[{"type":"SECURITY_SETTINGS","name":"ENFORCE_STRONG_AUTHENTICATION","parameters":[\
      {"name":"ORG_UNIT_NAME","value":"/Finance"},{"name":"NEW_VALUE","value":"false"},{"name":"OLD_VALUE","value":"true"}]}]},
      {"kind":"admin#reports#activity","id":{"time":"2026-03-14T09:20:01.551Z","uniqueQualifier":"88123",\
      "applicationName":"login","customerId":"C03k9x1za"},"actor":{"email":"cfo@acme.example","profileId":"10551"},\
      "ipAddress":"45.83.64.12","events":[{"type":"account_warning","name":"suspicious_login","parameters":[\
      {"name":"affected_email_address","value":"cfo@acme.example"},{"name":"login_timestamp","intValue":"1773480001551000"}]}]}
      ],"nextPageToken":"A:1773480001551000:88123"}""";

  @Test
  void read_pantherGSuiteTests_allReadWithoutProblems() throws Exception {
    SourceTesting.Read r = SourceTesting.read("gsuite.jsonl",
        PantherRecords.ofTypes("other-saas/tests_GSuite.ActivityEvent.jsonl.gz", Set.of("GSuite.ActivityEvent"), true));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(157).allSatisfy(e -> assertThat(e.source()).isEqualTo(GoogleWorkspaceSource.ID));
  }

  @Test
  void read_workspaceRecordsOfPantherEksTests_readAsWorkspace() throws Exception {
    SourceTesting.Read r = SourceTesting.read("g.jsonl",
        PantherRecords.ofTypes("tests_Amazon.EKS.Audit.jsonl.gz", Set.of("GSuite.ActivityEvent"), false));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2).allSatisfy(e -> assertThat(e.source()).isEqualTo(GoogleWorkspaceSource.ID));
  }

  @Test
  void sigmaHq_roleDeletedRule_firesOnPantherDeleteRoleOnly() throws Exception {
    List<JsonObject> recs = PantherRecords.select("other-saas/tests_GSuite.ActivityEvent.jsonl.gz", Set.of(), true);
    String title = SourceTesting.ruleFromFile(rules, "gcp_gworkspace_role_modified_or_deleted.yml").meta().title();
    JsonObject deleteRole = recs.stream().filter(o -> "DELETE_ROLE".equals(o.getString("name"))).findFirst().orElseThrow();
    JsonObject emailSetting = recs.stream().filter(o -> "CHANGE_EMAIL_SETTING".equals(o.getString("name"))).findFirst()
        .orElseThrow();
    NormalizedEvent hit = SourceTesting.read("a.jsonl", PantherRecords.asJsonLines(List.of(deleteRole))).events().get(0);
    NormalizedEvent miss = SourceTesting.read("b.jsonl", PantherRecords.asJsonLines(List.of(emailSetting))).events().get(0);
    assertThat(SourceTesting.matchingRuleTitles(rules, hit)).contains(title);
    assertThat(SourceTesting.matchingRuleTitles(rules, miss)).doesNotContain(title);
    assertThat(hit.field("kumo.eventService")).isEqualTo("admin.googleapis.com");
  }

  @Test
  void read_reportsApiPage_readsEachActivityWithDerivedFields() {
    SourceTesting.Read r = SourceTesting.read("activities.json", PAGE.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    NormalizedEvent mfa = r.events().get(0);
    assertThat(mfa.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(mfa.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.102Z"));
    assertThat(mfa.actor().principal()).isEqualTo("it-admin@acme.example");
    assertThat(mfa.actor().principalId()).isEqualTo("104477281923004711223");
    assertThat(mfa.src().ip()).isEqualTo("203.0.113.45");
    assertThat(mfa.cloud().provider()).isEqualTo("GoogleWorkspace");
    assertThat(mfa.cloud().account()).isEqualTo("C03k9x1za");
    assertThat(mfa.api().operation()).isEqualTo("ENFORCE_STRONG_AUTHENTICATION");
    assertThat(mfa.field("kumo.parameters.NEW_VALUE")).isEqualTo("false");
    String mfaTitle = SourceTesting.ruleFromFile(rules, "gcp_gworkspace_mfa_disabled.yml").meta().title();
    assertThat(SourceTesting.matchingRuleTitles(rules, mfa)).contains(mfaTitle);

    NormalizedEvent login = r.events().get(1);
    assertThat(login.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
    assertThat(login.details()).isInstanceOfSatisfying(Authentication.class, a -> {
      assertThat(a.result()).isEqualTo("failure");
      assertThat(a.reason()).isEqualTo("suspicious_login");
    });
    String loginTitle = SourceTesting.ruleFromFile(rules, "gcp_gworkspace_suspicious_login.yml").meta().title();
    assertThat(SourceTesting.matchingRuleTitles(rules, login)).contains(loginTitle);
    assertThat(SourceTesting.matchingRuleTitles(rules, mfa)).doesNotContain(loginTitle);
  }

  @Test
  void sigmaHq_mfaDisabledRule_doesNotFireWhenEnforcementIsTurnedOn() {
    String on = PAGE.replace("\"value\":\"false\"},{\"name\":\"OLD_VALUE\",\"value\":\"true\"",
        "\"value\":\"true\"},{\"name\":\"OLD_VALUE\",\"value\":\"false\"");
    NormalizedEvent e = SourceTesting.read("on.json", on.getBytes(StandardCharsets.UTF_8)).events().get(0);
    String title = SourceTesting.ruleFromFile(rules, "gcp_gworkspace_mfa_disabled.yml").meta().title();
    assertThat(e.field("kumo.parameters.NEW_VALUE")).isEqualTo("true");
    assertThat(SourceTesting.matchingRuleTitles(rules, e)).doesNotContain(title);
  }

  @Test
  void read_cloudLoggingLoginEntry_isAuthenticationAndFiresTheLoginRule() {
    String entry = """
        {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",\
        "authenticationInfo":{"principalEmail":"cfo@acme.example"},"requestMetadata":{"callerIp":"45.83.64.12",\
        "requestAttributes":{},"destinationAttributes":{}},"serviceName":"login.googleapis.com",\
        "methodName":"google.login.LoginService.govAttackWarning","resourceName":"organizations/4455667788",\
        "metadata":{"@type":"type.googleapis.com/ccc_hosted_reporting.ActivityProto","activityId":{"timeUsec":\
        "1773480001551000","uniqQualifier":"3391"},"event":[{"eventType":"account_warning","eventName":"gov_attack_warning",\
        "parameter":[{"name":"affected_email_address","value":"cfo@acme.example","type":"TYPE_STRING",\
        "label":"LABEL_OPTIONAL"}]}]}},"insertId":"-m2k3j4","resource":{"type":"audited_resource","labels":\
        {"method":"google.login.LoginService.govAttackWarning","service":"login.googleapis.com"}},\
        "timestamp":"2026-03-14T09:20:01.551Z","severity":"NOTICE",\
        "logName":"organizations/4455667788/logs/cloudaudit.googleapis.com%2Fdata_access"}""";
    SourceTesting.Read r = SourceTesting.read("login.jsonl", (entry + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    NormalizedEvent e = r.events().get(0);
    assertThat(e.source()).isEqualTo(GoogleWorkspaceSource.ID);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
    assertThat(e.id()).isEqualTo("-m2k3j4");
    assertThat(e.cloud().account()).isEqualTo("organizations/4455667788");
    assertThat(e.src().ip()).isEqualTo("45.83.64.12");
    assertThat(e.field("kumo.parameters.affected_email_address")).isEqualTo("cfo@acme.example");
    String title = SourceTesting.ruleFromFile(rules, "gcp_gworkspace_govattack.yml").meta().title();
    assertThat(SourceTesting.matchingRuleTitles(rules, e)).contains(title);
  }

  @Test
  void read_activityWithTwoEvents_becomesTwoRecords() {
    String activity = """
        {"kind":"admin#reports#activity","id":{"time":"2026-03-14T09:30:00Z","uniqueQualifier":"771",\
        "applicationName":"admin","customerId":"C03k9x1za"},"actor":{"email":"it-admin@acme.example"},\
        "events":[{"type":"DELEGATED_ADMIN_SETTINGS","name":"ASSIGN_ROLE","parameters":[{"name":"ROLE_NAME",\
        "value":"_SEED_ADMIN_ROLE"},{"name":"USER_EMAIL","value":"mallory@acme.example"}]},\
        {"type":"USER_SETTINGS","name":"GRANT_ADMIN_PRIVILEGE","parameters":[{"name":"USER_EMAIL","value":"mallory@acme.example"}]}]}""";
    SourceTesting.Read r = SourceTesting.read("a.jsonl", (activity + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).extracting(e -> e.api().operation()).containsExactly("ASSIGN_ROLE", "GRANT_ADMIN_PRIVILEGE");
    assertThat(r.events()).extracting(NormalizedEvent::id).doesNotHaveDuplicates();
    assertThat(r.events().get(1).resources()).singleElement()
        .satisfies(res -> assertThat(res.uid()).isEqualTo("mallory@acme.example"));
    String title = SourceTesting.ruleFromFile(rules, "gcp_gworkspace_user_granted_admin_privileges.yml").meta().title();
    assertThat(SourceTesting.matchingRuleTitles(rules, r.events().get(1))).contains(title);
    assertThat(SourceTesting.matchingRuleTitles(rules, r.events().get(0))).doesNotContain(title);
  }

  @Test
  void normalize_curatedFragmentWithoutTime_isKept() {
    SourceTesting.Read r = SourceTesting.read("f.jsonl",
        "{\"id\":{\"applicationName\":\"login\"},\"type\":\"login\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
      assertThat(e.actor().label()).isNull();
    });
  }
}
