package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebConfigReaderTest {
  private static final Path BASE = Path.of("/etc/kumo");

  @Test
  void read_fullConfig_givesTypedSettings_pathsFromTheConfigFolder() throws Exception {
    WebConfig c = WebConfigReader.read("serve.yaml", """
        host: 0.0.0.0
        port: 8443
        users_file: users.yaml
        state_dir: /var/lib/kumo
        api_tokens:
          - {name: ci, role: viewer, sha256: %s}
        sessions: {idle: 15m, absolute: 8h, max: 50}
        login_limits: {max_failures: 3, window: 10m}
        """.formatted(ApiToken.digest("s3cret")), BASE);

    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.port()).isEqualTo(8443);
    assertThat(c.usersFile()).isEqualTo(Path.of("/etc/kumo/users.yaml"));
    assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/kumo"));
    assertThat(c.tokens()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("ci");
      assertThat(t.role()).isEqualTo(Role.VIEWER);
    });
    assertThat(c.sessionIdle()).isEqualTo(Duration.ofMinutes(15));
    assertThat(c.sessionAbsolute()).isEqualTo(Duration.ofHours(8));
    assertThat(c.maxSessions()).isEqualTo(50);
    assertThat(c.loginMaxFailures()).isEqualTo(3);
    assertThat(c.loginWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.tls()).isNull();
  }

  @Test
  void read_minimalConfig_usesDefaults() throws Exception {
    WebConfig c = WebConfigReader.read("serve.yaml", "users_file: u.yaml\nstate_dir: state\n", BASE);

    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.port()).isEqualTo(WebConfig.DEFAULT_PORT);
    assertThat(c.sessionIdle()).isEqualTo(WebConfig.DEFAULT_SESSION_IDLE);
    assertThat(c.loginMaxFailures()).isEqualTo(5);
  }

  @Test
  void read_badValues_reportsEveryProblemWithFileAndLine() {
    assertThatThrownBy(() -> WebConfigReader.read("serve.yaml", """
        port: 99999
        users_file: u.yaml
        state_dir: s
        api_tokens:
          - {name: ci, role: boss, sha256: nothex}
        sessions: {idle: soon}
        colour: blue
        """, BASE)).isInstanceOf(WebConfigException.class).satisfies(e -> assertThat(
            ((WebConfigException) e).problems()).containsExactlyInAnyOrder(
                "serve.yaml:7: unknown key 'colour' (expected one of [host, port, tls, users_file, state_dir,"
                    + " api_tokens, sessions, login_limits])",
                "serve.yaml:1: 'port' must be a whole number from 0 to 65535, not '99999'",
                "serve.yaml:5: unknown role 'boss' (one of viewer, analyst, admin)",
                "serve.yaml:5: 'sha256' must be 64 lower-case hex digits (the SHA-256 of the token)",
                "serve.yaml:6: 'idle' must be a positive duration such as 30s, 15m, 12h or 1d, not 'soon'"));
  }

  @Test
  void usersFile_validUsers_areRead() {
    String hash = new PasswordHasher(1024, 1, 1, new SecureRandom()).hash("pw".toCharArray());
    UsersFile u = UsersFile.read("users.yaml", "users:\n  - name: alice\n    role: analyst\n    password_hash: " + hash
        + "\n  - {name: bob, role: viewer, password_hash: '" + hash + "'}\n");

    assertThat(u.user("alice")).get().extracting(WebUser::role).isEqualTo(Role.ANALYST);
    assertThat(u.user("bob")).get().extracting(WebUser::role).isEqualTo(Role.VIEWER);
    assertThat(u.user("carol")).isEmpty();
  }

  @Test
  void usersFile_problems_areReportedWithLines() {
    assertThatThrownBy(() -> UsersFile.read("users.yaml", """
        users:
          - name: alice
            role: root
            password_hash: hunter2
          - name: alice
            role: viewer
            password_hash: $argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc
          - name: "<b>"
            role: viewer
            password_hash: x
        """)).isInstanceOf(WebConfigException.class).satisfies(e -> assertThat(((WebConfigException) e).problems())
            .containsExactly(
                "users.yaml:3: unknown role 'root' (one of viewer, analyst, admin)",
                "users.yaml:4: password_hash must be an Argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash)"
                    + " within the allowed cost",
                "users.yaml:5: user 'alice' defined twice (first on line 2)",
                "users.yaml:8: user name must be 1-64 letters, digits, '.', '_', '@' or '-'",
                "users.yaml:10: password_hash must be an Argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash)"
                    + " within the allowed cost"));
  }
}
