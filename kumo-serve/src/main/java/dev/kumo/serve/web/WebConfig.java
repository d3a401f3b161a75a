package dev.kumo.serve.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the console and API server (read by {@link WebConfigReader}).
 *
 * @param host address to bind ({@code 127.0.0.1} by default)
 * @param port port to bind; 0 picks a free one
 * @param tls the certificate to serve HTTPS with, or null for plain HTTP
 * @param usersFile the YAML users file (see {@link UsersFile})
 * @param tokens the API bearer tokens
 * @param sessionIdle a session ends after this long without a request
 * @param sessionAbsolute a session ends this long after login, however busy
 * @param maxSessions most live sessions; the oldest go first beyond it
 * @param loginMaxFailures failed logins allowed per user and per client address within {@code loginWindow}
 * @param loginWindow the window failed logins are counted in
 * @param stateDir where the notes and statuses journal lives
 */
public record WebConfig(String host, int port, @Nullable Tls tls, Path usersFile, List<ApiToken> tokens,
    Duration sessionIdle, Duration sessionAbsolute, int maxSessions, int loginMaxFailures, Duration loginWindow,
    Path stateDir) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_SESSION_IDLE = Duration.ofMinutes(30);
  public static final Duration DEFAULT_SESSION_ABSOLUTE = Duration.ofHours(12);
  public static final int DEFAULT_MAX_SESSIONS = 10_000;
  public static final int DEFAULT_LOGIN_MAX_FAILURES = 5;
  public static final Duration DEFAULT_LOGIN_WINDOW = Duration.ofMinutes(5);

  public WebConfig {
    tokens = List.copyOf(tokens);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionAbsolute.compareTo(sessionIdle) < 0) {
      throw new IllegalArgumentException("session timeouts must be positive, the absolute one at least the idle one");
    }
    if (maxSessions < 1 || loginMaxFailures < 1 || loginWindow.isNegative() || loginWindow.isZero()) {
      throw new IllegalArgumentException("max sessions, login failures and login window must be positive");
    }
  }

  /** Defaults for everything but the users file, tokens and state dir. */
  public static WebConfig defaults(Path usersFile, List<ApiToken> tokens, Path stateDir) {
    return new WebConfig(DEFAULT_HOST, DEFAULT_PORT, null, usersFile, tokens, DEFAULT_SESSION_IDLE,
        DEFAULT_SESSION_ABSOLUTE, DEFAULT_MAX_SESSIONS, DEFAULT_LOGIN_MAX_FAILURES, DEFAULT_LOGIN_WINDOW, stateDir);
  }

  /** This configuration on another host and port. */
  public WebConfig withAddress(String newHost, int newPort) {
    return new WebConfig(newHost, newPort, tls, usersFile, tokens, sessionIdle, sessionAbsolute, maxSessions,
        loginMaxFailures, loginWindow, stateDir);
  }

  /** This configuration with TLS. */
  public WebConfig withTls(@Nullable Tls newTls) {
    return new WebConfig(host, port, newTls, usersFile, tokens, sessionIdle, sessionAbsolute, maxSessions,
        loginMaxFailures, loginWindow, stateDir);
  }

  /** HTTPS from a PKCS#12 keystore holding the server's key and certificate chain. */
  public record Tls(Path keystore, String password) {
    @Override
    public String toString() {
      return "Tls[" + keystore + "]";
    }
  }
}
