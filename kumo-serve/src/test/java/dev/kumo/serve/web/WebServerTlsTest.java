package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseQuery;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 keystore: the server answers over TLS and marks its cookies Secure. */
class WebServerTlsTest {
  @TempDir
  Path dir;

  @Test
  void tls_servesHttps_withSecureCookiesAndHsts() throws Exception {
    Path ks = dir.resolve("server.p12");
    String password = "changeit-" + System.nanoTime();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "kumo", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
        "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    String hash = new PasswordHasher(1024, 1, 1, new SecureRandom()).hash("pw".toCharArray());
    WebConfig config = WebConfig.defaults(dir.resolve("users.yaml"), List.of(), dir).withAddress("127.0.0.1", 0)
        .withTls(new WebConfig.Tls(ks, password));
    Path caseDir = ConsoleCase.caseDir();
    try (NotesStore notes = NotesStore.open(dir, Clock.systemUTC());
        WebServer server = WebServer.builder(config, UsersFile.of(List.of(new WebUser("alice", Role.ANALYST, hash))),
            () -> CaseQuery.open(caseDir), notes, Clock.systemUTC()).build().start()) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(ks)) {
        trust.load(in, password.toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(30)).build();

      assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz"))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
          .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Strict-Transport-Security")).isPresent();
      assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("; Secure"));
    }
  }
}
