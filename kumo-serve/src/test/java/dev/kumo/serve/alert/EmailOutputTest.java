package dev.kumo.serve.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.sigma.Level;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmailOutputTest {
  private static EmailConfig config(int port) {
    return new EmailConfig("mail", "127.0.0.1", port, EmailConfig.Security.NONE, null, null, "kumo@example.com",
        List.of("soc@example.com", "oncall@example.com"), null, null, "PKCS12",
        Fixtures.policy(Level.LOW, Duration.ZERO, null, 4, 10));
  }

  @Test
  void send_toARealSmtpServer_carriesTheFindingAndNoInjectedHeaders() throws Exception {
    try (SmtpReceiver smtp = new SmtpReceiver(n -> 250);
        AlertOutput out = AlertOutputs.create(config(smtp.port()), Map.<String, String>of()::get)) {
      out.send(Alert.of(Fixtures.hostile(), Fixtures.T0).withIncident("inc-7"), Duration.ofSeconds(30));
      String data = smtp.messages.poll(60, TimeUnit.SECONDS);
      assertThat(data).isNotNull();
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
      assertThat(m.getSubject()).isEqualTo("[Kumo] [CRITICAL] Title of r-hostile");
      assertThat(m.getHeader("X-Kumo-Alert")).containsExactly("kumo.alert/1");
      assertThat(m.getHeader("Injected")).isNull();
      assertThat(m.getContentType()).startsWith("text/plain");
      String body = (String) m.getContent();
      assertThat(body).contains("StopLogging by").contains("Actor: <!channel> @here").contains("\\x1b[31m")
          .contains("Incident: inc-7").contains("Rule by Jane Doe (SigmaHQ)").doesNotContain("\u001b");
      assertThat(smtp.recipients).containsExactly("<soc@example.com>", "<oncall@example.com>");
    }
  }

  @Test
  void subject_hostileNewlines_cannotAddHeaders() {
    Alert a = Alert.of(Fixtures.finding(Level.HIGH, "r1", "a", "x"), Fixtures.T0);
    Alert hostile = new Alert(a.kind(), a.raised(), a.level(), a.ruleId(), a.ruleName(),
        "t\r\nBcc: victim@example.com", a.author(), a.license(), a.techniques(), a.tactics(), a.reason(),
        a.principal(), a.account(), a.region(), a.resources(), a.sourceIp(), a.eventId(), a.logSource(),
        a.eventTime(), null, null, 1, 0, null);
    assertThat(EmailBody.subject(hostile)).doesNotContain("\r", "\n").contains("\\x0d\\x0aBcc");
  }

  @Test
  void retry_transientSmtpRefusal_isRetriedThenDelivered() throws Exception {
    try (SmtpReceiver smtp = new SmtpReceiver(n -> n == 0 ? 451 : 250)) {
      AlertDispatcher d = AlertDispatcher.start(List.of(config(smtp.port())), new SimpleMeterRegistry(),
          Clock.systemUTC());
      d.accept(List.of(Fixtures.finding(Level.HIGH, "r1", "alice", "trail")));
      WebhookOutputTest.waitUntil(() -> d.stats().get(0).delivered() == 1);
      assertThat(d.close(Duration.ofSeconds(60))).isTrue();
      assertThat(d.stats().get(0).retried()).isEqualTo(1);
      assertThat(smtp.messages).hasSize(1);
    }
  }

  @Test
  void permanentSmtpRefusal_isNotRetried() throws Exception {
    try (SmtpReceiver smtp = new SmtpReceiver(n -> 554)) {
      AlertDispatcher d = AlertDispatcher.start(List.of(config(smtp.port())), new SimpleMeterRegistry(),
          Clock.systemUTC());
      d.accept(List.of(Fixtures.finding(Level.HIGH, "r1", "alice", "trail")));
      WebhookOutputTest.waitUntil(() -> d.stats().get(0).failed() == 1);
      d.close(Duration.ofSeconds(60));
      assertThat(d.stats().get(0).retried()).isZero();
      assertThat(d.stats().get(0).lastError()).contains("SMTP 554");
    }
  }

  @Test
  void create_passwordEnvNotSet_isAnError() {
    EmailConfig c = new EmailConfig("mail", "127.0.0.1", 25, EmailConfig.Security.STARTTLS, "kumo", "KUMO_SMTP_PW",
        "kumo@example.com", List.of("soc@example.com"), null, null, "PKCS12", DeliveryPolicy.DEFAULT);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(
        () -> AlertOutputs.create(c, Map.<String, String>of()::get)))
        .hasMessageContaining("KUMO_SMTP_PW is not set");
  }
}
