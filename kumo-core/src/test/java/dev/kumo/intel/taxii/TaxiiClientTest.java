package dev.kumo.intel.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against a real TAXII 2.1 server on 127.0.0.1 ({@link TaxiiTestServer}). */
@Timeout(5)
class TaxiiClientTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00.000Z");
  private static final TaxiiClient.Auth AUTH =
      new TaxiiClient.Auth.Basic(TaxiiTestServer.USER, TaxiiTestServer.PASSWORD);

  private TaxiiTestServer server;
  private HttpClient http;
  private URI root;

  @BeforeEach
  void start() throws Exception {
    server = new TaxiiTestServer();
    for (int i = 1; i <= 7; i++) {
      server.add(T0.plusSeconds(i), "ioc" + i);
    }
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    root = server.base().resolve("api1/");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TaxiiClient client(TaxiiClient.Config config) {
    return new TaxiiClient(config, http);
  }

  private TaxiiClient client() {
    return client(TaxiiClient.Config.of(root).withAuth(AUTH).withLimit(3));
  }

  /** The object ids of each page, in order. */
  private static List<String> ids(List<String> pages) {
    List<String> ids = new ArrayList<>();
    for (String page : pages) {
      JsonObject o = (JsonObject) JsonTreeReader.lenient().read(page);
      if (o.get("objects") instanceof JsonArray a) {
        for (Object x : a) {
          ids.add(((JsonObject) x).getString("name"));
        }
      }
    }
    return ids;
  }

  @Test
  void objects_limitThree_yieldsAllSevenInThreePagesInOrder() throws Exception {
    List<String> pages = new ArrayList<>();

    PullResult r = client().objects(root, TaxiiTestServer.COLLECTION, null, pages::add);

    assertThat(r).isEqualTo(new PullResult(7, 3, T0.plusSeconds(7), false));
    assertThat(pages).hasSize(3);
    assertThat(ids(pages)).containsExactly("ioc1", "ioc2", "ioc3", "ioc4", "ioc5", "ioc6", "ioc7");
    assertThat(server.requests.get(0))
        .isEqualTo("/api1/collections/" + TaxiiTestServer.COLLECTION + "/objects/?limit=3");
  }

  @Test
  void objects_addedAfterPreviousLastAdded_yieldsNothingAndKeepsIt() throws Exception {
    TaxiiClient c = client();
    PullResult first = c.objects(root, TaxiiTestServer.COLLECTION, null, p -> { });
    List<String> pages = new ArrayList<>();

    PullResult second = c.objects(root, TaxiiTestServer.COLLECTION, first.lastAdded(), pages::add);

    assertThat(second).isEqualTo(new PullResult(0, 1, first.lastAdded(), false));
    assertThat(ids(pages)).isEmpty();
  }

  @Test
  void objects_twoNewObjectsAfterPull_incrementalPullYieldsExactlyThem() throws Exception {
    TaxiiClient c = client();
    PullResult first = c.objects(root, TaxiiTestServer.COLLECTION, null, p -> { });
    server.add(T0.plusSeconds(60), "new1");
    server.add(T0.plusSeconds(61).plusMillis(5), "new2");
    List<String> pages = new ArrayList<>();

    PullResult next = c.objects(root, TaxiiTestServer.COLLECTION, first.lastAdded(), pages::add);

    assertThat(ids(pages)).containsExactly("new1", "new2");
    assertThat(next).isEqualTo(new PullResult(2, 1, T0.plusSeconds(61).plusMillis(5), false));
    assertThat(server.requests.get(server.requests.size() - 1)).endsWith("&added_after=2024-03-01T10:00:07.000Z");
  }

  @Test
  void objects_wrongPassword_authenticationFailedWithoutThePassword() {
    String wrong = "wrong-Pa55word";
    TaxiiClient c = client(TaxiiClient.Config.of(root).withAuth(new TaxiiClient.Auth.Basic("analyst", wrong)));

    assertThatThrownBy(() -> c.objects(root, TaxiiTestServer.COLLECTION, null, p -> { }))
        .isInstanceOf(TaxiiException.class)
        .hasMessageContaining("authentication failed")
        .hasMessageContaining(root.toString())
        .hasMessageContaining("HTTP 401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("\n"));
  }

  @Test
  void collections_bearerTokenRefused_messageAndConfigHideTheToken() {
    String token = "eyJhbGciOiJIUzI1NiJ9.secret-token";
    TaxiiClient.Config config = TaxiiClient.Config.of(root).withAuth(new TaxiiClient.Auth.Bearer(token));

    assertThatThrownBy(() -> client(config).collections(root))
        .hasMessageContaining("authentication failed")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
    assertThat(config.toString()).doesNotContain(token).contains("***");
    assertThat(TaxiiClient.Config.of(root).withAuth(AUTH).toString())
        .doesNotContain(TaxiiTestServer.PASSWORD).contains("analyst");
  }

  @Test
  void config_urlWithCredentials_isRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> TaxiiClient.Config.of(URI.create("https://bob:hunter2@taxii.example/api1/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not carry credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  void objects_unknownCollection_saysNoCollectionAtUrl() {
    assertThatThrownBy(() -> client().objects(root, "no-such-collection", null, p -> { }))
        .isInstanceOf(TaxiiException.class)
        .hasMessageStartingWith("no collection \"no-such-collection\" at " + root + "collections/no-such-collection/")
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void collections_serverAnswersHtml_saysNotTaxiiJson() {
    URI html = server.base().resolve("html/");

    assertThatThrownBy(() -> client().collections(html))
        .isInstanceOf(TaxiiException.class)
        .hasMessageContaining("answer is \"text/html; charset=utf-8\", not TAXII 2.1 JSON at " + html + "collections/")
        .hasMessageContaining("answer starts \"<!DOCTYPE html>\\n<html>")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void collections_bodyNotJson_showsEscapedFirst200Characters() {
    URI bad = server.base().resolve("bad/");

    assertThatThrownBy(() -> client().collections(bad))
        .isInstanceOf(TaxiiException.class)
        .hasMessageStartingWith("not JSON at " + bad + "collections/")
        .hasMessageContaining("answer starts \"Service \\\"down\\\"\\n\\u0001 xxx")
        .hasMessageEndingWith("x\"…")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("x".repeat(200)));
  }

  @Test
  void collections_serverRefusesTaxii21MediaType_saysItDoesNotSpeakTaxii21() {
    URI old = server.base().resolve("old/");

    assertThatThrownBy(() -> client().collections(old))
        .hasMessage("server does not speak TAXII 2.1: HTTP 406 at " + old + "collections/");
  }

  @Test
  void objects_nextTokenNeedingEncoding_roundTripsUnchanged() throws Exception {
    client().objects(root, TaxiiTestServer.COLLECTION, null, p -> { });

    assertThat(server.nextTokens).containsExactly("page 0/+&=?#%é", "page 1/+&=?#%é");
    assertThat(server.requests.get(1)).endsWith("&next=page%200%2F%2B%26%3D%3F%23%25%C3%A9");
  }

  @Test
  void objects_addedAfter_isSentAsRfc3339WithMillisecondsRoundedDown() throws Exception {
    client().objects(root, TaxiiTestServer.COLLECTION, Instant.parse("2024-03-01T10:00:05.999999Z"), p -> { });

    assertThat(server.requests.get(0)).endsWith("?limit=3&added_after=2024-03-01T10:00:05.999Z");
    assertThat(TaxiiClient.timestamp(Instant.parse("2016-11-01T03:04:05Z"))).isEqualTo("2016-11-01T03:04:05.000Z");
  }

  @Test
  void objects_pageLimitReached_stopsTruncatedAndNextPullContinues() throws Exception {
    TaxiiClient c = client(TaxiiClient.Config.of(root).withAuth(AUTH).withLimit(3).withSafetyLimits(2, 1000, 1 << 20));
    List<String> pages = new ArrayList<>();

    PullResult first = c.objects(root, TaxiiTestServer.COLLECTION, null, pages::add);
    PullResult rest = c.objects(root, TaxiiTestServer.COLLECTION, first.lastAdded(), pages::add);

    assertThat(first).isEqualTo(new PullResult(6, 2, T0.plusSeconds(6), true));
    assertThat(rest).isEqualTo(new PullResult(1, 1, T0.plusSeconds(7), false));
    assertThat(ids(pages)).containsExactly("ioc1", "ioc2", "ioc3", "ioc4", "ioc5", "ioc6", "ioc7");
  }

  @Test
  void objects_answerLargerThanLimit_failsNamingTheLimit() {
    TaxiiClient c = client(TaxiiClient.Config.of(root).withAuth(AUTH).withSafetyLimits(10, 1000, 500));

    assertThatThrownBy(() -> c.objects(root, TaxiiTestServer.COLLECTION, null, p -> { }))
        .hasMessageContaining("is larger than 500 bytes");
  }

  @Test
  void collections_serverTooSlow_timesOutNamingUrl() {
    URI slow = server.base().resolve("slow/");
    TaxiiClient c = client(TaxiiClient.Config.of(slow).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));

    assertThatThrownBy(() -> c.collections(slow))
        .isInstanceOf(TaxiiException.class)
        .hasMessage("no answer from " + slow + "collections/ within 200 ms (read timeout)");
  }

  @Test
  void collections_apiRoot_listsIdTitleAndReadability() throws Exception {
    assertThat(client().collections(root)).containsExactly(new TaxiiCollection(TaxiiTestServer.COLLECTION,
        "Indicators", null, true, false, List.of("application/stix+json;version=2.1")));
  }

  @Test
  void discover_fromApiRootUrl_givesDefaultAndAbsoluteRoots() throws Exception {
    TaxiiDiscovery d = client().discover();

    assertThat(d.title()).isEqualTo("Test TAXII");
    assertThat(d.defaultRoot()).isEqualTo(root);
    assertThat(d.apiRoots()).containsExactly(root, server.base().resolve("api2/"));
    assertThat(server.requests).containsExactly("/taxii2/");
  }

  @Test
  void apiRoot_discoveryUrl_isTheServersDefault() throws Exception {
    TaxiiClient c = client(TaxiiClient.Config.of(server.base().resolve("taxii2/")).withAuth(AUTH));

    assertThat(c.apiRoot()).isEqualTo(root);
    assertThat(client().apiRoot()).isEqualTo(root);
  }

  @Test
  void typeProblem_taxiiOrStix21Json_isAcceptedAndTaxii20IsNot() {
    assertThat(TaxiiHttp.typeProblem("application/taxii+json;version=2.1")).isNull();
    assertThat(TaxiiHttp.typeProblem("application/stix+json; version=2.1")).isNull();
    assertThat(TaxiiHttp.typeProblem("application/json")).isNull();
    assertThat(TaxiiHttp.typeProblem("application/vnd.oasis.taxii+json; version=2.0"))
        .startsWith("server does not speak TAXII 2.1");
    assertThat(TaxiiHttp.typeProblem("application/taxii+json;version=2.0"))
        .startsWith("server does not speak TAXII 2.1");
  }
}
