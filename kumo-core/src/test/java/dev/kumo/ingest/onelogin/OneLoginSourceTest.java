package dev.kumo.ingest.onelogin;

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

/** OneLogin events: Panther's samples, Events API pages, SigmaHQ's OneLogin rules. */
class OneLoginSourceTest {
  private static final String PAGE = """
      {"status":{"error":false,"code":200,"type":"success","message":"Success"},"pagination":{"before_cursor":null,\
      "after_cursor":"ZW5kX2N1cnNvcg","previous_link":null,"next_link":null},"data":[\
      {"id":99112233441,"created_at":"2026-03-14T09:12:44.301Z","account_id":77123,"user_id":5512,"event_type_id":6,\
      "notes":null,"ipaddr":"185.220.101.33","actor_user_id":5512,"actor_user_name":"Dana Reyes","user_name":"Dana Reyes",\
      "app_name":null,"error_description":"Incorrect password","risk_score":71},\
      {"id":99112233442,"created_at":"2026-03-14T09:13:02.010Z","account_id":77123,"user_id":6610,"event_type_id":3,\
      "ipaddr":"203.0.113.45","actor_user_id":5512,"actor_user_name":"Dana Reyes","user_name":"Sam Patel"}]}""";

  @Test
  void read_pantherOneLoginTests_allReadWithoutProblems() throws Exception {
    SourceTesting.Read r = SourceTesting.read("ol.jsonl",
        PantherRecords.ofTypes("other-saas/tests_OneLogin.Events.jsonl.gz", Set.of("OneLogin.Events"), true));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(28).allSatisfy(e -> assertThat(e.source()).isEqualTo(OneLoginSource.ID));
  }

  @Test
  void read_eventsApiPage_normalizesSignInsAndOtherEvents() {
    SourceTesting.Read r = SourceTesting.read("events.json", PAGE.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
    NormalizedEvent failed = r.events().get(0);
    assertThat(failed.ocsfClass()).isEqualTo(OcsfClass.AUTHENTICATION);
    assertThat(failed.id()).isEqualTo("99112233441");
    assertThat(failed.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.301Z"));
    assertThat(failed.src().ip()).isEqualTo("185.220.101.33");
    assertThat(failed.cloud().account()).isEqualTo("77123");
    assertThat(failed.details()).isInstanceOfSatisfying(Authentication.class, a -> {
      assertThat(a.result()).isEqualTo("failure");
      assertThat(a.reason()).isEqualTo("Incorrect password");
    });
    NormalizedEvent assumed = r.events().get(1);
    assertThat(assumed.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(assumed.actor().userName()).isEqualTo("Dana Reyes");
    assertThat(assumed.api().operation()).isEqualTo("user assumed another user (3)");
    assertThat(assumed.resources()).extracting(res -> res.uid()).containsExactly("Sam Patel");
  }

  @Test
  void sigmaHq_assumedAnotherUserRule_firesOnPantherStringTypeIdOnly() throws Exception {
    LoadedRules rules = SourceTesting.builtinAndSigmaHq();
    String title = SourceTesting.ruleFromFile(rules, "onelogin_assumed_another_user.yml").meta().title();
    var events = SourceTesting.read("ol.jsonl",
        PantherRecords.ofTypes("other-saas/tests_OneLogin.Events.jsonl.gz", Set.of("OneLogin.Events"), true)).events();
    assertThat(events).filteredOn(e -> SourceTesting.matchingRuleTitles(rules, e).contains(title)).isNotEmpty()
        .allSatisfy(e -> assertThat(e.field("event_type_id")).isEqualTo("3"));
    assertThat(events).filteredOn(e -> !SourceTesting.matchingRuleTitles(rules, e).contains(title)).isNotEmpty();
  }
}
