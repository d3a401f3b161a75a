package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.incident.Incident;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over HTTP: authentication, roles, CSRF, sessions, login limits, headers and escaping. */
class WebServerHttpTest {
  static String attackIncident;
  static String plantedIncident;

  @TempDir
  Path state;
  MutableClock clock;
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
    clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
    s = new TestServer(state, clock, TestServer.caseAccess(), b -> b
        .route(HandlerType.GET, "/metrics", ctx -> ctx.result("kumo_up 1\n"))
        .route(HandlerType.GET, "/api/v1/extra", Role.ADMIN, ctx -> ctx.result(WebServer.caller(ctx).name())));
  }

  @AfterEach
  void stop() throws IOException {
    s.close();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Test
  void healthAndReadiness_areOpen_andShowNoData() throws Exception {
    assertThat(s.get("/healthz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ok\n");
    });
    assertThat(s.get("/readyz")).satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ready\n");
    });
  }

  @Test
  void readyz_caseNotReadable_is503() throws Exception {
    try (TestServer broken = new TestServer(state.resolve("b"), clock, () -> {
      throw new IOException("no case");
    }, b -> {})) {
      assertThat(broken.get("/readyz").statusCode()).isEqualTo(503);
      assertThat(broken.get("/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> api = broken.get("/api/v1/incidents", "Authorization", bearer(TestServer.VIEWER_TOKEN));
      assertThat(api.statusCode()).isEqualTo(503);
      assertThat(api.body()).doesNotContain("no case");
    }
  }

  @Test
  void page_withoutSession_redirectsToLogin_apiAnswers401() throws Exception {
    HttpResponse<String> page = s.get("/incidents");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).contains("/login");

    HttpResponse<String> api = s.get("/api/v1/incidents");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(api.body()).doesNotContain(attackIncident);
  }

  @Test
  void api_unknownBearerToken_is401() throws Exception {
    assertThat(s.get("/api/v1/incidents", "Authorization", bearer("guess")).statusCode()).isEqualTo(401);
    assertThat(s.get("/incidents", "Authorization", bearer("guess")).statusCode()).isEqualTo(401);
  }

  @Test
  void api_viewerToken_readsEverything_butCannotWrite() throws Exception {
    String[] auth = {"Authorization", bearer(TestServer.VIEWER_TOKEN)};
    for (String path : List.of("/api/v1/overview", "/api/v1/incidents", "/api/v1/incidents/" + attackIncident,
        "/api/v1/findings?level=high", "/api/v1/timeline?ip=" + ConsoleCase.PLANTED_IP, "/api/v1/attack")) {
      HttpResponse<String> r = s.get(path, auth);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/json"));
    }

    HttpResponse<String> note = s.send("POST", "/api/v1/incidents/" + attackIncident + "/notes", "application/json",
        "{\"text\":\"hi\"}", auth);
    HttpResponse<String> status = s.send("PUT", "/api/v1/incidents/" + attackIncident + "/status", "application/json",
        "{\"status\":\"closed\"}", auth);

    assertThat(note.statusCode()).isEqualTo(403);
    assertThat(status.statusCode()).isEqualTo(403);
    assertThat(s.notes.notes(attackIncident)).isEmpty();
    assertThat(s.notes.status(attackIncident)).isEmpty();
  }

  @Test
  void api_analystToken_addsNote_andSetsStatus_seenInTheIncident() throws Exception {
    String[] auth = {"Authorization", bearer(TestServer.ANALYST_TOKEN)};

    HttpResponse<String> note = s.send("POST", "/api/v1/incidents/" + attackIncident + "/notes", "application/json",
        "{\"text\":\"key rotated <b>now</b>\"}", auth);
    HttpResponse<String> status = s.send("PUT", "/api/v1/incidents/" + attackIncident + "/status", "application/json",
        "{\"status\":\"triaged\"}", auth);

    assertThat(note.statusCode()).isEqualTo(201);
    assertThat(note.body()).contains("\"author\":\"analyst-bot\"", "\"text\":\"key rotated <b>now</b>\"");
    assertThat(status.statusCode()).isEqualTo(200);
    String inc = s.get("/api/v1/incidents/" + attackIncident, auth).body();
    assertThat(inc).contains("\"status\":\"triaged\"", "key rotated <b>now</b>", "\"narrative\":[{");
  }

  @Test
  void api_badInput_is400_unknownIncident_is404() throws Exception {
    String[] auth = {"Authorization", bearer(TestServer.ANALYST_TOKEN)};
    assertThat(s.send("PUT", "/api/v1/incidents/" + attackIncident + "/status", "application/json",
        "{\"status\":\"done\"}", auth).statusCode()).isEqualTo(400);
    assertThat(s.send("POST", "/api/v1/incidents/" + attackIncident + "/notes", "application/json", "[1]", auth)
        .statusCode()).isEqualTo(400);
    assertThat(s.get("/api/v1/findings?level=severe", auth).statusCode()).isEqualTo(400);
    assertThat(s.get("/api/v1/timeline", auth).statusCode()).isEqualTo(400);
    assertThat(s.get("/api/v1/incidents/INC-nope", auth).statusCode()).isEqualTo(404);
    assertThat(s.send("POST", "/api/v1/incidents/INC-nope/notes", "application/json", "{\"text\":\"x\"}", auth)
        .statusCode()).isEqualTo(404);
  }

  @Test
  void login_rightPassword_setsStrictHttpOnlyCookie_andRotatesTheSession() throws Exception {
    HttpResponse<String> r = s.tryLogin("alice", TestServer.PASSWORD);

    assertThat(r.statusCode()).isEqualTo(303);
    String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Auth.COOKIE + "="))
        .findFirst().orElseThrow();
    assertThat(setCookie).contains("; Path=/", "; HttpOnly", "; SameSite=Strict").doesNotContain("Secure");
    String first = Auth.COOKIE + "=" + TestServer.cookie(r, Auth.COOKIE);
    assertThat(s.get("/", "Cookie", first).statusCode()).isEqualTo(200);

    HttpResponse<String> form = s.get("/login", "Cookie", first);
    assertThat(form.statusCode()).as("already logged in").isEqualTo(303);
    HttpResponse<String> again = s.postForm("/login", Map.of("login_csrf", "t", "user", "alice", "password",
        TestServer.PASSWORD), "Cookie", first + "; " + LoginPages.LOGIN_COOKIE + "=t");
    String second = Auth.COOKIE + "=" + TestServer.cookie(again, Auth.COOKIE);

    assertThat(second).isNotEqualTo(first);
    assertThat(s.get("/", "Cookie", first).statusCode()).as("old session ended").isEqualTo(303);
    assertThat(s.get("/", "Cookie", second).statusCode()).isEqualTo(200);
  }

  @Test
  void login_withoutTheLoginFormToken_is403() throws Exception {
    HttpResponse<String> r = s.postForm("/login", Map.of("user", "alice", "password", TestServer.PASSWORD));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Auth.COOKIE + "="));
  }

  @Test
  void login_fiveFailures_thenRefusedWith429_untilTheWindowPasses() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(s.tryLogin("alice", "wrong").statusCode()).isEqualTo(401);
    }

    assertThat(s.tryLogin("alice", TestServer.PASSWORD).statusCode()).as("even the right password").isEqualTo(429);
    assertThat(s.tryLogin("nobody", "wrong").statusCode()).as("same address").isEqualTo(429);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(s.tryLogin("alice", TestServer.PASSWORD).statusCode()).isEqualTo(303);
  }

  @Test
  void login_unknownUser_answersAsAWrongPassword() throws Exception {
    HttpResponse<String> unknown = s.tryLogin("mallory", "pw");
    HttpResponse<String> wrong = s.tryLogin("alice", "pw");

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).contains("Wrong user name or password.");
    assertThat(wrong.body()).contains("Wrong user name or password.");
  }

  @Test
  void sessionPost_withoutOrWithWrongCsrf_is403_withIt_isAccepted() throws Exception {
    TestServer.Login alice = s.login("alice");
    String path = "/incidents/" + attackIncident + "/notes";

    assertThat(s.postForm(path, Map.of("text", "no token"), alice.headers()).statusCode()).isEqualTo(403);
    assertThat(s.postForm(path, Map.of("text", "bad", "csrf", alice.csrf() + "x"), alice.headers()).statusCode())
        .isEqualTo(403);
    assertThat(s.send("POST", "/api/v1/incidents/" + attackIncident + "/notes", "application/json",
        "{\"text\":\"api without token\"}", alice.headers()).statusCode()).isEqualTo(403);
    assertThat(s.notes.notes(attackIncident)).isEmpty();

    HttpResponse<String> ok = s.postForm(path, Map.of("text", "with token", "csrf", alice.csrf()), alice.headers());
    HttpResponse<String> api = s.send("POST", "/api/v1/incidents/" + attackIncident + "/notes", "application/json",
        "{\"text\":\"api with token\"}", "Cookie", alice.cookie(), Auth.CSRF_HEADER, alice.csrf());

    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(api.statusCode()).isEqualTo(201);
    assertThat(s.notes.notes(attackIncident)).extracting(CaseNote::text, CaseNote::author)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("with token", "alice"),
            org.assertj.core.groups.Tuple.tuple("api with token", "alice"));
  }

  @Test
  void viewerSession_hasNoStatusControl_andAForgedPostIsRefused() throws Exception {
    TestServer.Login vic = s.login("vic");

    String page = s.get("/incidents/" + attackIncident, vic.headers()).body();
    HttpResponse<String> forged = s.postForm("/incidents/" + attackIncident + "/status",
        Map.of("status", "closed", "csrf", vic.csrf()), vic.headers());
    HttpResponse<String> note = s.postForm("/incidents/" + attackIncident + "/notes",
        Map.of("text", "x", "csrf", vic.csrf()), vic.headers());

    assertThat(page).contains("id=\"status-value\">open<").doesNotContain("status-form", "note-form");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(note.statusCode()).isEqualTo(403);
    assertThat(s.notes.status(attackIncident)).isEmpty();
  }

  @Test
  void adminOnlyRoute_refusesAnalyst_allowsAdmin() throws Exception {
    assertThat(s.get("/api/v1/extra", "Authorization", bearer(TestServer.ANALYST_TOKEN)).statusCode()).isEqualTo(403);
    TestServer.Login ada = s.login("ada");
    HttpResponse<String> r = s.get("/api/v1/extra", ada.headers());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ada");
  }

  @Test
  void extraOpenRoute_isServedWithoutTheConsoleChecks() throws Exception {
    HttpResponse<String> r = s.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("kumo_up 1\n");
  }

  @Test
  void logout_endsTheSession() throws Exception {
    TestServer.Login alice = s.login("alice");

    HttpResponse<String> r = s.postForm("/logout", Map.of("csrf", alice.csrf()), alice.headers());

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(Auth.COOKIE + "=;")
        && c.contains("Max-Age=0"));
    assertThat(s.get("/", alice.headers()).statusCode()).isEqualTo(303);
  }

  @Test
  void session_idleTimeout_sendsBackToLogin() throws Exception {
    TestServer.Login alice = s.login("alice");
    clock.advance(WebConfig.DEFAULT_SESSION_IDLE.minusSeconds(1));
    assertThat(s.get("/", alice.headers()).statusCode()).isEqualTo(200);

    clock.advance(WebConfig.DEFAULT_SESSION_IDLE);

    assertThat(s.get("/", alice.headers()).statusCode()).isEqualTo(303);
  }

  @Test
  void everyPage_carriesTheStrictCsp_andSecurityHeaders() throws Exception {
    TestServer.Login alice = s.login("alice");
    for (String path : List.of("/login", "/", "/incidents", "/incidents/" + attackIncident, "/findings?level=low",
        "/timeline?ip=" + ConsoleCase.PLANTED_IP, "/attack", "/posture", "/dead-spots", "/exercises",
        "/incidents/INC-nope")) {
      HttpResponse<String> r = s.get(path, path.equals("/login") ? new String[0] : alice.headers());
      assertThat(r.statusCode()).as(path).isIn(200, 404);
      assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).contains(WebServer.CSP);
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
      assertThat(r.body()).as(path).doesNotContainPattern("(?i)<script|<[^>]*\\s(style|on[a-z]+)=");
    }
  }

  @Test
  void plantedMarkup_isShownEscaped_onEveryPage() throws Exception {
    TestServer.Login alice = s.login("alice");
    for (String path : List.of("/incidents", "/incidents/" + plantedIncident, "/findings",
        "/timeline?ip=" + ConsoleCase.PLANTED_IP, "/timeline?principal="
            + java.net.URLEncoder.encode(ConsoleCase.PRINCIPAL, java.nio.charset.StandardCharsets.UTF_8))) {
      String body = s.get(path, alice.headers()).body();
      assertThat(body).as(path).contains("&lt;script&gt;window.__pwned=1;document.title=&#39;pwned&#39;&lt;/script&gt;")
          .doesNotContain("<script", "<img", "<svg");
    }
    String timeline = s.get("/timeline?ip=" + ConsoleCase.PLANTED_IP, alice.headers()).body();
    assertThat(timeline).contains("&lt;img src=x onerror=&quot;window.__pwned=2");
  }

  @Test
  void unknownPath_is404_withoutEchoingThePath() throws Exception {
    HttpResponse<String> r = s.get("/%3Cscript%3Enope");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Security-Policy")).contains(WebServer.CSP);
    assertThat(r.body()).doesNotContain("<script", "nope");
  }

  @Test
  void note_withSeveralLines_isShownLineByLine_escaped() throws Exception {
    TestServer.Login alice = s.login("alice");
    s.postForm("/incidents/" + attackIncident + "/notes", Map.of("text", "line one\n<i>line two</i>", "csrf",
        alice.csrf()), alice.headers());

    String page = s.get("/incidents/" + attackIncident, alice.headers()).body();

    assertThat(page).contains("<p class=\"note-text\">line one<br>&lt;i&gt;line two&lt;/i&gt;</p>");
  }

  @Test
  void placeholders_sayTheyAreNotAvailable_andShowNoData() throws Exception {
    TestServer.Login vic = s.login("vic");
    assertThat(s.get("/posture", vic.headers()).body()).contains("No report is configured.");
    assertThat(s.get("/dead-spots", vic.headers()).body()).contains("No report is configured.");
  }

  @Test
  void openapi_describesEveryRegisteredApiRoute() throws Exception {
    String doc = s.get("/api/v1/openapi.json").body();
    Set<String> described = new TreeSet<>();
    dev.kumo.json.JsonObject paths = ((dev.kumo.json.JsonObject) dev.kumo.json.JsonTreeReader.lenient().read(doc))
        .getObject("paths");
    for (int i = 0; i < paths.size(); i++) {
      dev.kumo.json.JsonObject methods = (dev.kumo.json.JsonObject) paths.valueAt(i);
      for (int j = 0; j < methods.size(); j++) {
        if (Set.of("get", "post", "put", "delete", "patch").contains(methods.keyAt(j))) {
          described.add(methods.keyAt(j).toUpperCase(java.util.Locale.ROOT) + " " + paths.keyAt(i));
        }
      }
    }
    Set<String> registered = new TreeSet<>();
    for (RouteSpec r : s.server.routes()) {
      if (r.path().startsWith("/api/v1/") && !r.path().equals("/api/v1/extra")) {
        registered.add(r.method() + " " + r.path());
      }
    }

    assertThat(described).isEqualTo(registered);
    assertThat(doc).startsWith("{\n  \"openapi\": \"3.1.0\"");
  }

  @Test
  void everyConsoleAndApiRoute_isGuarded_butHealthLoginAndStatic() {
    for (RouteSpec r : s.server.routes()) {
      if (r.role() == null) {
        assertThat(r.path()).as(r.method() + " " + r.path()).isIn("/healthz", "/readyz", "/login",
            "/static/console.css", "/favicon.ico", "/api/v1/openapi.json", "/metrics");
      }
    }
  }
}
