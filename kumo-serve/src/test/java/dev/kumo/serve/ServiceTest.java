package dev.kumo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kumo.detect.LoadedRules;
import dev.kumo.serve.web.ApiToken;
import dev.kumo.serve.web.PasswordHasher;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service wired as {@code kumo serve} runs it: a pushed batch and a dropped file reach the case, the
 * API shows their findings, a webhook receives the alert, and Prometheus metrics count the events.
 */
class ServiceTest {
  private static final String TOKEN = "kumo_test_token_0123456789";

  @TempDir
  Path dir;

  private static String trailEvent(String id, String name) {
    return """
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::111122223333:user/mallory",
         "accountId":"111122223333","accessKeyId":"AKIAEXAMPLEKEY000001","userName":"mallory"},
         "eventTime":"2026-11-26T10:00:00Z","eventSource":"cloudtrail.amazonaws.com","eventName":"%s",
         "awsRegion":"eu-west-1","sourceIPAddress":"203.0.113.9","userAgent":"aws-cli/2.15.0",
         "requestParameters":{"name":"arn:aws:cloudtrail:eu-west-1:111122223333:trail/main"},"responseElements":null,
         "requestID":"%s","eventID":"%s","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,
         "recipientAccountId":"111122223333","eventCategory":"Management"}""".formatted(name, id, id);
  }

  @Test
  void service_pushAndWatchedFile_reachTheCaseTheApiTheWebhookAndTheMetrics() throws Exception {
    LinkedBlockingQueue<String> hooks = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        hooks.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
    Path incoming = Files.createDirectories(dir.resolve("incoming"));
    String hash = new PasswordHasher(1024, 1, 1, new SecureRandom()).hash("correct horse battery".toCharArray());
    Files.writeString(dir.resolve("users.yml"), "users:\n  - {name: ana, role: analyst, password_hash: '" + hash
        + "'}\n");
    String digest = ApiToken.digest(TOKEN);
    Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        web:
          port: 0
          users_file: users.yml
          api_tokens: [{name: soc-tools, role: viewer, sha256: %s}]
        ingest:
          push_tokens_sha256: [%s]
          watch: [{path: incoming, interval: 1s}]
        outputs:
          - {type: webhook, name: soc, url: 'http://127.0.0.1:%d/hook', format: generic, min_level: low}
        """.formatted(digest, digest, receiver.getAddress().getPort()));
    ServeConfig config = ServeConfigReader.read(dir.resolve("serve.yml"));
    HttpClient http = HttpClient.newHttpClient();
    List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Service service = Service.start(config, LoadedRules.load(true, List.of(), CompileOptions.defaults()),
        Clock.systemUTC(), problems::add)) {
      URI base = URI.create(service.baseUrl());
      HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/ingest"))
          .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"Records\":[" + trailEvent("e-0001", "StopLogging") + "]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
      assertThat(http.send(HttpRequest.newBuilder(base.resolve("/api/v1/ingest")).header("Authorization",
          "Bearer nope").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      Files.writeString(incoming.resolve("trail.json"), "{\"Records\":[" + trailEvent("e-0002", "DeleteTrail")
          + "]}");

      String alert = hooks.poll(90, TimeUnit.SECONDS);
      assertThat(alert).as("webhook alert").isNotNull().contains("\"schema\":\"kumo.alert/1\"").contains("mallory");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      String events = "";
      while (Instant.now().isBefore(deadline)) {
        events = get(http, base.resolve("/metrics"));
        if (service.pending() == 0 && events.contains("kumo_ingest_events_added_total{service=\"kumo\"} 2.0")) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(events).contains("kumo_ingest_events_added_total{service=\"kumo\"} 2.0");
      String findings = get(http, base.resolve("/api/v1/findings"));
      assertThat(findings).contains("mallory");
      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).as("metrics need a token or a session").isIn(401, 303);
      assertThat(anonymous.body()).doesNotContain("kumo_ingest");
      assertThat(http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(problems).isEmpty();
    } finally {
      receiver.stop(0);
    }
  }

  private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(uri + ": " + r.body()).isEqualTo(200);
    return r.body();
  }
}
