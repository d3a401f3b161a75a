package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.serve.web.ApiToken;
import dev.kumo.serve.web.PasswordHasher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir
  Path dir;

  @Test
  void serve_withoutConfig_isUsageError() {
    assertThat(Cli.run("serve").exit()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void serve_badConfig_listsEveryProblemWithFileAndLine() throws Exception {
    Path yml = Files.writeString(dir.resolve("serve.yml"), """
        state_dir: state
        colour: blue
        web: {port: 99999}
        ingest: {push_tokens_sha256: [letmein]}
        """);
    Cli.Result r = Cli.run("serve", "--config", yml.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("serve.yml:2: unknown key 'colour'").contains("never in the clear")
        .contains("'port' must be a whole number").contains("users_file");
  }

  @Test
  void newToken_printsTokenAndItsSha256() {
    Cli.Result r = Cli.run("serve", "new-token");
    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    String token = r.out().lines().filter(l -> l.startsWith("token:")).findFirst().orElseThrow().substring(6).strip();
    String sha = r.out().lines().filter(l -> l.startsWith("sha256:")).findFirst().orElseThrow().substring(7).strip();
    assertThat(token).startsWith("kumo_").hasSizeGreaterThan(40);
    assertThat(sha).isEqualTo(ApiToken.digest(token));
  }

  @Test
  void hashPassword_fromStandardInput_printsAnArgon2idHashThatVerifies() {
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream("correct horse battery staple\n".getBytes(StandardCharsets.UTF_8)));
      Cli.Result r = Cli.run("serve", "hash-password");
      assertThat(r.exit()).isEqualTo(ExitCode.OK);
      String hash = r.out().strip();
      assertThat(hash).startsWith("$argon2id$");
      assertThat(PasswordHasher.verify("correct horse battery staple".toCharArray(), hash)).isTrue();
      System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(Cli.run("serve", "hash-password").exit()).isEqualTo(ExitCode.USAGE);
    } finally {
      System.setIn(old);
    }
  }
}
