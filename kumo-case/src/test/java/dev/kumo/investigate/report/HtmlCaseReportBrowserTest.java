package dev.kumo.investigate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Opens the report in the Debian package's headless Chromium (driven by its chromedriver) and checks
 * that it loads cleanly, that nothing planted in the log text runs, and that the filter works.
 * The binaries can be moved with {@code -Dkumo.chromium=...} and {@code -Dkumo.chromedriver=...}.
 * Skipped when Chromium is missing, unless {@code KUMO_REQUIRE_BROWSER=1} or {@code KUMO_REQUIRE_SHARED=1}
 * (CI) is set: then it fails.
 */
class HtmlCaseReportBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("kumo.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("kumo.chromedriver", "/usr/bin/chromedriver"));

  /** Quiets Selenium's "no CDP implementation for this Chromium" warning: the tests use no CDP. */
  private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

  @TempDir
  static Path dir;
  private static String missing = "";
  private static Path profile;
  private static ChromeDriver driver;

  @BeforeAll
  static void startBrowser() throws IOException {
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
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      // Best effort: Chromium's helpers may still be writing to the profile for a moment after quitting.
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @BeforeEach
  void clearConsole() {
    Assumptions.assumeTrue(driver != null, missing);
    driver.get("about:blank");
    driver.manage().logs().get(LogType.BROWSER);
  }

  private static void open(String name, String html) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, html, StandardCharsets.UTF_8);
    driver.get(file.toUri().toString());
  }

  private static void openReport() throws IOException {
    Path file = dir.resolve("report.html");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      HtmlCaseReport.write(ReportFixture.data(), w);
    }
    driver.get(file.toUri().toString());
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static List<LogEntry> severe() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  /** Picks an option as a user does: clicking it fires the select's change event. */
  private static void choose(String selectId, String value) {
    driver.findElements(By.cssSelector("#" + selectId + " option")).stream()
        .filter(o -> value.equals(o.getAttribute("value"))).findFirst().orElseThrow().click();
  }

  private static long visibleRows() {
    return driver.findElements(By.cssSelector("#findings-table tbody tr")).stream().filter(WebElement::isDisplayed)
        .count();
  }

  @Test
  void report_withPlantedMarkup_loadsWithoutConsoleErrors() throws IOException {
    openReport();
    assertThat(js("return document.readyState")).isEqualTo("complete");
    assertThat(driver.getTitle()).isEqualTo("Case javascript:window.__pwned=1");
    assertThat(driver.findElement(By.id("filter-count")).getText()).isEqualTo("8 findings");
    assertThat(severe()).as("console errors").isEmpty();
  }

  @Test
  void report_plantedScripts_doNotRun() throws IOException {
    openReport();
    assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(js("return document.scripts.length")).isEqualTo(1L);
    assertThat(js("return document.querySelectorAll('img,iframe,object,embed,link').length")).isEqualTo(0L);
    driver.findElement(By.id("filter-text")).sendKeys("pwned");
    assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
  }

  @Test
  void report_withoutItsCsp_plantedScriptsStillDoNotRun() throws IOException {
    StringWriter w = new StringWriter();
    HtmlCaseReport.write(ReportFixture.data(), w);
    String meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlCaseReport.CSP + "\">";
    assertThat(w.toString()).contains(meta);
    open("no-csp.html", w.toString().replace(meta, ""));
    assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(js("return document.scripts.length")).isEqualTo(1L);
    assertThat(driver.findElement(By.id("filter-count")).getText()).isEqualTo("8 findings");
  }

  @Test
  void report_wideLogText_doesNotWidenThePage() throws IOException {
    openReport();
    assertThat((Long) js("return document.documentElement.scrollWidth"))
        .isLessThanOrEqualTo((Long) js("return window.innerWidth"));
  }

  @Test
  void report_incidentTitles_areVisibleAsLiteralText() throws IOException {
    openReport();
    List<String> titles = driver.findElements(By.cssSelector(".incident-title")).stream().map(WebElement::getText)
        .toList();
    assertThat(titles).containsExactly(ReportFixture.TITLE_1, ReportFixture.TITLE_2);
    assertThat(driver.findElements(By.cssSelector(".incident-title"))).allMatch(WebElement::isDisplayed);
  }

  @Test
  void report_plantedStrings_appearAsText() throws IOException {
    openReport();
    String text = driver.findElement(By.tagName("body")).getText();
    for (String p : ReportFixture.PLANTED) {
      assertThat(text).contains(p.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"));
    }
  }

  @Test
  void report_textFilter_changesVisibleRows() throws IOException {
    openReport();
    assertThat(visibleRows()).isEqualTo(8);
    WebElement filter = driver.findElement(By.id("filter-text"));
    filter.sendKeys("Bucket deleted");
    assertThat(visibleRows()).isEqualTo(2);
    assertThat(driver.findElement(By.id("filter-count")).getText()).isEqualTo("2 of 8 findings");
    filter.sendKeys(" no-such-word");
    assertThat(visibleRows()).isZero();
    filter.clear();
    filter.sendKeys("<img src=x");
    assertThat(visibleRows()).isPositive().isLessThan(8);
  }

  @Test
  void report_levelAndIncidentFilters_narrowRows() throws IOException {
    openReport();
    choose("filter-level", "3");
    assertThat(visibleRows()).isEqualTo(4);
    choose("filter-level", "");
    choose("filter-incident", "INC-000000000002");
    assertThat(visibleRows()).isEqualTo(2);
    choose("filter-incident", "-");
    assertThat(visibleRows()).isEqualTo(3);
    assertThat(severe()).isEmpty();
  }

  @Test
  void harness_rawPageWithPlantedScript_detectsExecution() throws IOException {
    open("raw.html", "<!DOCTYPE html><html><head><title>raw</title></head><body><p>"
        + ReportFixture.PLANTED.get(0) + "</p></body></html>");
    assertThat(js("return window.__pwned")).isEqualTo(1L);
    open("raw-attr.html", "<!DOCTYPE html><html><body><p title=\"" + ReportFixture.PLANTED.get(1)
        + "\"></p></body></html>");
    assertThat(js("return window.__pwned")).isEqualTo(1L);
  }

  @Test
  void harness_unhashedScriptUnderReportCsp_isBlockedAndLogged() throws IOException {
    open("csp.html", "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
        + HtmlCaseReport.CSP + "\"></head><body>" + ReportFixture.PLANTED.get(0) + "</body></html>");
    assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(severe()).as("CSP violation on the console").isNotEmpty();
  }
}
