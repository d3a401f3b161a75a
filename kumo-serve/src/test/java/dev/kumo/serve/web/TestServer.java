package dev.kumo.serve.web;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.serve.CaseAccess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Test support: a console server on a free port over the shared test case, and a small HTTP client for it. */
final class TestServer implements AutoCloseable {
  static final String PASSWORD = "correct horse battery";
  static final String VIEWER_TOKEN = "viewer-token-0123456789";
  static final String ANALYST_TOKEN = "analyst-token-0123456789";
  private static final String HASH = new PasswordHasher(1024, 1, 1, new SecureRandom()).hash(PASSWORD.toCharArray());
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"login_csrf\" value=\"([^\"]+)\"");

  final WebServer server;
  final NotesStore notes;
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(30)).build();

  TestServer(Path stateDir, Clock clock, CaseAccess cases, Consumer<WebServer.Builder> extra) throws IOException {
    UsersFile users = UsersFile.of(List.of(new WebUser("alice", Role.ANALYST, HASH),
        new WebUser("vic", Role.VIEWER, HASH), new WebUser("ada", Role.ADMIN, HASH)));
    WebConfig config = WebConfig.defaults(stateDir.resolve("users.yaml"), List.of(
        new ApiToken("viewer-bot", Role.VIEWER, ApiToken.digest(VIEWER_TOKEN)),
        new ApiToken("analyst-bot", Role.ANALYST, ApiToken.digest(ANALYST_TOKEN))), stateDir).withAddress("127.0.0.1", 0);
    notes = NotesStore.open(stateDir, clock);
    WebServer.Builder b = WebServer.builder(config, users, cases, notes, clock);
    extra.accept(b);
    server = b.build().start();
  }

  TestServer(Path stateDir, Clock clock) throws IOException {
    this(stateDir, clock, caseAccess(), b -> {});
  }

  static CaseAccess caseAccess() {
    Path dir = ConsoleCase.caseDir();
    return () -> CaseQuery.open(dir);
  }

  String url(String path) {
    return server.baseUrl() + path;
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60)).GET();
    if (headers.length > 0) {
      r.headers(headers);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
    if (headers.length > 0) {
      r.headers(headers);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
      throws IOException, InterruptedException {
    return send("POST", path, "application/x-www-form-urlencoded", form(form), headers);
  }

  static String form(Map<String, String> form) {
    return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  /** A logged-in console session: its cookie header value and CSRF token. */
  record Login(String cookie, String csrf) {
    String[] headers() {
      return new String[] {"Cookie", cookie};
    }
  }

  /** The response of a login attempt (the login form is fetched first, as a browser does). */
  HttpResponse<String> tryLogin(String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> form = get("/login");
    String loginCookie = cookie(form, LoginPages.LOGIN_COOKIE);
    return postForm("/login", Map.of("login_csrf", find(LOGIN_CSRF, form.body()), "user", user, "password", password),
        "Cookie", LoginPages.LOGIN_COOKIE + "=" + loginCookie);
  }

  Login login(String user) throws IOException, InterruptedException {
    HttpResponse<String> r = tryLogin(user, PASSWORD);
    if (r.statusCode() != 303) {
      throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
    }
    String cookie = Auth.COOKIE + "=" + cookie(r, Auth.COOKIE);
    HttpResponse<String> page = get("/incidents", "Cookie", cookie);
    return new Login(cookie, find(CSRF, page.body()));
  }

  static String cookie(HttpResponse<?> r, String name) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      if (c.startsWith(name + "=")) {
        return c.substring(name.length() + 1, c.indexOf(';'));
      }
    }
    throw new AssertionError("no cookie " + name + " in " + r.headers().allValues("Set-Cookie"));
  }

  static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + p + " in page");
    }
    return m.group(1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    notes.close();
  }
}
