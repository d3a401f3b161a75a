package dev.kumo.serve.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Works out the {@link Caller} of a request: a bearer token ({@code Authorization: Bearer ...}, matched by its
 * SHA-256 against every configured token in constant time) or the session cookie. Also writes and clears the
 * session cookie ({@code HttpOnly; SameSite=Strict; Path=/}, plus {@code Secure} under TLS).
 */
final class Auth {
  static final String COOKIE = "kumo_session";
  static final String CSRF_FIELD = "csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final List<ApiToken> tokens;
  private final Sessions sessions;
  private final boolean tls;

  Auth(List<ApiToken> tokens, Sessions sessions, boolean tls) {
    this.tokens = List.copyOf(tokens);
    this.sessions = sessions;
    this.tls = tls;
  }

  /** Thrown for a bearer token that matches no configured token. */
  static final class BadToken extends Exception {
    BadToken() {
      super("unknown bearer token", null, false, false);
    }
  }

  /** The caller, or empty when the request carries neither a token nor a live session. */
  Optional<Caller> caller(Context ctx) throws BadToken {
    String authz = ctx.header("Authorization");
    if (authz != null && authz.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ApiToken t = token(authz.substring(7).strip());
      if (t == null) {
        throw new BadToken();
      }
      return Optional.of(new Caller(t.name(), t.role(), null));
    }
    return sessions.touch(ctx.cookie(COOKIE)).map(s -> new Caller(s.user(), s.role(), s));
  }

  private @Nullable ApiToken token(String presented) {
    byte[] digest = ApiToken.digest(presented).getBytes(StandardCharsets.US_ASCII);
    ApiToken found = null;
    for (ApiToken t : tokens) {
      // Every token is compared, in constant time, so timing says nothing about which one nearly matched.
      if (MessageDigest.isEqual(digest, t.sha256().getBytes(StandardCharsets.US_ASCII))) {
        found = t;
      }
    }
    return found;
  }

  /** Whether the request changes state (needs a CSRF token when made with a session). */
  static boolean changesState(Context ctx) {
    HandlerType m = ctx.method();
    return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
  }

  /** Whether the request carries the session's CSRF token (header, else form field). */
  static boolean csrfOk(Context ctx, Session s) {
    String given = ctx.header(CSRF_HEADER);
    if (given == null) {
      String type = ctx.contentType();
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        given = ctx.formParam(CSRF_FIELD);
      }
    }
    return Sessions.csrfMatches(s, given);
  }

  void setCookie(Context ctx, String name, String value, String path) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict"
        + (tls ? "; Secure" : ""));
  }

  void clearCookie(Context ctx, String name, String path) {
    ctx.res().addHeader("Set-Cookie", name + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Strict"
        + (tls ? "; Secure" : ""));
  }
}
