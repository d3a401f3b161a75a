package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kumo.casestore.CaseQuery;
import dev.kumo.incident.Incident;
import dev.kumo.serve.CaseAccess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The response plan in the incident view and {@code GET /api/v1/incidents/{id}/plan}: shown, never run. */
class IncidentPlanTest {
  /** A case folder a shell would expand and split if the command line did not quote it. */
  static final Path CASE_DIR = Path.of("/srv/kumo cases/it's $HOME");
  static String attackIncident;
  static String plantedIncident;

  @TempDir
  Path state;
  TestServer s;

  @BeforeAll
  static void findIncidents() throws IOException {
    try (CaseQuery q = CaseQuery.open(ConsoleCase.caseDir())) {
      for (Incident i : q.incidents()) {
        if (i.principals().stream().anyMatch(p -> p.contains("web-app-instance"))) {
          attackIncident = i.id();
        }
        if (i.principals().contains(ConsoleCase.PRINCIPAL)) {
          plantedIncident = i.id();
        }
      }
    }
    assertThat(attackIncident).as("simulated attack incident").isNotNull();
    assertThat(plantedIncident).as("planted incident").isNotNull();
  }

  @BeforeEach
  void start() throws IOException {
    Path dir = ConsoleCase.caseDir();
    CaseAccess cases = new CaseAccess() {
      @Override
      public CaseQuery open() throws IOException {
        return CaseQuery.open(dir);
      }

      @Override
      public @Nullable Path location() {
        return CASE_DIR;
      }
    };
    s = new TestServer(state, new MutableClock(Instant.parse("2026-11-26T09:00:00Z")), cases, b -> {});
  }

  @AfterEach
  void stop() throws IOException {
    s.close();
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  @Test
  void incidentPage_simulatedAttack_showsTheFittingPlaybooksStepsInOrder_withCallsAndReversibility() throws Exception {
    String page = s.get("/incidents/" + attackIncident, s.login("vic").headers()).body();

    assertThat(page).contains("<section id=\"plan\"><h2>Response plan</h2>", "the console never runs",
        "<code>compromised-instance</code>", "Chosen because the targets name the instance i-",
        "<dt>Account</dt><dd><code>", "<dt>Role</dt><dd><code>arn:aws:iam::", "<dt>Case id (tags)</dt><dd><code>" + attackIncident,
        "aws ec2 create-snapshots --instance-specification InstanceId=i-", "<strong>no</strong>: ",
        "<span class=\"effect effect-preserve\">preserve</span>", "Values known at run time",
        "a placeholder in the calls: give <code>--forensic-account</code>");
    int one = page.indexOf("id=\"plan-step-1\"");
    int two = page.indexOf("id=\"plan-step-2\"");
    assertThat(one).isPositive().isLessThan(two);
    assertThat(page.indexOf("<section id=\"plan\">")).isGreaterThan(page.indexOf("<h2>Findings"))
        .isLessThan(page.indexOf("<section id=\"notes\">"));
    assertThat(page).doesNotContainPattern("(?i)<script|<[^>]*\\s(style|on[a-z]+)=");
  }

  @Test
  void incidentPage_commandLines_quoteTheCaseFolderAndIncidentForTheShell() throws Exception {
    String page = s.get("/incidents/" + attackIncident, s.login("vic").headers()).body();

    String args = " --case &#39;/srv/kumo cases/it&#39;\\&#39;&#39;s $HOME&#39; --incident " + attackIncident;
    assertThat(page).contains("<code class=\"cli\">kumo respond plan" + args + "</code>",
        "<code class=\"cli\">kumo respond run" + args + "</code>",
        "<code class=\"cli\">kumo respond run" + args + " --execute</code>");
  }

  @Test
  void incidentPage_plannedMarkupIncident_saysWhyThereIsNoPlan_andShowsItsValuesEscaped() throws Exception {
    String page = s.get("/incidents/" + plantedIncident, s.login("alice").headers()).body();

    assertThat(page).contains("id=\"plan-none\">No plan: the incident names no instance, long-term access key, role "
        + "or bucket", "principal not used by the plan (not a role): arn:aws:iam::111122223333:user/&lt;script&gt;")
        .doesNotContain("<script", "<img", "<svg", "id=\"plan-steps\"");
  }

  @Test
  void incidentPage_playbookParameter_showsThatPlaybook_orWhyItDoesNotFit() throws Exception {
    TestServer.Login vic = s.login("vic");

    String role = s.get("/incidents/" + attackIncident + "?playbook=compromised-workload-role", vic.headers()).body();
    String bucket = s.get("/incidents/" + attackIncident + "?playbook=s3-ransomware", vic.headers()).body();

    assertThat(role).contains("<code>compromised-workload-role</code>", "Chosen because asked for (without it: "
        + "compromised-instance)", "--playbook compromised-workload-role</code>",
        "<option value=\"compromised-workload-role\" selected>");
    assertThat(bucket).contains("No plan: playbook s3-ransomware needs bucket");
  }

  @Test
  void incidentPage_unknownOrFilePlaybook_is400_andNoFileIsRead() throws Exception {
    TestServer.Login vic = s.login("vic");

    HttpResponse<String> r = s.get("/incidents/" + attackIncident + "?playbook=%2Fetc%2Fpasswd", vic.headers());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown playbook: give one of [").doesNotContain("/etc/passwd", "root:");
  }

  @Test
  void api_plan_isKumoPlanJson_withItsStepsInOrder() throws Exception {
    HttpResponse<String> r = s.get("/api/v1/incidents/" + attackIncident + "/plan", bearer(TestServer.VIEWER_TOKEN));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
        "application/json"));
    Map<String, String> top = new java.util.HashMap<>();
    List<Integer> indexes = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(r.body())) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("steps")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            p.nextToken();
            assertThat(p.currentName()).isEqualTo("index");
            p.nextToken();
            indexes.add(p.getIntValue());
            p.skipChildren();
            while (p.nextToken() != JsonToken.END_OBJECT) {
              p.nextToken();
              p.skipChildren();
            }
          }
        } else if (t == JsonToken.VALUE_STRING) {
          top.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
    }
    assertThat(top).containsEntry("schema", "kumo.plan/1").containsEntry("playbook", "compromised-instance")
        .containsEntry("provider", "aws");
    assertThat(indexes).hasSizeGreaterThan(3);
    for (int i = 0; i < indexes.size(); i++) {
      assertThat(indexes.get(i)).isEqualTo(i + 1);
    }
    assertThat(r.body()).contains("\"cli\" : \"aws ec2 create-snapshots");
  }

  @Test
  void api_plan_playbookParameter_unknownIncident404_noPlan422_unknownPlaybook400() throws Exception {
    String[] viewer = bearer(TestServer.VIEWER_TOKEN);
    String base = "/api/v1/incidents/" + attackIncident + "/plan";

    assertThat(s.get(base + "?playbook=compromised-workload-role", viewer).body())
        .contains("\"playbook\" : \"compromised-workload-role\"");
    assertThat(s.get("/api/v1/incidents/INC-000000000000/plan", viewer)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).isEqualTo("{\"error\":\"no such incident\"}");
    });
    assertThat(s.get("/api/v1/incidents/" + plantedIncident + "/plan", viewer)).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(422);
      assertThat(r.body()).startsWith("{\"error\":\"no response plan: the incident names no instance")
          .doesNotContain("<script");
    });
    assertThat(s.get(base + "?playbook=..%2Fplaybook.yaml", viewer).statusCode()).isEqualTo(400);
  }

  @Test
  void plan_needsAViewer_pageRedirectsToLogin_apiAnswers401() throws Exception {
    HttpResponse<String> page = s.get("/incidents/" + attackIncident);
    HttpResponse<String> api = s.get("/api/v1/incidents/" + attackIncident + "/plan");
    HttpResponse<String> badToken = s.get("/api/v1/incidents/" + attackIncident + "/plan", bearer("nope-0123456789"));
    HttpResponse<String> analyst = s.get("/api/v1/incidents/" + attackIncident + "/plan",
        bearer(TestServer.ANALYST_TOKEN));

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).contains("/login");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.body()).doesNotContain("kumo.plan");
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(analyst.statusCode()).isEqualTo(200);
    assertThat(s.server.routes()).contains(new RouteSpec("GET", "/api/v1/incidents/{id}/plan", Role.VIEWER));
  }
}
