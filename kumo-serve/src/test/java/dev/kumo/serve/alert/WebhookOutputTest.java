package dev.kumo.serve.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.sigma.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebhookOutputTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static Alert hostileAlert() {
    return Alert.of(Fixtures.hostile(), Fixtures.T0).withIncident("inc-7");
  }

  private static HttpReceiver.Request sendOne(WebhookFormat format) throws Exception {
    try (HttpReceiver r = new HttpReceiver(n -> 200);
        WebhookOutput out = WebhookOutput.create("t", r.url(), format, Map.of("Authorization", "Bearer s3cret"),
            Duration.ofSeconds(20))) {
      out.send(hostileAlert(), Duration.ofSeconds(20));
      HttpReceiver.Request req = r.requests.poll(60, TimeUnit.SECONDS);
      assertThat(req).isNotNull();
      assertThat(req.headers().get("Authorization")).containsExactly("Bearer s3cret");
      assertThat(req.headers().get("Content-type")).containsExactly("application/json; charset=utf-8");
      return req;
    }
  }

  private static JsonObject parse(String body) {
    return (JsonObject) JsonTreeReader.lenient().read(body);
  }

  @Test
  void generic_bodyParsesAndCarriesTheFindingWithHostileTextIntact() throws Exception {
    JsonObject o = parse(sendOne(WebhookFormat.GENERIC).body());
    assertThat(o.getString("schema")).isEqualTo("kumo.alert/1");
    assertThat(o.getString("kind")).isEqualTo("finding");
    assertThat(o.getString("level")).isEqualTo("critical");
    assertThat(o.getString("rule_id")).isEqualTo("r-hostile");
    assertThat(o.getString("rule_author")).isEqualTo("Jane Doe (SigmaHQ)");
    assertThat(o.getString("principal")).isEqualTo(Fixtures.HOSTILE); // JSON-escaped on the wire, exact when parsed
    assertThat((JsonArray) o.get("resources")).containsExactly("arn:aws:s3:::" + Fixtures.HOSTILE);
    assertThat((JsonArray) o.get("attack_techniques")).containsExactly("T1562.008");
    assertThat(o.getString("account")).isEqualTo("123456789012");
    assertThat(o.getString("source_ip")).isEqualTo("203.0.113.7");
    assertThat(o.getString("event_time")).isEqualTo(Fixtures.T0.toString());
    assertThat(o.getString("incident_id")).isEqualTo("inc-7");
    assertThat(o.has("first_seen")).isTrue();
  }

  @Test
  void slack_bodyParsesAndHostileTextCannotMentionLinkOrDriveATerminal() throws Exception {
    String body = sendOne(WebhookFormat.SLACK).body();
    JsonObject o = parse(body);
    String all = o.toJson();
    assertThat(o.getString("text")).contains("Title of r-hostile").contains("StopLogging by");
    for (String text : texts(o)) {
      assertThat(text).doesNotContain("<!").doesNotContain("<http").doesNotContain("<at>").doesNotContain("@here")
          .doesNotContain("\u001b").doesNotContain("\n**");
    }
    assertThat(all).contains("&lt;!channel&gt;").contains("@\u2060here").contains("&amp;").contains("\\\\x1b")
        .contains("Jane Doe (SigmaHQ)").contains("T1562.008").contains("inc-7");
    assertThat(((JsonArray) o.get("blocks")).get(0)).isInstanceOf(JsonObject.class);
  }

  @Test
  void teams_bodyIsAnAdaptiveCardWithEscapedText() throws Exception {
    JsonObject o = parse(sendOne(WebhookFormat.TEAMS).body());
    assertThat(o.getString("type")).isEqualTo("message");
    JsonObject att = (JsonObject) ((JsonArray) o.get("attachments")).get(0);
    assertThat(att.getString("contentType")).isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonObject card = att.getObject("content");
    assertThat(card.getString("type")).isEqualTo("AdaptiveCard");
    String all = card.toJson();
    for (String text : texts(card)) {
      assertThat(text).doesNotContain("<at>").doesNotContain("<!").doesNotContain("**bold**").doesNotContain("[x](")
          .doesNotContain("\u001b").doesNotContain("@here");
    }
    assertThat(all).contains("&lt;at&gt;").contains("\\\\*\\\\*bold").contains("Jane Doe").contains("123456789012");
  }

  /** Every string value in the tree. */
  private static List<String> texts(Object node) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(Object node, List<String> out) {
    if (node instanceof String s) {
      out.add(s);
    } else if (node instanceof JsonObject o) {
      for (int i = 0; i < o.size(); i++) {
        collect(o.valueAt(i), out);
      }
    } else if (node instanceof JsonArray a) {
      a.forEach(x -> collect(x, out));
    }
  }

  @Test
  void retry_receiverFailsTwiceThenAccepts_deliveredOnceRetriedTwice() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (HttpReceiver r = new HttpReceiver(n -> n < 2 ? 500 : 200)) {
      AlertDispatcher d = new AlertDispatcher(List.of(route(r.url(), 5)), registry, Clock.systemUTC());
      d.accept(List.of(Fixtures.finding(Level.HIGH, "r1", "alice", "trail")));
      waitUntil(() -> d.stats().get(0).delivered() == 1);
      assertThat(registry.get("kumo.alerts.retried").tag("output", "hook").functionCounter().count()).isEqualTo(2);
      assertThat(registry.get("kumo.alerts.delivered").tag("output", "hook").functionCounter().count()).isEqualTo(1);
      assertThat(d.close(WAIT)).isTrue();
      AlertStats s = d.stats().get(0);
      assertThat(s.delivered()).isEqualTo(1);
      assertThat(s.retried()).isEqualTo(2);
      assertThat(s.failed()).isZero();
      assertThat(r.answered).containsExactly(500, 500, 200);
    }
  }

  @Test
  void retry_receiverDown_stopsAfterMaxAttemptsAndCountsFailed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    AlertDispatcher d = new AlertDispatcher(List.of(route(URI.create("http://127.0.0.1:" + port + "/hook"), 3)),
        new SimpleMeterRegistry(), Clock.systemUTC());
    d.accept(List.of(Fixtures.finding(Level.HIGH, "r1", "alice", "trail")));
    waitUntil(() -> d.stats().get(0).failed() == 1);
    d.close(WAIT);
    AlertStats s = d.stats().get(0);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.retried()).isEqualTo(2);
    assertThat(s.delivered()).isZero();
    assertThat(s.lastError()).doesNotContain(String.valueOf(port) + "/hook");
  }

  @Test
  void permanentRefusal_isNotRetried() throws Exception {
    try (HttpReceiver r = new HttpReceiver(n -> 400)) {
      AlertDispatcher d = new AlertDispatcher(List.of(route(r.url(), 5)), new SimpleMeterRegistry(),
          Clock.systemUTC());
      d.accept(List.of(Fixtures.finding(Level.HIGH, "r1", "alice", "trail")));
      waitUntil(() -> d.stats().get(0).failed() == 1);
      d.close(WAIT);
      assertThat(d.stats().get(0).retried()).isZero();
      assertThat(d.stats().get(0).lastError()).contains("HTTP 400");
    }
  }

  @Test
  void accept_returnsWhileTheOutputIsStuck_andOverflowIsCountedDropped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    AlertOutput stuck = new AlertOutput() {
      @Override
      public String name() {
        return "stuck";
      }

      @Override
      public void send(Alert alert, Duration timeout) throws InterruptedException {
        entered.countDown();
        release.await();
      }

      @Override
      public void close() {}
    };
    DeliveryPolicy p = Fixtures.policy(Level.LOW, Duration.ZERO, null, 1, 2);
    AlertDispatcher d = new AlertDispatcher(List.of(new AlertDispatcher.Route(stuck, p)), new SimpleMeterRegistry(),
        Clock.systemUTC());
    try {
      d.accept(List.of(Fixtures.finding(Level.HIGH, "r0", "a", "x")));
      assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue(); // the worker is now stuck in send
      for (int i = 1; i <= 10; i++) {
        d.accept(List.of(Fixtures.finding(Level.HIGH, "r" + i, "a", "x"))); // returns although nothing moves
      }
      AlertStats s = d.stats().get(0);
      assertThat(s.queued()).isEqualTo(2);
      assertThat(s.dropped()).isEqualTo(8);
      assertThat(release.getCount()).isEqualTo(1); // all of this happened while the output was still stuck
    } finally {
      release.countDown();
      d.close(WAIT);
    }
    assertThat(d.stats().get(0).delivered()).isEqualTo(3);
  }

  @Test
  void close_pastDeadline_interruptsAStuckOutputAndCountsTheRestDropped() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    AlertOutput stuck = new AlertOutput() {
      @Override
      public String name() {
        return "stuck";
      }

      @Override
      public void send(Alert alert, Duration timeout) throws InterruptedException {
        entered.countDown();
        new CountDownLatch(1).await();
      }

      @Override
      public void close() {}
    };
    AlertDispatcher d = new AlertDispatcher(List.of(new AlertDispatcher.Route(stuck,
        Fixtures.policy(Level.LOW, Duration.ZERO, null, 1, 10))), new SimpleMeterRegistry(), Clock.systemUTC());
    d.accept(List.of(Fixtures.finding(Level.HIGH, "r0", "a", "x"), Fixtures.finding(Level.HIGH, "r1", "a", "x")));
    assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(d.close(Duration.ofMillis(50))).isFalse();
    AlertStats s = d.stats().get(0);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.dropped()).isEqualTo(1);
  }

  private static AlertDispatcher.Route route(URI url, int attempts) {
    DeliveryPolicy p = Fixtures.policy(Level.LOW, Duration.ZERO, null, attempts, 100);
    return new AlertDispatcher.Route(WebhookOutput.create("hook", url, WebhookFormat.GENERIC, Map.of(),
        Duration.ofSeconds(20)), p);
  }

  static void waitUntil(java.util.function.BooleanSupplier ok) throws InterruptedException {
    Instant end = Instant.now().plus(WAIT);
    while (!ok.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(10);
    }
  }
}
