package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.incident.Incident;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Acceptance 1 of issue 10, in the Debian package's headless Chromium: an analyst logs in, opens the incident of a
 * simulated attack, pivots to its principal's timeline, adds a note and sees it after a reload; a viewer has no
 * status control and a forged status POST is refused; markup planted in log fields never runs and is shown as text.
 * The binaries can be moved with {@code -Dkumo.chromium=...} and {@code -Dkumo.chromedriver=...}. Skipped when
 * Chromium is missing, unless {@code KUMO_REQUIRE_BROWSER=1} or {@code KUMO_REQUIRE_SHARED=1} (CI): then it fails.
 */
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("kumo.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("kumo.chromedriver", "/usr/bin/chromedriver"));
  private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  @TempDir
  static Path state;
  private static String missing = "";
  private static Path profile;
  private static ChromeDriver driver;
  private static TestServer server;
  private static Incident attack;
  private static Incident planted;

  @BeforeAll
  static void start() throws IOException {
    SELENIUM.setLevel(Level.SEVERE);
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String msg = "headless Chromium not installed (" + CHROMIUM + ", " + CHROMEDRIVER
          + "): apt-get install chromium chromium-driver";
      if ("1".equals(System.getenv("KUMO_REQUIRE_BROWSER")) || "1".equals(System.getenv("KUMO_REQUIRE_SHARED"))) {
        fail(msg + " (required: KUMO_REQUIRE_BROWSER or KUMO_REQUIRE_SHARED is set)");
      }
      missing = msg;
      return;
    }
    try (CaseQuery q = CaseQuery.open(ConsoleCase.caseDir())) {
      for (Incident i : q.incidents()) {
        if (i.principals().stream().anyMatch(p -> p.contains("web-app-instance"))) {
          attack = i;
        }
        if (i.principals().contains(ConsoleCase.PRINCIPAL)) {
          planted = i;
        }
      }
    }
    assertThat(attack).as("the simulated attack's incident").isNotNull();
    assertThat(planted).as("the planted records' incident").isNotNull();
    server = new TestServer(state, Clock.systemUTC());
    profile = Files.createTempDirectory("kumo-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90)).scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @BeforeEach
  void freshBrowser() {
    Assumptions.assumeTrue(driver != null, missing);
    driver.get(server.url("/healthz"));
    driver.manage().deleteAllCookies();
    driver.manage().logs().get(LogType.BROWSER);
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static void open(String path) {
    driver.get(server.url(path));
  }

  private static void login(String user) {
    open("/login");
    driver.findElement(By.id("user")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    driver.findElement(By.id("login")).click();
    assertThat(driver.getTitle()).isEqualTo("Kumo \u00b7 Overview");
  }

  private static List<LogEntry> severe() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  private static void assertNothingRan() {
    assertThat(js("return typeof window.__pwned")).as("planted script ran on " + driver.getCurrentUrl())
        .isEqualTo("undefined");
    assertThat(driver.getTitle()).startsWith("Kumo \u00b7 ").doesNotContain("pwned");
    assertThat(js("return document.scripts.length")).isEqualTo(0L);
    assertThat(js("return document.querySelectorAll('img,svg,iframe,object,embed').length")).isEqualTo(0L);
  }

  @Test
  void analyst_opensIncident_pivotsToPrincipal_addsNote_andSeesItAfterReload() {
    login("alice");
    driver.findElement(By.linkText("Incidents")).click();
    driver.findElement(By.cssSelector("a.incident-link[href='/incidents/" + attack.id() + "']")).click();
    assertThat(driver.findElement(By.id("incident-id")).getText()).isEqualTo(attack.id());
    assertThat(driver.findElements(By.cssSelector("ol.chain li"))).isNotEmpty();
    String incidentUrl = driver.getCurrentUrl();

    String principal = attack.principals().get(0);
    driver.findElement(By.cssSelector("dl.facts a.pivot[href^='/timeline?principal="
        + URLEncoder.encode(principal, StandardCharsets.UTF_8) + "&']")).click();
    assertThat(driver.findElement(By.id("seed")).getText()).isEqualTo(principal);
    assertThat(driver.findElements(By.cssSelector("table.timeline tbody tr"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("table.timeline tbody tr.hit"))).as("events with findings")
        .isNotEmpty();

    driver.get(incidentUrl);
    String note = "Rotated the instance role's credentials. <b>not bold</b>";
    driver.findElement(By.id("note-text")).sendKeys(note);
    driver.findElement(By.cssSelector("#note-form button")).click();
    driver.navigate().refresh();

    List<WebElement> notes = driver.findElements(By.cssSelector("#notes .note-text"));
    assertThat(notes).extracting(WebElement::getText).containsExactly(note);
    assertThat(driver.findElement(By.cssSelector("#notes .note")).getText()).contains("alice");

    driver.findElement(By.cssSelector("#status-select option[value='triaged']")).click();
    driver.findElement(By.cssSelector("#status-form button")).click();
    driver.navigate().refresh();
    assertThat(driver.findElement(By.id("status-value")).getText()).isEqualTo("triaged");
    assertNothingRan();
    assertThat(severe()).as("console errors").isEmpty();
  }

  @Test
  void viewer_hasNoStatusControl_andAForgedStatusPostIsRefused() {
    login("vic");
    open("/incidents/" + planted.id());
    assertThat(driver.findElements(By.id("status-form"))).isEmpty();
    assertThat(driver.findElements(By.id("note-form"))).isEmpty();
    String before = driver.findElement(By.id("status-value")).getText();

    // A hand-made form with the viewer's own, valid CSRF token: the server still refuses it by role.
    js("var f = document.createElement('form'); f.method = 'post'; f.action = '/incidents/"
        + planted.id() + "/status';"
        + "var t = document.querySelector('input[name=csrf]').value;"
        + "[['status','closed'],['csrf',t]].forEach(function(p){var i=document.createElement('input');"
        + "i.type='hidden';i.name=p[0];i.value=p[1];f.appendChild(i);});"
        + "document.body.appendChild(f); f.submit();");

    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("403");
    open("/incidents/" + planted.id());
    assertThat(driver.findElement(By.id("status-value")).getText()).isEqualTo(before);
    assertThat(server.notes.status(planted.id())).isEmpty();
  }

  @Test
  void plantedMarkup_neverRuns_andIsShownAsText() throws Exception {
    login("alice");
    String principalPath = "/timeline?principal=" + URLEncoder.encode(ConsoleCase.PRINCIPAL, StandardCharsets.UTF_8);
    for (String path : List.of("/", "/incidents", "/incidents/" + planted.id(), "/findings", principalPath,
        "/timeline?ip=" + ConsoleCase.PLANTED_IP, "/attack")) {
      open(path);
      assertNothingRan();
    }

    open("/incidents/" + planted.id());
    String page = driver.findElement(By.tagName("main")).getText();
    assertThat(page).contains(ConsoleCase.PRINCIPAL, ConsoleCase.USER_AGENT);
    driver.findElement(By.cssSelector("dl.facts a.pivot")).click();
    assertThat(driver.findElement(By.id("seed")).getText()).isEqualTo(ConsoleCase.PRINCIPAL);
    assertThat(driver.findElement(By.cssSelector("table.timeline")).getText()).contains(ConsoleCase.USER_AGENT);
    assertNothingRan();
    assertThat(severe()).as("console errors (CSP violations show here)").isEmpty();

    TestServer.Login alice = server.login("alice");
    HttpResponse<String> r = server.get("/incidents/" + planted.id(), alice.headers());
    assertThat(r.headers().firstValue("Content-Security-Policy")).contains(WebServer.CSP);
  }
}
