package dev.kumo.serve.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Login and logout. The login form carries a per-browser token that must match a cookie (login CSRF); failed
 * logins are counted per user and per address and refused with 429 over the limit; a successful login starts a new
 * session (any old one ends) and the cookie is re-issued.
 */
final class LoginPages {
  static final String LOGIN_COOKIE = "kumo_login";
  static final int MAX_NAME = 64;
  static final int MAX_PASSWORD = 1024;
  /** Verified against when the user is unknown, so the answer takes as long as for a known one. */
  private static final String DUMMY_HASH = new PasswordHasher().hash("not a password".toCharArray());

  private final UsersFile users;
  private final Sessions sessions;
  private final LoginLimiter limiter;
  private final Auth auth;

  LoginPages(UsersFile users, Sessions sessions, LoginLimiter limiter, Auth auth) {
    this.users = users;
    this.sessions = sessions;
    this.limiter = limiter;
    this.auth = auth;
  }

  void register(WebServer.Routes r) {
    r.open(HandlerType.GET, "/login", this::form);
    r.open(HandlerType.POST, "/login", this::login);
    r.guarded(HandlerType.POST, "/logout", Role.VIEWER, this::logout);
  }

  private void form(Context ctx) {
    if (sessions.touch(ctx.cookie(Auth.COOKIE)).isPresent()) {
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    show(ctx, 200, null);
  }

  private void show(Context ctx, int status, @org.jspecify.annotations.Nullable String problem) {
    String token = sessions.token();
    auth.setCookie(ctx, LOGIN_COOKIE, token, "/login");
    Html h = new Html().raw("<h1>Kumo console</h1>\n");
    if (problem != null) {
      h.raw("<p class=\"error\" role=\"alert\">").text(problem).raw("</p>\n");
    }
    h.raw("<form class=\"login\" method=\"post\" action=\"/login\">")
        .raw("<input type=\"hidden\" name=\"login_csrf\" value=\"").text(token).raw("\">")
        .raw("<label>User <input id=\"user\" name=\"user\" autocomplete=\"username\" required maxlength=\"64\"></label>")
        .raw("<label>Password <input id=\"password\" name=\"password\" type=\"password\""
            + " autocomplete=\"current-password\" required maxlength=\"1024\"></label>")
        .raw("<button id=\"login\" type=\"submit\">Log in</button></form>");
    ctx.status(status).html(Layout.bare("Log in", h.toString()));
  }

  private void login(Context ctx) {
    String cookie = ctx.cookie(LOGIN_COOKIE);
    String field = ctx.formParam("login_csrf");
    if (cookie == null || field == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
        field.getBytes(StandardCharsets.US_ASCII))) {
      show(ctx, 403, "The login form expired. Please try again.");
      return;
    }
    String user = Optional.ofNullable(ctx.formParam("user")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (user.isEmpty() || user.length() > MAX_NAME || password.length() > MAX_PASSWORD) {
      show(ctx, 400, "Enter a user name and password.");
      return;
    }
    String address = ctx.ip();
    if (!limiter.allowed(user, address)) {
      show(ctx, 429, "Too many failed logins. Wait a few minutes and try again.");
      return;
    }
    Optional<WebUser> u = users.user(user);
    char[] pw = password.toCharArray();
    boolean ok;
    try {
      ok = PasswordHasher.verify(pw, u.map(WebUser::passwordHash).orElse(DUMMY_HASH)) && u.isPresent();
    } finally {
      Arrays.fill(pw, '\0');
    }
    if (!ok) {
      limiter.failed(user, address);
      show(ctx, 401, "Wrong user name or password.");
      return;
    }
    limiter.succeeded(user);
    Session s = sessions.start(u.get().name(), u.get().role(), ctx.cookie(Auth.COOKIE));
    auth.clearCookie(ctx, LOGIN_COOKIE, "/login");
    auth.setCookie(ctx, Auth.COOKIE, s.id(), "/");
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    Session s = WebServer.caller(ctx).session();
    if (s != null) {
      sessions.end(s.id());
    }
    auth.clearCookie(ctx, Auth.COOKIE, "/");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }
}
