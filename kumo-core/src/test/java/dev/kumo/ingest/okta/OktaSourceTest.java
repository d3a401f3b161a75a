package dev.kumo.ingest.okta;

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

/** Okta System Log: Panther's samples (with lower-cased keys), API pages, EventBridge, SigmaHQ's Okta rules. */
class OktaSourceTest {
  private static LoadedRules rules;

  @BeforeAll
  static void loadRules() {
    rules = SourceTesting.builtinAndSigmaHq();
  }

  private static final String SESSION_START = """
      {"uuid":"9f3c1d2e-21bd-11f0-a011-1b2c3d4e5f60","published":"2026-03-14T09:12:44.301Z","eventType":"user.session.start",\
      "version":"0","severity":"INFO","legacyEventType":"core.user_auth.login_success","displayMessage":"User login to Okta",\
      "actor":{"id":"00u1a2b3c4d5E6F7g8h9","type":"User","alternateId":"cfo@acme.example","displayName":"Dana Reyes"},\
      "client":{"userAgent":{"rawUserAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0.0.0",\
      "os":"Windows 10","browser":"CHROME"},"zone":"null","device":"Computer","ipAddress":"185.220.101.33",\
      "geographicalContext":{"city":"Frankfurt am Main","country":"Germany"}},"outcome":{"result":"SUCCESS"},\
      "target":[],"transaction":{"type":"WEB","id":"Zx9y8W7v6U5t"},"debugContext":{"debugData":{"requestId":"Zx9y8W7v6U5t",\
      "requestUri":"/idp/idx/identify","url":"/idp/idx/identify?"}},"authenticationContext":{"authenticationStep":0,\
      "credentialType":"PASSWORD","externalSessionId":"102abcDEF"},"securityContext":{"asNumber":60729,\
      "asOrg":"zwiebelfreunde e.v.","isp":"zwiebelfreunde e.v.","domain":"torservers.net","isProxy":true},\
      "request":{"ipChain":[{"ip":"185.220.101.33","version":"V4"}]}}""";

  @Test
  void read_pantherOktaTests_allReadWithoutProblems() throws Exception {
    SourceTesting.Read r = SourceTesting.read("okta.jsonl",
        PantherRecords.ofTypes("other-saas/tests_Okta.SystemLog.jsonl.gz", Set.of("Okta.SystemLog"), true));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(66).allSatisfy(e -> assertThat(e.source()).isEqualTo(OktaSource.ID));
  }

  @Test
  void read_oktaRecordsOfOtherPantherFiles_readAsOkta() throws Exception {
    List<JsonObject> okta = new java.util.ArrayList<>(
        PantherRecords.select("tests_Amazon.EKS.Audit.jsonl.gz", Set.of("Okta.SystemLog"), false));
    for (SourceTesting.PantherCase c : SourceTesting.pantherCases("tests_correlation_and_query_rules.jsonl.gz")) {
      if (c.ruleId().equals("Okta.Login.From.CrowdStrike.Unmanaged.Device")) {
        okta.add(c.log());
      }
    }
    SourceTesting.Read r = SourceTesting.read("okta.jsonl", PantherRecords.asJsonLines(okta));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(4).allSatisfy(e -> assertThat(e.source()).isEqualTo(OktaSource.ID));
  }

  @Test
  void sigmaHq_anonymisedProxyRule_firesOnPantherProxyLoginOnly() throws Exception {
    List<JsonObject> recs = PantherRecords.select("other-saas/tests_Okta.SystemLog.jsonl.gz", Set.of("Okta.SystemLog"), true);
    String title = SourceTesting.ruleFromFile(rules, "okta_user_session_start_via_anonymised_proxy.yml").meta().title();
    List<NormalizedEvent> sessions = SourceTesting.read("o.jsonl", PantherRecords.asJsonLines(recs)).events().stream()
        .filter(e -> "user.session.start".equals(e.api().operation())).toList();
    assertThat(sessions).filteredOn(e -> SourceTesting.matchingRuleTitles(rules, e).contains(title))
        .hasSize(2).allSatisfy(e -> assertThat(dev.kumo.json.FieldPath.of("securityContext.isProxy", true).firstText(e.raw()))
            .isEqualTo("true"));
    assertThat(sessions).filteredOn(e -> !SourceTesting.matchingRuleTitles(rules, e).contains(title)).isNotEmpty();
  }

  @Test
  void normalize_sessionStart_isAuthenticationWithActorAndClient() {
    NormalizedEvent e = SourceTesting.read("s.json", ("[" + SESSION_START + "]").getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
    assertThat(e.id()).isEqualTo("9f3c1d2e-21bd-11f0-a011-1b2c3d4e5f60");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.301Z"));
    assertThat(e.actor().principal()).isEqualTo("cfo@acme.example");
    assertThat(e.actor().principalId()).isEqualTo("00u1a2b3c4d5E6F7g8h9");
    assertThat(e.src().ip()).isEqualTo("185.220.101.33");
    assertThat(e.src().userAgent()).startsWith("Mozilla/5.0");
    assertThat(e.api().requestId()).isEqualTo("Zx9y8W7v6U5t");
    assertThat(e.details()).isInstanceOfSatisfying(Authentication.class, a -> {
      assertThat(a.result()).isEqualTo("success");
      assertThat(a.method()).isEqualTo("PASSWORD");
    });
  }

  @Test
  void normalize_failedSignInAndAdminChange_failureAndApiActivity() {
    String failed = SESSION_START.replace("\"outcome\":{\"result\":\"SUCCESS\"}",
        "\"outcome\":{\"result\":\"FAILURE\",\"reason\":\"INVALID_CREDENTIALS\"}");
    NormalizedEvent f = SourceTesting.read("f.jsonl", (failed + "\n").getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(f.details()).isInstanceOfSatisfying(Authentication.class, a -> {
      assertThat(a.result()).isEqualTo("failure");
      assertThat(a.reason()).isEqualTo("INVALID_CREDENTIALS");
    });
    String token = SESSION_START.replace("user.session.start", "system.api_token.create")
        .replace("\"target\":[]", "\"target\":[{\"id\":\"00T1x2y3\",\"type\":\"Token\",\"alternateId\":\"unknown\",\"displayName\":\"sync\"}]");
    NormalizedEvent t = SourceTesting.read("t.jsonl", (token + "\n").getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(t.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(t.details()).isNull();
    assertThat(t.resources()).singleElement().satisfies(res -> assertThat(res.uid()).isEqualTo("00T1x2y3"));
    String title = SourceTesting.ruleFromFile(rules, "okta_api_token_created.yml").meta().title();
    assertThat(SourceTesting.matchingRuleTitles(rules, t)).contains(title);
    assertThat(SourceTesting.matchingRuleTitles(rules, f)).doesNotContain(title);
  }

  @Test
  void read_eventBridgeLogStreaming_unwrapsDetail() {
    String eb = "{\"version\":\"0\",\"id\":\"5e2d1c0b\",\"detail-type\":\"SystemLog\",\"source\":"
        + "\"aws.partner/okta.com/acme/okta-stream\",\"account\":\"111122223333\",\"time\":\"2026-03-14T09:12:45Z\","
        + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + SESSION_START + "}";
    SourceTesting.Read r = SourceTesting.read("eb.jsonl", (eb + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(OktaSource.ID);
      assertThat(e.raw().has("detail")).isFalse();
    });
  }
}
