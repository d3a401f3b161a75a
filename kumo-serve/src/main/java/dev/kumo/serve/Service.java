package dev.kumo.serve;

import dev.kumo.detect.LoadedRules;
import dev.kumo.exercise.drill.SimulatedScenarios;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.serve.alert.AlertDispatcher;
import dev.kumo.serve.exercise.DrillRunner;
import dev.kumo.serve.exercise.ExerciseRuns;
import dev.kumo.serve.ingest.DirectoryWatcher;
import dev.kumo.serve.ingest.IngestMetrics;
import dev.kumo.serve.ingest.LiveCase;
import dev.kumo.serve.ingest.Loader;
import dev.kumo.serve.ingest.LoaderConfig;
import dev.kumo.serve.ingest.PushHandler;
import dev.kumo.serve.ingest.PushResult;
import dev.kumo.serve.ingest.Spool;
import dev.kumo.serve.ingest.WatchConfig;
import dev.kumo.serve.ingest.sqs.SqsConfig;
import dev.kumo.serve.ingest.sqs.SqsInput;
import dev.kumo.serve.metrics.ServeMetrics;
import dev.kumo.serve.reports.Reports;
import dev.kumo.serve.web.NotesStore;
import dev.kumo.serve.web.Role;
import dev.kumo.serve.web.UsersFile;
import dev.kumo.serve.web.WebServer;
import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code kumo serve}: one process that takes logs as they arrive (watched folders, HTTP push), loads them into
 * the live case exactly once with Kumo's engine, raises alerts on the configured outputs, and serves the
 * console, the REST API, {@code /healthz}, {@code /readyz} and Prometheus {@code /metrics}.
 *
 * <p>Start order: metrics, case, spool, alerting, loader, watchers, web server; {@link #close} stops them in
 * the reverse order, draining alerts with a deadline.
 */
public final class Service implements AutoCloseable {
  private final List<AutoCloseable> open = new ArrayList<>();
  private final WebServer web;
  private final Spool spool;

  private Service(ServeConfig config, LoadedRules rules, Clock clock, Consumer<String> problems) throws IOException {
    try {
      Files.createDirectories(config.stateDir());
      ServeMetrics metrics = keep(new ServeMetrics());
      LiveCase live = keep(LiveCase.open(config.caseDir()));
      spool = Spool.open(config.stateDir().resolve("spool"));
      AlertDispatcher alerts = AlertDispatcher.start(config.outputs(), metrics.registry(), clock);
      open.add(() -> alerts.close(Duration.ofSeconds(10)));
      Loader loader = keep(new Loader(spool, live, rules, LoaderConfig.defaults().withStream(config.stream()), alerts::accept,
          new IngestMetrics(metrics.registry(), spool, clock), clock));
      loader.start();
      int n = 0;
      for (WatchConfig w : config.watch()) {
        DirectoryWatcher watcher = keep(DirectoryWatcher.open(w, spool,
            config.stateDir().resolve("watch-" + n++ + ".jsonl")));
        FunctionCounter.builder("kumo.ingest.watch.errors", watcher, DirectoryWatcher::errors)
            .description("files or folders a watched folder could not read or copy (tried again)")
            .tag("folder", String.valueOf(n - 1)).register(metrics.registry());
        watcher.start();
      }
      for (SqsConfig q : config.sqs()) {
        SqsInput input = keep(SqsInput.open(q, spool, problems));
        input.bindTo(metrics.registry());
        input.start();
      }
      PushHandler push = new PushHandler(spool, config.push());
      NotesStore notes = keep(NotesStore.open(config.stateDir(), clock));
      ExerciseRuns exerciseRuns = new ExerciseRuns(config.exercises().dir());
      DrillRunner drills = keep(new DrillRunner(exerciseRuns, rules, HuntOptions.defaults().withThreads(1),
          new SimulatedScenarios(), clock));
      web = keep(WebServer.builder(config.web(), UsersFile.read(config.web().usersFile()), live, notes, clock)
          .maxRequestBytes(config.push().maxBatchBytes() + 1)
          .exercises(exerciseRuns, drills)
          .reports(Reports.of(config.reports()))
          .route(HandlerType.POST, "/api/v1/ingest", ctx -> push(ctx, push))
          .route(HandlerType.GET, "/metrics", Role.VIEWER,
              ctx -> ctx.contentType(ServeMetrics.CONTENT_TYPE).result(metrics.scrape()))
          .build().start());
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Starts the service.
   *
   * @param rules the rules and detectors to run, loaded as for a hunt
   * @param problems receives what an input could not take (text from outside: escape it where printed)
   * @throws IOException when the case, the spool or the users file cannot be opened, or the port is taken
   */
  public static Service start(ServeConfig config, LoadedRules rules, Clock clock, Consumer<String> problems)
      throws IOException {
    return new Service(config, rules, clock, problems);
  }

  /** The port the web server listens on. */
  public int port() {
    return web.port();
  }

  /** The web server's base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    return web.baseUrl();
  }

  /** Units waiting in the spool (0 when everything received is in the case). */
  public int pending() throws IOException {
    return spool.pending().size();
  }

  private static void push(Context ctx, PushHandler push) {
    PushResult r = push.push(ctx.bodyAsBytes(), ctx.header("Content-Type"), ctx.header("Content-Encoding"),
        ctx.header("Authorization"));
    ctx.status(r.status()).contentType("application/json").result(r.json());
  }

  private <T extends AutoCloseable> T keep(T resource) {
    open.add(resource);
    return resource;
  }

  @Override
  public void close() {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    open.clear();
  }
}
