package dev.kumo.serve.web;

import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link WebConfig} from YAML; relative paths are taken from the configuration file's folder.
 *
 * <pre>
 * host: 127.0.0.1
 * port: 8443
 * tls: {keystore: server.p12, password_file: server.p12.pass}   # or password: ...
 * users_file: users.yaml
 * state_dir: state
 * api_tokens:
 *   - {name: ci, role: viewer, sha256: 9f86d08...}                # hex SHA-256 of the token
 * sessions: {idle: 30m, absolute: 12h, max: 10000}
 * login_limits: {max_failures: 5, window: 5m}
 * </pre>
 *
 * Every problem is reported as {@code file:line: reason}, all at once, in a {@link WebConfigException}.
 */
public final class WebConfigReader {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private WebConfigReader() {}

  public static WebConfig read(Path path) throws IOException {
    Path base = path.toAbsolutePath().getParent();
    return parse(path.toString(), Yaml.root(path), base);
  }

  /** Reads from text; {@code file} names it in messages, {@code base} resolves relative paths. */
  public static WebConfig read(String file, String text, Path base) throws IOException {
    return parse(file, Yaml.root(file, text), base);
  }

  /** Reads an already parsed map (e.g. the {@code web:} section of a larger file). */
  public static WebConfig parse(String file, YMap root, Path base) throws IOException {
    return parse(file, root, base, null);
  }

  /**
   * Reads an already parsed map; {@code stateDir}, when given, is used when the map has no {@code state_dir}
   * (the {@code web:} section of {@code kumo serve}'s configuration shares the service's state folder).
   */
  public static WebConfig parse(String file, YMap root, Path base, @Nullable Path stateDir) throws IOException {
    YamlChecks checks = new YamlChecks(file);
    checks.keys(root, "host", "port", "tls", "users_file", "state_dir", "api_tokens", "sessions", "login_limits");
    String host = checks.text(root, "host", false);
    int port = Yaml.integer(checks, root, "port", WebConfig.DEFAULT_PORT, 0, 65_535);
    String users = checks.text(root, "users_file", true);
    String state = checks.text(root, "state_dir", stateDir == null);
    WebConfig.Tls tls = tls(checks, root, base);
    List<ApiToken> tokens = tokens(checks, root);
    Duration idle = WebConfig.DEFAULT_SESSION_IDLE;
    Duration absolute = WebConfig.DEFAULT_SESSION_ABSOLUTE;
    int maxSessions = WebConfig.DEFAULT_MAX_SESSIONS;
    if (section(checks, root, "sessions") instanceof YMap s) {
      checks.keys(s, "idle", "absolute", "max");
      idle = Yaml.duration(checks, s, "idle", idle);
      absolute = Yaml.duration(checks, s, "absolute", absolute);
      maxSessions = Yaml.integer(checks, s, "max", maxSessions, 1, 1_000_000);
      if (absolute.compareTo(idle) < 0) {
        checks.error(s.lineOf("absolute"), "'absolute' must be at least 'idle'");
      }
    }
    int maxFailures = WebConfig.DEFAULT_LOGIN_MAX_FAILURES;
    Duration window = WebConfig.DEFAULT_LOGIN_WINDOW;
    if (section(checks, root, "login_limits") instanceof YMap l) {
      checks.keys(l, "max_failures", "window");
      maxFailures = Yaml.integer(checks, l, "max_failures", maxFailures, 1, 1000);
      window = Yaml.duration(checks, l, "window", window);
    }
    if (checks.hasErrors()) {
      throw new WebConfigException(checks.errors());
    }
    return new WebConfig(host == null ? WebConfig.DEFAULT_HOST : host, port, tls, base.resolve(users), tokens, idle,
        absolute, maxSessions, maxFailures, window, state == null ? java.util.Objects.requireNonNull(stateDir)
        : base.resolve(state));
  }

  private static @Nullable YNode section(YamlChecks checks, YMap root, String key) {
    YNode n = root.get(key);
    if (n != null && !(n instanceof YMap)) {
      checks.error(root.lineOf(key), "'" + key + "' must be a map");
      return null;
    }
    return n;
  }

  private static WebConfig.@Nullable Tls tls(YamlChecks checks, YMap root, Path base) throws IOException {
    if (!(section(checks, root, "tls") instanceof YMap t)) {
      return null;
    }
    checks.keys(t, "keystore", "password", "password_file");
    String keystore = checks.text(t, "keystore", true);
    String password = checks.text(t, "password", false);
    String passwordFile = checks.text(t, "password_file", false);
    if ((password == null) == (passwordFile == null)) {
      checks.error(t.line(), "tls needs exactly one of 'password' and 'password_file'");
      return null;
    }
    if (passwordFile != null) {
      Path p = base.resolve(passwordFile);
      if (!Files.isRegularFile(p)) {
        checks.error(t.lineOf("password_file"), "no such file: " + p);
        return null;
      }
      password = Files.readString(p, StandardCharsets.UTF_8).strip();
    }
    if (keystore == null || password == null) {
      return null;
    }
    Path ks = base.resolve(keystore);
    if (!Files.isRegularFile(ks)) {
      checks.error(t.lineOf("keystore"), "no such keystore: " + ks);
    }
    return new WebConfig.Tls(ks, password);
  }

  private static List<ApiToken> tokens(YamlChecks checks, YMap root) {
    List<ApiToken> out = new ArrayList<>();
    YNode n = root.get("api_tokens");
    if (n == null) {
      return out;
    }
    if (!(n instanceof YList list)) {
      checks.error(root.lineOf("api_tokens"), "'api_tokens' must be a list of {name, role, sha256}");
      return out;
    }
    for (YNode item : list.items()) {
      if (!(item instanceof YMap t)) {
        checks.error(item.line(), "a token must be a map of name, role and sha256");
        continue;
      }
      checks.keys(t, "name", "role", "sha256");
      String name = checks.text(t, "name", true);
      String roleText = checks.text(t, "role", true);
      String sha = checks.text(t, "sha256", true);
      Role role = roleText == null ? null : Role.parse(roleText);
      if (roleText != null && role == null) {
        checks.error(t.lineOf("role"), "unknown role '" + roleText + "' (one of viewer, analyst, admin)");
      }
      if (sha != null && !SHA256.matcher(sha).matches()) {
        checks.error(t.lineOf("sha256"), "'sha256' must be 64 lower-case hex digits (the SHA-256 of the token)");
      } else if (name != null && role != null && sha != null) {
        out.add(new ApiToken(name, role, sha));
      }
    }
    return out;
  }
}
