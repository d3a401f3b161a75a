package dev.kumo.ingest.duo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.Authentication;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.testing.PantherRecords;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cisco Duo: Panther's authentication and administrator samples, Admin API responses, SigmaHQ's Duo rule. */
class CiscoDuoSourceTest {
  private static final String AUTH_RESPONSE = """
      {"stat":"OK","response":{"authlogs":[{"access_device":{"browser":"Chrome","browser_version":"122.0.0.0",\
      "ip":"185.220.101.33","location":{"city":"Frankfurt am Main","country":"Germany","state":"Hesse"},"os":"Windows",\
      "os_version":"10"},"alias":"","application":{"key":"DIY3Q1RZ2X8A0B7C6D5E","name":"Okta"},"auth_device":{"ip":null,\
      "location":{},"name":null},"email":"cfo@acme.example","event_type":"authentication","factor":"bypass_code",\
      "isotimestamp":"2026-03-14T09:12:44.301000+00:00","ood_software":null,"reason":"bypass_user","result":"success",\
      "timestamp":1773479564,"trusted_endpoint_status":"not trusted","txid":"340a23e3-23f3-4c8e-8f2a-1d6b3c9e0a71",\
      "user":{"groups":["Finance"],"key":"DUY8F3K2L1M0N9P8Q7R6","name":"dana.reyes"}}],"metadata":{"next_offset":null,\
      "total_objects":1}}}""";

  @Test
  void read_pantherDuoTests_allReadWithoutProblems() throws Exception {
    SourceTesting.Read auth = SourceTesting.read("a.jsonl",
        PantherRecords.ofTypes("other-saas/tests_Duo.Authentication.jsonl.gz", Set.of("Duo.Authentication"), true));
    SourceTesting.Read admin = SourceTesting.read("b.jsonl",
        PantherRecords.ofTypes("other-saas/tests_Duo.Administrator.jsonl.gz", Set.of("Duo.Administrator"), true));
    assertThat(auth.problems()).isEmpty();
    assertThat(admin.problems()).isEmpty();
    assertThat(auth.events()).hasSize(14).allSatisfy(e -> {
      assertThat(e.source()).isEqualTo(CiscoDuoSource.ID);
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
    });
    assertThat(admin.events()).hasSize(28).allSatisfy(e -> assertThat(e.source()).isEqualTo(CiscoDuoSource.ID));
    assertThat(admin.events()).filteredOn(e -> "admin_login".equals(e.api().operation())).isNotEmpty()
        .allSatisfy(e -> {
          assertThat(e.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
          assertThat(e.src().ip()).isEqualTo("1.2.3.4");
        });
  }

  @Test
  void sigmaHq_bypassCodeRule_firesOnPantherBypassOnly() throws Exception {
    LoadedRules rules = SourceTesting.builtinAndSigmaHq();
    String title = SourceTesting.ruleFromFile(rules, "cisco_duo_mfa_bypass_via_bypass_code.yml").meta().title();
    var events = SourceTesting.read("a.jsonl",
        PantherRecords.ofTypes("other-saas/tests_Duo.Authentication.jsonl.gz", Set.of("Duo.Authentication"), true)).events();
    assertThat(events).filteredOn(e -> SourceTesting.matchingRuleTitles(rules, e).contains(title)).singleElement()
        .satisfies(e -> assertThat(e.field("reason")).isEqualTo("bypass_user"));
  }

  @Test
  void read_adminApiAuthLogResponse_normalizesTheAuthentication() {
    SourceTesting.Read r = SourceTesting.read("authlogs.json", AUTH_RESPONSE.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    NormalizedEvent e = r.events().get(0);
    assertThat(e.id()).isEqualTo("340a23e3-23f3-4c8e-8f2a-1d6b3c9e0a71");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.301Z"));
    assertThat(e.actor().principal()).isEqualTo("dana.reyes");
    assertThat(e.src().ip()).isEqualTo("185.220.101.33");
    assertThat(e.details()).isInstanceOfSatisfying(Authentication.class, a -> {
      assertThat(a.result()).isEqualTo("success");
      assertThat(a.reason()).isEqualTo("bypass_user");
      assertThat(a.method()).isEqualTo("bypass_code");
      assertThat(a.application()).isEqualTo("Okta");
    });
  }

  @Test
  void normalize_administratorDescriptionThatIsNotJson_keepsTheEvent() {
    String admin = "{\"action\":\"user_update\",\"description\":\"{not json\",\"isotimestamp\":\"2026-03-14T09:20:00+00:00\","
        + "\"object\":\"dana.reyes\",\"timestamp\":1773480000,\"username\":\"IT Admin\"}\n";
    SourceTesting.Read r = SourceTesting.read("admin.jsonl", admin.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
      assertThat(e.actor().principal()).isEqualTo("IT Admin");
      assertThat(e.src().ip()).isNull();
      assertThat(e.resources()).singleElement().satisfies(res -> assertThat(res.uid()).isEqualTo("dana.reyes"));
    });
  }
}
