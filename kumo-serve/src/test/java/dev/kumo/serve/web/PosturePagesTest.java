package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.serve.CaseAccess;
import dev.kumo.serve.reports.ReportFixtures;
import dev.kumo.serve.reports.Reports;
import dev.kumo.serve.reports.ReportsConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The posture and dead-spot pages and API over report files written by kumo-posture's own writers. */
class PosturePagesTest {
  private static final String ESCAPED = "&lt;script&gt;window.__pwned=1&lt;/script&gt;";
  private static final CaseAccess NO_CASE = () -> {
    throw new IOException("these pages do not read the case");
  };

  @TempDir
  Path dir;
  Path posture;
  Path deadSpots;
  TestServer s;
  TestServer.Login vic;

  @BeforeEach
  void start() throws Exception {
    posture = ReportFixtures.writePosture(dir.resolve("posture.jsonl"));
    deadSpots = ReportFixtures.writeDeadSpots(dir.resolve("dead-spots.json"));
    s = server(Reports.of(new ReportsConfig(posture, deadSpots)));
    vic = login("vic");
  }

  /** A session without the CSRF token (these pages only read; {@code TestServer.login} needs the case). */
  private TestServer.Login login(String user) throws Exception {
    HttpResponse<String> r = s.tryLogin(user, TestServer.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(303);
    return new TestServer.Login(Auth.COOKIE + "=" + TestServer.cookie(r, Auth.COOKIE), "");
  }

  private TestServer server(Reports reports) throws IOException {
    Path state = Files.createTempDirectory(dir, "state");
    return new TestServer(state, new MutableClock(Instant.parse("2026-11-26T09:00:00Z")), NO_CASE,
        b -> b.reports(reports));
  }

  @AfterEach
  void stop() throws IOException {
    s.close();
  }

  private String page(String path) throws Exception {
    HttpResponse<String> r = s.get(path, vic.headers());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  private static String table(String page) {
    int i = page.indexOf("<table class=\"posture\">");
    int j = page.indexOf("<table class=\"dead-spots\">");
    return i >= 0 ? page.substring(i) : j >= 0 ? page.substring(j) : "";
  }

  private JsonObject api(String path) throws Exception {
    HttpResponse<String> r = s.get(path, "Authorization", "Bearer " + TestServer.VIEWER_TOKEN);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return (JsonObject) JsonTreeReader.lenient().read(r.body());
  }

  @Test
  void posture_viewer_seesSummaryAndRankedFailures_withThePlantedNameEscaped() throws Exception {
    String body = page("/posture");

    assertThat(body).contains(ESCAPED).doesNotContain("<script").doesNotContainPattern("<[^>]*\\s(style|on[a-z]+)=");
    assertThat(body).contains("2 failed of 4 results", "1&ndash;2 of 2 matching results");
    String t = table(body);
    assertThat(t.indexOf("aws-s3-bucket-public-read")).isLessThan(t.indexOf("azure-nsg-ssh-open"));
    assertThat(t).contains("blind: not logged", "data-theft", "T1530", "Turn on Block Public Access.",
        "aws s3api put-public-access-block --bucket", "111122223333", "eu-west-1")
        .doesNotContain("aws-cloudtrail-enabled");
    assertThat(body).contains("<a href=\"/posture?visibility=blind\">BLIND</a>", "/posture?provider=azure");
  }

  @Test
  void posture_filters_bySeverityProviderVisibilityAndText() throws Exception {
    assertThat(table(page("/posture?severity=high"))).contains("azure-nsg-ssh-open")
        .doesNotContain("aws-s3-bucket-public-read");
    assertThat(table(page("/posture?provider=aws"))).contains("aws-s3-bucket-public-read")
        .doesNotContain("azure-nsg-ssh-open");
    assertThat(table(page("/posture?visibility=watched"))).contains("azure-nsg-ssh-open")
        .doesNotContain("aws-s3-bucket-public-read");
    assertThat(table(page("/posture?q=WESTEUROPE"))).contains("azure-nsg-ssh-open")
        .doesNotContain("aws-s3-bucket-public-read");
    assertThat(page("/posture?q=%3Cb%3E")).contains("value=\"&lt;b&gt;\"", "No results match.");
  }

  @Test
  void posture_passingAndMuted_areViewableWithTheStatusFilter() throws Exception {
    assertThat(table(page("/posture?status=pass"))).contains("aws-cloudtrail-enabled")
        .doesNotContain("azure-nsg-ssh-open");
    assertThat(table(page("/posture?status=muted"))).contains("accepted: public site");
    assertThat(page("/posture?status=all")).contains("1&ndash;4 of 4 matching results");
  }

  @Test
  void posture_paging_withLimitAndOffset() throws Exception {
    String body = page("/posture?status=all&limit=1&offset=1");

    assertThat(body).contains("2&ndash;2 of 4 matching results",
        "href=\"/posture?status=all&amp;limit=1&amp;offset=0\"", "href=\"/posture?status=all&amp;limit=1&amp;offset=2\"");
    assertThat(table(body)).contains("azure-nsg-ssh-open").doesNotContain("aws-s3-bucket-public-read");
  }

  @Test
  void badFilter_is400() throws Exception {
    assertThat(s.get("/posture?severity=apocalyptic", vic.headers()).statusCode()).isEqualTo(400);
    assertThat(s.get("/posture?limit=0", vic.headers()).statusCode()).isEqualTo(400);
    assertThat(s.get("/dead-spots?reason=%3Cscript%3E", vic.headers()).body()).doesNotContain("<script");
    assertThat(s.get("/api/v1/posture?visibility=x", "Authorization", "Bearer " + TestServer.VIEWER_TOKEN)
        .statusCode()).isEqualTo(400);
  }

  @Test
  void notLoggedIn_isRefused() throws Exception {
    assertThat(s.get("/posture").statusCode()).isEqualTo(303);
    assertThat(s.get("/posture").headers().firstValue("Location")).contains("/login");
    assertThat(s.get("/dead-spots").statusCode()).isEqualTo(303);
    assertThat(s.get("/api/v1/posture").statusCode()).isEqualTo(401);
    assertThat(s.get("/api/v1/dead-spots").statusCode()).isEqualTo(401);
  }

  @Test
  void notConfigured_pagesSayHowToConfigure_apiAnswers404() throws Exception {
    s.close();
    s = server(Reports.none());
    vic = login("vic");

    assertThat(page("/posture")).contains("id=\"not-configured\"", "reports:\n  posture: posture.jsonl",
        "kumo posture --inventory ./snapshot.json --format json --output posture.jsonl");
    assertThat(page("/dead-spots")).contains("reports:\n  dead_spots: dead-spots.json",
        "kumo dead-spots --inventory");
    assertThat(s.get("/api/v1/posture", "Authorization", "Bearer " + TestServer.VIEWER_TOKEN).statusCode())
        .isEqualTo(404);
  }

  @Test
  void replacedReport_isShownWithoutRestart_unreadableOne_keepsTheLastGood() throws Exception {
    Files.setLastModifiedTime(posture, FileTime.from(Instant.parse("2026-11-20T10:00:00Z")));
    assertThat(page("/posture?status=all")).contains("of 4 matching results");

    Files.writeString(posture, ReportFixtures.postureJson().lines().skip(1).findFirst().orElseThrow() + "\n");
    Files.setLastModifiedTime(posture, FileTime.from(Instant.parse("2026-11-20T11:00:00Z")));
    assertThat(page("/posture?status=all")).contains("1&ndash;1 of 1 matching results");

    Files.writeString(posture, "{\"schema\":\"kumo.finding/1.3\",\"x\":\"<i>\"}\n");
    Files.setLastModifiedTime(posture, FileTime.from(Instant.parse("2026-11-20T12:00:00Z")));
    String body = page("/posture?status=all");
    assertThat(body).contains("id=\"report-failure\"", "schema &#39;kumo.finding/1.3&#39;",
        "Showing the last good version.", "1&ndash;1 of 1 matching results");
    assertThat(api("/api/v1/posture").getString("failure")).contains("kumo.finding/1.3");
  }

  @Test
  void malformedLines_areListed_andTheRestShown() throws Exception {
    Files.writeString(posture, ReportFixtures.postureJson() + "{broken <img src=x>\n");

    String body = page("/posture");

    assertThat(body).contains("id=\"report-problems\"", "1 lines could not be read", ":5: malformed JSON")
        .doesNotContain("<img");
    assertThat(body).contains("1&ndash;2 of 2 matching results");
  }

  @Test
  void deadSpots_showsRankedSpots_withSummaryAndEscapedEvidence() throws Exception {
    String body = page("/dead-spots");

    assertThat(body).doesNotContain("<script").contains(ESCAPED);
    assertThat(body).contains("2 dead spots among 3 controls in scope", "owners.yml:4: unknown control XYZ-01",
        "<a href=\"/dead-spots?reason=no-owner\">no owner</a></td><td>1</td>");
    String t = table(body);
    assertThat(t.indexOf("DSP-07")).isLessThan(t.indexOf("IAM-09"));
    assertThat(t).contains("Data protection by default", "failing evidence", "exposed and blind",
        "aws.s3=customer", "data-platform", "passing check aws-s3-versioning", "no team for", "T1078");
  }

  @Test
  void deadSpots_filterByReasonAndDomain() throws Exception {
    assertThat(table(page("/dead-spots?reason=no-owner"))).contains("IAM-09").doesNotContain("DSP-07");
    assertThat(table(page("/dead-spots?domain=dsp"))).contains("DSP-07").doesNotContain("IAM-09");
    assertThat(page("/dead-spots?reason=unverified-provider")).contains("No dead spots match.");
  }

  @Test
  void api_posture_isFilteredAndPaged_likeThePage() throws Exception {
    JsonObject all = api("/api/v1/posture");
    assertThat(all.get("total")).isEqualTo(2L);
    JsonObject summary = all.getObject("summary");
    assertThat(summary.getObject("failed_by_severity").get("critical")).isEqualTo(1L);
    assertThat(summary.getObject("failed_by_visibility").get("blind")).isEqualTo(1L);
    assertThat(summary.getObject("failed_by_provider").get("azure")).isEqualTo(1L);
    assertThat(summary.getObject("by_status").get("pass")).isEqualTo(1L);
    JsonObject first = (JsonObject) ((JsonArray) all.get("results")).get(0);
    assertThat(first.getObject("resource").getString("name")).isEqualTo(ReportFixtures.HOSTILE_NAME);
    assertThat(first.get("rank")).isEqualTo(1L);
    assertThat(first.getString("visibility")).isEqualTo("blind");

    JsonObject paged = api("/api/v1/posture?status=all&limit=2&offset=2");
    assertThat(paged.get("total")).isEqualTo(4L);
    assertThat((JsonArray) paged.get("results")).extracting(r -> ((JsonObject) r).getString("status"))
        .containsExactly("pass", "muted");
    assertThat(((JsonArray) api("/api/v1/posture?provider=azure").get("results"))).hasSize(1);
  }

  @Test
  void api_deadSpots_isFiltered() throws Exception {
    JsonObject all = api("/api/v1/dead-spots");
    assertThat(all.getString("day")).isEqualTo("2026-11-20");
    assertThat(all.getObject("summary").getObject("by_reason").get("no-owner")).isEqualTo(1L);
    assertThat((JsonArray) all.get("dead_spots")).hasSize(2);

    JsonObject owned = api("/api/v1/dead-spots?reason=failing-evidence");
    assertThat(owned.get("total")).isEqualTo(1L);
    JsonObject spot = (JsonObject) ((JsonArray) owned.get("dead_spots")).get(0);
    assertThat(spot.getString("control")).isEqualTo("DSP-07");
    assertThat((JsonArray) spot.get("services")).containsExactly("aws.s3=customer");
  }
}
