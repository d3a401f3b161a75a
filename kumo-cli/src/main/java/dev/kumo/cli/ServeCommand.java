package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.serve.ServeConfig;
import dev.kumo.serve.ServeConfigReader;
import dev.kumo.serve.Service;
import dev.kumo.serve.web.ApiToken;
import dev.kumo.serve.web.PasswordHasher;
import dev.kumo.serve.web.WebConfigException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kumo serve}: continuous monitoring with live ingest, alerting and the web console. */
@Command(name = "serve", sortOptions = false,
    description = {"Run Kumo as a service: take logs as they arrive (watched folders, authenticated HTTP push), "
        + "load them into a live case exactly once with the same engine as hunt, raise alerts (webhook: generic, "
        + "Slack, Teams; syslog RFC 5424 over TCP/TLS; e-mail), and serve the web console, the REST API "
        + "(/api/v1, OpenAPI at /api/v1/openapi.json), /healthz, /readyz and Prometheus /metrics."},
    subcommands = {ServeCommand.HashPassword.class, ServeCommand.NewToken.class},
    footer = {"", "Examples:",
        "  kumo serve --config serve.yml",
        "  kumo serve hash-password          # Argon2id hash for users.yml (password read without echo)",
        "  kumo serve new-token              # a random API or push token and the SHA-256 to configure",
        "", "Configuration: see docs/serve.md."})
final class ServeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "The service configuration (serve.yml).")
  Path config;

  @Mixin
  RuleOptions ruleOptions = new RuleOptions();

  @Override
  public Integer call() throws Exception {
    if (config == null) {
      throw new ParameterException(spec.commandLine(), "give --config serve.yml (see docs/serve.md)");
    }
    PrintWriter err = spec.commandLine().getErr();
    ServeConfig c;
    try {
      c = ServeConfigReader.read(config);
    } catch (WebConfigException e) {
      e.problems().forEach(p -> err.println("kumo: " + Sanitize.terminal(p)));
      err.flush();
      return ExitCode.USAGE;
    }
    Service service = Service.start(c, ruleOptions.load(), Clock.systemUTC(),
        problem -> err.println("kumo: " + Sanitize.terminal(problem)));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "kumo-serve-shutdown"));
    err.println("kumo: serving " + service.baseUrl() + " (case " + Sanitize.terminal(c.caseDir().toString())
        + ", " + c.watch().size() + " watched folder(s), " + c.outputs().size() + " alert output(s)); Ctrl-C stops");
    err.flush();
    stopped.await();
    return ExitCode.OK;
  }

  /** {@code kumo serve hash-password}: the Argon2id hash of a password, for users.yml. */
  @Command(name = "hash-password", description = "Print the Argon2id hash of a password for the users file. The "
      + "password is read from the terminal without echo, or from the first line of standard input.")
  static final class HashPassword implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      char[] password;
      Console console = System.console();
      if (console != null) {
        password = console.readPassword("password: ");
      } else {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        password = line == null ? new char[0] : line.toCharArray();
      }
      if (password == null || password.length < 12) {
        spec.commandLine().getErr().println("kumo: a password needs at least 12 characters");
        return ExitCode.USAGE;
      }
      try {
        spec.commandLine().getOut().println(new PasswordHasher().hash(password));
      } finally {
        Arrays.fill(password, '\0');
      }
      return ExitCode.OK;
    }
  }

  /** {@code kumo serve new-token}: a random bearer token and the SHA-256 to put in the configuration. */
  @Command(name = "new-token", description = "Print a new random bearer token (for API clients or log shippers) "
      + "and its SHA-256, which is what the configuration holds.")
  static final class NewToken implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      byte[] raw = new byte[32];
      new SecureRandom().nextBytes(raw);
      String token = "kumo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      PrintWriter out = spec.commandLine().getOut();
      out.println("token:  " + token);
      out.println("sha256: " + ApiToken.digest(token));
      out.flush();
      return ExitCode.OK;
    }
  }
}
