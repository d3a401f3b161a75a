package dev.kumo.serve.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.sigma.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogOutputTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String PASSWORD = "test-pass";

  @TempDir
  Path dir;

  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
  }

  /** A listener that reads every frame of every connection (one at a time) into {@link #frames}. */
  private final class Listener implements AutoCloseable {
    final LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
    final ServerSocket server;
    final Thread thread;
    final int closeAfter;

    /** @param closeAfter frames after which the listener closes each connection (0: never) */
    Listener(ServerSocket server, int closeAfter) {
      this.server = server;
      this.closeAfter = closeAfter;
      this.thread = new Thread(this::run, "test-syslog-listener");
      thread.setDaemon(true);
      thread.start();
      cleanup.add(this);
    }

    private void run() {
      while (!server.isClosed()) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          int n = 0;
          byte[] f;
          while ((f = SyslogFrames.read(in)) != null) {
            frames.add(f);
            if (closeAfter > 0 && ++n == closeAfter) {
              break;
            }
          }
        } catch (IOException e) {
          // closed, or a client that gave up (TLS refused): wait for the next
        }
      }
    }

    int port() {
      return server.getLocalPort();
    }

    SyslogFrames.Message next() throws InterruptedException {
      byte[] f = frames.poll(60, TimeUnit.SECONDS);
      assertThat(f).as("a frame within 60 s").isNotNull();
      return SyslogFrames.parse(f);
    }

    @Override
    public void close() throws IOException {
      server.close();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Listener tcp(int closeAfter) throws IOException {
    return new Listener(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), closeAfter);
  }

  private static SyslogFormat format() {
    return new SyslogFormat(16, "kumo host\u00e9", "kumo", "4242", "kumo@32473");
  }

  private SyslogOutput output(Listener l) {
    SyslogOutput out = new SyslogOutput("siem", "127.0.0.1", l.port(), null, format());
    cleanup.add(out);
    return out;
  }

  @Test
  void tcp_framesAreOctetCountedRfc5424WithHeaderAndStructuredData() throws Exception {
    Listener l = tcp(0);
    SyslogOutput out = output(l);
    out.send(Alert.of(Fixtures.hostile(), Fixtures.T0).withIncident("inc-7"), TIMEOUT);
    out.send(Alert.of(Fixtures.finding(Level.LOW, "r2", "bob", "bucket"), Fixtures.T0), TIMEOUT);
    SyslogFrames.Message m = l.next();
    assertThat(m.pri()).isEqualTo(16 * 8 + 2); // local0, critical
    assertThat(m.version()).isEqualTo("1");
    assertThat(m.timestamp()).isEqualTo("2026-03-01T12:00:00.123456Z"); // at most 6 fractional digits
    assertThat(m.hostname()).isEqualTo("kumo?host?"); // PRINTUSASCII only
    assertThat(m.appName()).isEqualTo("kumo");
    assertThat(m.procId()).isEqualTo("4242");
    assertThat(m.msgId()).isEqualTo("finding");
    assertThat(m.sdId()).isEqualTo("kumo@32473");
    assertThat(m.param("schema")).isEqualTo("kumo.alert/1");
    assertThat(m.param("rule_id")).isEqualTo("r-hostile");
    assertThat(m.param("level")).isEqualTo("critical");
    assertThat(m.param("rule_author")).isEqualTo("Jane Doe (SigmaHQ)");
    assertThat(m.param("techniques")).isEqualTo("T1562.008");
    assertThat(m.param("incident_id")).isEqualTo("inc-7");
    assertThat(m.param("source_ip")).isEqualTo("203.0.113.7");
    // " \ ] escaped on the wire and read back exactly; control characters made visible
    assertThat(m.param("principal")).isEqualTo(Fixtures.HOSTILE.replace("\u001b", "\\x1b").replace("\n", "\\x0a"));
    assertThat(m.msg()).startsWith("[CRITICAL] Title of r-hostile: StopLogging by").doesNotContain("\u001b", "\n");
    SyslogFrames.Message second = l.next();
    assertThat(second.pri()).isEqualTo(16 * 8 + 5); // low: notice
    assertThat(second.param("principal")).isEqualTo("bob");
  }

  @Test
  void header_nilAndLimits() {
    assertThat(SyslogFormat.header("", 48)).isEqualTo("-");
    assertThat(SyslogFormat.header("x".repeat(60), 48)).hasSize(48);
    assertThat(SyslogFormat.paramValue("a\"b\\c]d")).isEqualTo("a\\\"b\\\\c\\]d");
    assertThat(SyslogFormat.severity(Level.HIGH)).isEqualTo(3);
    assertThat(SyslogFormat.severity(Level.INFORMATIONAL)).isEqualTo(6);
  }

  @Test
  void tcp_serverClosedConnection_nextSendReconnects() throws Exception {
    Listener l = tcp(1);
    SyslogOutput out = output(l);
    out.send(Alert.of(Fixtures.finding(Level.HIGH, "r1", "a", "x"), Fixtures.T0), TIMEOUT);
    assertThat(l.next().param("rule_id")).isEqualTo("r1");
    WebhookOutputTest.waitUntil(() -> {
      try {
        out.send(Alert.of(Fixtures.finding(Level.HIGH, "r2", "a", "x"), Fixtures.T0), TIMEOUT);
        return true;
      } catch (IOException e) {
        return false; // the first write after the close may fail: the dispatcher retries
      }
    });
    assertThat(l.next().param("rule_id")).isEqualTo("r2");
  }

  @Test
  void dispatcher_deliversToSyslogAndCountsIt() throws Exception {
    Listener l = tcp(0);
    AlertDispatcher d = new AlertDispatcher(List.of(new AlertDispatcher.Route(output(l),
        Fixtures.policy(Level.MEDIUM, Duration.ZERO, null, 3, 10))), new SimpleMeterRegistry(), Clock.systemUTC());
    d.accept(List.of(Fixtures.finding(Level.HIGH, "r1", "a", "x"), Fixtures.finding(Level.LOW, "r2", "a", "x")));
    assertThat(l.next().param("rule_id")).isEqualTo("r1");
    assertThat(d.close(Duration.ofSeconds(60))).isTrue();
    assertThat(d.stats().get(0).delivered()).isEqualTo(1);
  }

  @Test
  void tls_trustedSelfSignedServer_receivesTheFrames() throws Exception {
    Path trust = certificates();
    Listener l = new Listener(tlsServer(), 0);
    SyslogConfig c = new SyslogConfig("siem", "127.0.0.1", l.port(), true, trust, PASSWORD, "PKCS12", 4, "kumo",
        "kumo-test", SyslogConfig.DEFAULT_SD_ID, DeliveryPolicy.DEFAULT);
    AlertOutput out = AlertOutputs.create(c);
    cleanup.add(out);
    out.send(Alert.of(Fixtures.hostile(), Fixtures.T0), TIMEOUT);
    SyslogFrames.Message m = l.next();
    assertThat(m.pri()).isEqualTo(4 * 8 + 2);
    assertThat(m.hostname()).isEqualTo("kumo-test");
    assertThat(m.param("rule_id")).isEqualTo("r-hostile");
  }

  @Test
  void tls_serverNotInTrustStore_isRefused() throws Exception {
    certificates();
    Listener l = new Listener(tlsServer(), 0);
    // The JDK's default trust does not know the self-signed certificate.
    SyslogConfig c = new SyslogConfig("siem", "127.0.0.1", l.port(), true, null, null, "PKCS12", 4, "kumo",
        "kumo-test", SyslogConfig.DEFAULT_SD_ID, DeliveryPolicy.DEFAULT);
    AlertOutput out = AlertOutputs.create(c);
    cleanup.add(out);
    assertThatThrownBy(() -> out.send(Alert.of(Fixtures.hostile(), Fixtures.T0), TIMEOUT))
        .isInstanceOf(IOException.class).hasMessageContaining("cannot connect");
    assertThat(l.frames).isEmpty();
  }

  /** A self-signed key pair for 127.0.0.1 (server.p12) and a trust store with its certificate, made by keytool. */
  private Path certificates() throws Exception {
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", dir.resolve("server.p12").toString(),
        "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-alias", "server", "-keystore", dir.resolve("server.p12").toString(), "-storepass",
        PASSWORD, "-file", dir.resolve("server.cer").toString());
    keytool("-importcert", "-noprompt", "-alias", "syslog-ca", "-file", dir.resolve("server.cer").toString(),
        "-keystore", dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    return dir.resolve("trust.p12");
  }

  private SSLServerSocket tlsServer() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
      ks.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD.toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("keytool did not finish");
    }
    assertThat(p.exitValue()).as("keytool " + args[0] + ": " + out).isZero();
  }
}
