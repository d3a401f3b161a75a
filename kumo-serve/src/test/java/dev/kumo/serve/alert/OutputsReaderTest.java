package dev.kumo.serve.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kumo.sigma.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputsReaderTest {
  private static final String EXAMPLE = """
      listen: 127.0.0.1:8443
      outputs:
        - type: webhook
          name: soc-slack
          url: https://hooks.slack.com/services/T0/B0/secret
          format: slack          # generic | slack | teams
          min_level: high
          dedup_window: 10m
          rate_limit: 30/min
          headers: {}
        - type: webhook
          name: soar
          url: http://127.0.0.1:9000/alerts
          headers:
            Authorization: Bearer abc
          rate_limit: none
          dedup_window: 0
          max_attempts: 8
          retry_backoff: 500ms
          retry_backoff_max: 2m
          timeout: 5s
          queue_size: 50
        - type: syslog
          name: siem
          host: siem.example.com
          port: 6514
          tls: true
          trust_store: /etc/kumo/siem-ca.p12
          trust_store_password: changeit
          facility: authpriv
          app_name: kumo-prod
          min_level: medium
        - type: email
          name: soc-mail
          host: smtp.example.com
          username: kumo
          password_env: KUMO_SMTP_PASSWORD
          from: kumo@example.com
          to: [soc@example.com, oncall@example.com]
          min_level: critical
      """;

  @Test
  void read_theDocumentedExample_givesTypedConfigs() {
    List<OutputConfig> out = OutputsReader.read("serve.yaml", EXAMPLE);
    assertThat(out).hasSize(4);
    EmailConfig mail = (EmailConfig) out.get(3);
    assertThat(mail.security()).isEqualTo(EmailConfig.Security.STARTTLS);
    assertThat(mail.port()).isEqualTo(587);
    assertThat(mail.to()).containsExactly("soc@example.com", "oncall@example.com");
    assertThat(mail.passwordEnv()).isEqualTo("KUMO_SMTP_PASSWORD");
    WebhookConfig slack = (WebhookConfig) out.get(0);
    assertThat(slack.name()).isEqualTo("soc-slack");
    assertThat(slack.format()).isEqualTo(WebhookFormat.SLACK);
    assertThat(slack.url()).isEqualTo(URI.create("https://hooks.slack.com/services/T0/B0/secret"));
    assertThat(slack.policy().minLevel()).isEqualTo(Level.HIGH);
    assertThat(slack.policy().dedupWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(slack.policy().rateLimit()).isEqualTo(new RateLimit(30, Duration.ofMinutes(1)));
    assertThat(slack.toString()).doesNotContain("secret");
    WebhookConfig soar = (WebhookConfig) out.get(1);
    assertThat(soar.format()).isEqualTo(WebhookFormat.GENERIC);
    assertThat(soar.headers()).isEqualTo(Map.of("Authorization", "Bearer abc"));
    assertThat(soar.toString()).doesNotContain("abc");
    assertThat(soar.policy()).isEqualTo(new DeliveryPolicy(Level.MEDIUM, Duration.ZERO, null, 8,
        Duration.ofMillis(500), Duration.ofMinutes(2), Duration.ofSeconds(5), 50));
    SyslogConfig siem = (SyslogConfig) out.get(2);
    assertThat(siem.host()).isEqualTo("siem.example.com");
    assertThat(siem.port()).isEqualTo(6514);
    assertThat(siem.tls()).isTrue();
    assertThat(siem.trustStore()).isEqualTo(Path.of("/etc/kumo/siem-ca.p12"));
    assertThat(siem.facility()).isEqualTo(10);
    assertThat(siem.appName()).isEqualTo("kumo-prod");
    assertThat(siem.sdId()).isEqualTo("kumo@32473");
    assertThat(siem.policy().minLevel()).isEqualTo(Level.MEDIUM);
  }

  @Test
  void read_noOutputs_isEmpty() {
    assertThat(OutputsReader.read("serve.yaml", "listen: x\n")).isEmpty();
    assertThat(OutputsReader.read("serve.yaml", "")).isEmpty();
  }

  @Test
  void read_errors_areAllReportedWithFileAndLine() {
    String yaml = """
        outputs:
          - type: webhook
            name: Bad Name
            url: ftp://example.com/x
            format: discord
            colour: red
            dedup_window: ten minutes
            rate_limit: 30 per minute
            min_level: severe
          - type: syslog
            name: siem
            host: siem.example.com
            port: 70000
            tls: yes please
            facility: local9
            sd_id: "bad id"
          - type: pager
            name: p
          - type: webhook
            name: siem
            url: "http://exa mple.com/"
            headers:
              Host: evil
              X-Ok: "a\\r\\nInjected: 1"
            timeout: 0
            max_attempts: 0
            retry_backoff_max: 999999999d
          - just a string
        """;
    OutputConfigException e = catchThrowableOfType(OutputConfigException.class,
        () -> OutputsReader.read("serve.yaml", yaml));
    assertThat(e).isNotNull();
    assertThat(e.errors()).containsExactlyInAnyOrder(
        "serve.yaml:3: 'name' must be lower-case letters, digits and dashes, not 'Bad Name'",
        "serve.yaml:4: 'url' must be an http or https URL with a host",
        "serve.yaml:5: unknown format 'discord' (one of [generic, slack, teams])",
        "serve.yaml:6: unknown key 'colour' (expected one of [type, name, min_level, dedup_window, rate_limit,"
            + " max_attempts, retry_backoff, retry_backoff_max, timeout, queue_size, url, format, headers])",
        "serve.yaml:7: 'dedup_window' must be a duration like 500ms, 30s, 10m, 1h or 1d, not 'ten minutes'",
        "serve.yaml:8: 'rate_limit' must be like 30/min (per s, min, hour or day) or none, not '30 per minute'",
        "serve.yaml:9: unknown level 'severe' (informational, low, medium, high, critical)",
        "serve.yaml:13: 'port' must be a whole number from 1 to 65535, not '70000'",
        "serve.yaml:14: 'tls' must be true or false, not 'yes please'",
        "serve.yaml:15: unknown facility 'local9' (0 to 23, or a name such as local0, auth, authpriv)",
        "serve.yaml:16: 'sd_id' must be 1 to 32 printable ASCII characters without = ] \" or spaces"
            + " (e.g. name@enterprise-number)",
        "serve.yaml:17: unknown output type 'pager' (one of [webhook, syslog, email])",
        "serve.yaml:20: duplicate output name 'siem' (first on line 11)",
        "serve.yaml:21: 'url' is not a valid URL (Illegal character in authority)",
        "serve.yaml:23: 'Host' cannot be set as a header",
        "serve.yaml:24: the value of header 'X-Ok' has control characters",
        "serve.yaml:25: 'timeout' must be positive",
        "serve.yaml:26: 'max_attempts' must be a whole number from 1 to 100, not '0'",
        "serve.yaml:27: 'retry_backoff_max' must be at most 7d, not '999999999d'",
        "serve.yaml:28: an output must be a map with 'type' and 'name'");
    assertThat(e.getMessage()).doesNotContain("exa mple");
  }

  @Test
  void read_emailErrors_withLines() {
    String yaml = """
        outputs:
          - type: email
            name: m
            host: smtp.example.com
            security: ssl
            password_env: "bad name"
            from: not an address
            to: []
        """;
    OutputConfigException e = catchThrowableOfType(OutputConfigException.class,
        () -> OutputsReader.read("s.yaml", yaml));
    assertThat(e.errors()).containsExactlyInAnyOrder(
        "s.yaml:5: 'security' must be starttls, tls or none, not 'ssl'",
        "s.yaml:6: 'password_env' must name an environment variable",
        "s.yaml:6: 'password_env' needs 'username'",
        "s.yaml:7: 'from' is not an e-mail address: 'not an address'",
        "s.yaml:8: 'to' must be one or more e-mail addresses");
  }

  @Test
  void read_yamlSyntaxError_isReportedWithLine() {
    OutputConfigException e = catchThrowableOfType(OutputConfigException.class, () -> OutputsReader.read("serve.yaml",
        "outputs:\n  - type: webhook\n    name: [unclosed\n"));
    assertThat(e.errors()).singleElement().asString().startsWith("serve.yaml:");
  }

  @Test
  void rateLimit_parse() {
    assertThat(RateLimit.parse("5/s")).contains(new RateLimit(5, Duration.ofSeconds(1)));
    assertThat(RateLimit.parse("100 / hour")).contains(new RateLimit(100, Duration.ofHours(1)));
    assertThat(RateLimit.parse("0/min")).isEmpty();
    assertThat(RateLimit.parse("/min")).isEmpty();
  }
}
