package dev.kumo.serve.web;

import dev.kumo.casestore.CaseQuery;
import dev.kumo.serve.CaseAccess;
import dev.kumo.serve.exercise.DrillRunner;
import dev.kumo.serve.exercise.ExerciseRuns;
import dev.kumo.serve.reports.Reports;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jspecify.annotations.Nullable;

/**
 * The console and API server (Javalin on Jetty). Every console and {@code /api/v1} route checks the caller's role
 * on the server; state-changing requests made with a session need its CSRF token; every response carries a strict
 * Content-Security-Policy and {@code nosniff}. {@code /healthz} and {@code /readyz} are open and show no data.
 * Routes added with {@link Builder#route(HandlerType, String, Handler)} (ingest push, {@code /metrics}) do their
 * own checks.
 */
public final class WebServer implements AutoCloseable {
  /** The Content-Security-Policy of every response. */
  public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  static final String CALLER = "kumo.caller";

  private final Javalin app;
  private final WebConfig config;
  private final List<RouteSpec> routes;
  private final Sessions sessions;

  private WebServer(Javalin app, WebConfig config, List<RouteSpec> routes, Sessions sessions) {
    this.app = app;
    this.config = config;
    this.routes = List.copyOf(routes);
    this.sessions = sessions;
  }

  public static Builder builder(WebConfig config, UsersFile users, CaseAccess cases, NotesStore notes, Clock clock) {
    return new Builder(config, users, cases, notes, clock);
  }

  /** Assembles a server; add the integrator's routes before {@link #build()}. */
  public static final class Builder {
    private final WebConfig config;
    private final UsersFile users;
    private final CaseAccess cases;
    private final NotesStore notes;
    private final Clock clock;
    private final List<Extra> extras = new ArrayList<>();
    private long maxRequestBytes = 1 << 20;
    private @Nullable ExerciseRuns exerciseRuns;
    private @Nullable DrillRunner drills;
    private Reports reports = Reports.none();

    private record Extra(HandlerType method, String path, @Nullable Role role, Handler handler) {}

    private Builder(WebConfig config, UsersFile users, CaseAccess cases, NotesStore notes, Clock clock) {
      this.config = config;
      this.users = users;
      this.cases = cases;
      this.notes = notes;
      this.clock = clock;
    }

    /** Adds a route that does its own authentication (e.g. the ingest push with its bearer check, {@code /metrics}). */
    public Builder route(HandlerType method, String path, Handler handler) {
      extras.add(new Extra(method, path, null, handler));
      return this;
    }

    /**
     * Adds a route behind the console's checks: a session (with CSRF for state changes) or an API token of at least
     * {@code role}. The handler finds the caller with {@link WebServer#caller(Context)}.
     */
    public Builder route(HandlerType method, String path, Role role, Handler handler) {
      extras.add(new Extra(method, path, role, handler));
      return this;
    }

    /** The largest request body accepted (default 1 MiB); the ingest push needs its batch size. */
    public Builder maxRequestBytes(long bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * The exercise runs the console lists (default: {@code STATE_DIR/exercises}) and the runner of drills started
     * from it (default: none; starting a drill is then refused).
     */
    public Builder exercises(ExerciseRuns runs, @Nullable DrillRunner runner) {
      this.exerciseRuns = runs;
      this.drills = runner;
      return this;
    }

    /** The posture and dead-spot report files the console shows (default: none configured). */
    public Builder reports(Reports reports) {
      this.reports = reports;
      return this;
    }

    public WebServer build() {
      ExerciseRuns runs = exerciseRuns != null ? exerciseRuns : new ExerciseRuns(config.stateDir().resolve("exercises"));
      SecureRandom random = new SecureRandom();
      Sessions sessions = new Sessions(clock, config.sessionIdle(), config.sessionAbsolute(), config.maxSessions(),
          random);
      Auth auth = new Auth(config.tokens(), sessions, config.tls() != null);
      LoginLimiter limiter = new LoginLimiter(clock, config.loginMaxFailures(), config.loginWindow());
      List<RouteSpec> specs = new ArrayList<>();
      Javalin app = Javalin.create(c -> {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.http.maxRequestSize = maxRequestBytes;
        c.http.defaultContentType = "text/plain; charset=utf-8";
        c.jetty.modifyServer(s -> s.setStopTimeout(2_000));
        WebConfig.Tls tls = config.tls();
        if (tls != null) {
          c.jetty.addConnector((server, http) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(tls.password());
            ssl.setKeyStoreType("PKCS12");
            HttpConfiguration https = new HttpConfiguration(http);
            https.addCustomizer(new SecureRequestCustomizer());
            ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(config.host());
            connector.setPort(config.port());
            return connector;
          });
        } else {
          c.jetty.host = config.host();
          c.jetty.port = config.port();
        }
        c.routes.before(ctx -> headers(ctx, tls != null));
        c.routes.exception(WebError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        c.routes.exception(IOException.class, (e, ctx) -> error(ctx, 503, "the case cannot be read right now"));
        c.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error"));
        c.routes.error(404, ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
            error(ctx, 404, "not found");
          }
        });
        Routes r = new Routes(c, auth, specs);
        r.open(HandlerType.GET, "/healthz", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok\n"));
        r.open(HandlerType.GET, "/readyz", ctx -> ready(ctx, cases));
        r.open(HandlerType.GET, "/static/console.css", ctx -> css(ctx));
        r.open(HandlerType.GET, "/favicon.ico", ctx -> ctx.status(204));
        r.open(HandlerType.GET, "/api/v1/openapi.json", ctx -> openapi(ctx));
        new LoginPages(users, sessions, limiter, auth).register(r);
        new ConsolePages(cases, notes).register(r);
        new ApiRoutes(cases, notes).register(r);
        new PlanApi(cases).register(r);
        new ExercisePages(runs, drills).register(r);
        new ExerciseApi(runs, drills).register(r);
        new PosturePages(reports).register(r);
        new PostureApi(reports).register(r);
        for (Extra e : extras) {
          if (e.role() == null) {
            r.open(e.method(), e.path(), e.handler());
          } else {
            r.guarded(e.method(), e.path(), e.role(), e.handler());
          }
        }
      });
      return new WebServer(app, config, specs, sessions);
    }
  }

  /** The caller of a request on a guarded route. */
  public static Caller caller(Context ctx) {
    Caller c = ctx.attribute(CALLER);
    if (c == null) {
      throw new IllegalStateException("not a guarded route");
    }
    return c;
  }

  /** Starts listening; returns this. */
  public WebServer start() {
    app.start();
    return this;
  }

  /** The port listened on (the bound one when configured as 0). */
  public int port() {
    return app.port();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return (config.tls() != null ? "https://" : "http://") + host + ":" + port();
  }

  /** Every registered route, in registration order. */
  public List<RouteSpec> routes() {
    return routes;
  }

  /** The live sessions (for metrics and tests). */
  public int sessionCount() {
    return sessions.size();
  }

  /** Stops listening and waits for requests in flight (briefly). */
  @Override
  public void close() {
    app.stop();
  }

  private static void headers(Context ctx, boolean tls) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cache-Control", ctx.path().startsWith("/static/") ? "no-cache" : "no-store");
    if (tls) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }

  /** Writes an error: JSON under {@code /api/}, else a small page. */
  static void error(Context ctx, int status, @Nullable String message) {
    String m = message == null ? "error" : message;
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      ctx.contentType("application/json").result(Json.object(g -> g.writeStringField("error", m)));
    } else {
      Html h = new Html().raw("<h1>").num(status).raw("</h1><p class=\"error\">").text(m)
          .raw("</p><p><a href=\"/\">Back to the overview</a></p>");
      ctx.html(Layout.bare("Error " + status, h.toString()));
    }
  }

  private static void ready(Context ctx, CaseAccess cases) {
    try (CaseQuery q = cases.open()) {
      q.rows("SELECT count(*) FROM loads", List.of());
      ctx.contentType("text/plain; charset=utf-8").result("ready\n");
    } catch (IOException | RuntimeException e) {
      ctx.status(503).contentType("text/plain; charset=utf-8").result("case not readable\n");
    }
  }

  private static void css(Context ctx) throws IOException {
    ctx.contentType("text/css; charset=utf-8").result(resource("console.css"));
  }

  private static void openapi(Context ctx) throws IOException {
    ctx.contentType("application/json").result(resource("openapi.json"));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Registers routes, wrapping guarded ones in the session/token, CSRF and role checks. */
  static final class Routes {
    private final io.javalin.config.JavalinConfig config;
    private final Auth auth;
    private final List<RouteSpec> specs;

    Routes(io.javalin.config.JavalinConfig config, Auth auth, List<RouteSpec> specs) {
      this.config = config;
      this.auth = auth;
      this.specs = specs;
    }

    void open(HandlerType method, String path, Handler h) {
      specs.add(new RouteSpec(method.name(), path, null));
      config.routes.addHttpHandler(method, path, h);
    }

    void guarded(HandlerType method, String path, Role role, Handler h) {
      specs.add(new RouteSpec(method.name(), path, role));
      boolean api = path.startsWith("/api/");
      config.routes.addHttpHandler(method, path, ctx -> {
        Optional<Caller> found;
        try {
          found = auth.caller(ctx);
        } catch (Auth.BadToken e) {
          ctx.header("WWW-Authenticate", "Bearer");
          throw new WebError(401, "unknown bearer token");
        }
        if (found.isEmpty()) {
          if (!api && ctx.method() == HandlerType.GET) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
          }
          if (api) {
            ctx.header("WWW-Authenticate", "Bearer");
          }
          throw new WebError(401, "log in first");
        }
        Caller c = found.get();
        if (Auth.changesState(ctx) && c.session() != null && !Auth.csrfOk(ctx, c.session())) {
          throw new WebError(403, "missing or wrong CSRF token");
        }
        if (!c.role().allows(role)) {
          throw new WebError(403, "your role (" + c.role().id() + ") may not do this");
        }
        ctx.attribute(CALLER, c);
        h.handle(ctx);
      });
    }
  }
}
