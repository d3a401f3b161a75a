package dev.kumo.serve.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kumo.detect.LoadedRules;
import dev.kumo.sigma.compile.CompileOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bare ingest service for the crash test (test code; the real one is {@code kumo serve}): the spool, the
 * watched folder, the loader and the push handler on a JDK HTTP server bound to loopback at
 * {@code POST /api/v1/ingest}. Prints {@code ready port=N} once it listens.
 *
 * <pre>IngestMain --state DIR --case DIR --watch DIR [--port N] [--token-sha256 HEX]... [--interval-ms N]
 *     [--max-units N] [--halt-at HUNTED|COMMITTED|PARTLY_REMOVED]</pre>
 *
 * <p>{@code --halt-at} ends the process abruptly ({@link Runtime#halt}, no shutdown hooks, like SIGKILL)
 * the first time a load reaches that point: for crash tests.
 */
public final class IngestMain {
  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, List<String>> opts = parse(args);
    Path state = Path.of(one(opts, "--state", null));
    Path caseDir = Path.of(one(opts, "--case", null));
    Path watch = Path.of(one(opts, "--watch", null));
    int port = Integer.parseInt(one(opts, "--port", "0"));
    Duration interval = Duration.ofMillis(Long.parseLong(one(opts, "--interval-ms", "200")));
    List<String> tokens = opts.getOrDefault("--token-sha256", List.of());
    int maxUnits = Integer.parseInt(one(opts, "--max-units", "1000"));
    String haltAt = one(opts, "--halt-at", "");
    Loader.Checkpoint checkpoint = haltAt.isEmpty() ? Loader.Checkpoint.NONE : (point, units) -> {
      if (point.name().equals(haltAt)) {
        Runtime.getRuntime().halt(137);
      }
    };

    Spool spool = Spool.open(state.resolve("spool"));
    LiveCase live = LiveCase.open(caseDir);
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry(), spool, Clock.systemUTC());
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    LoaderConfig lc = LoaderConfig.defaults();
    Loader loader = new Loader(spool, live, rules, new LoaderConfig(lc.hunt(), lc.caseOptions(), maxUnits,
        lc.maxBytesPerLoad(), interval, lc.maxAttempts()), FindingsListener.NONE, metrics, Clock.systemUTC(),
        checkpoint);
    DirectoryWatcher watcher = DirectoryWatcher.open(new WatchConfig(watch, interval, true), spool,
        state.resolve("watch-taken.jsonl"));
    PushConfig pc = PushConfig.of(tokens);
    PushHandler push = new PushHandler(spool, pc);

    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    http.setExecutor(pool);
    http.createContext("/api/v1/ingest", ex -> handle(ex, push, pc.maxBatchBytes()));
    loader.start();
    watcher.start();
    http.start();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.stop(0);
      pool.shutdown();
      try {
        watcher.close();
      } catch (IOException ignored) {
        // stopping anyway
      }
      loader.close();
      live.close();
      stop.countDown();
    }));
    PrintStream out = System.out;
    out.println("ready port=" + http.getAddress().getPort());
    out.flush();
    stop.await();
  }

  private static void handle(HttpExchange ex, PushHandler push, long maxBytes) throws IOException {
    try (ex) {
      PushResult r;
      if (!"POST".equals(ex.getRequestMethod())) {
        r = new PushResult(405, null, 0, "use POST");
      } else {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
          body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        }
        r = push.push(body, ex.getRequestHeaders().getFirst("Content-Type"),
            ex.getRequestHeaders().getFirst("Content-Encoding"), ex.getRequestHeaders().getFirst("Authorization"));
      }
      byte[] answer = r.json().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(r.status(), answer.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(answer);
      }
    }
  }

  private static Map<String, List<String>> parse(String[] args) {
    Map<String, List<String>> out = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      out.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
    }
    return out;
  }

  private static String one(Map<String, List<String>> opts, String name, @org.jspecify.annotations.Nullable String dflt) {
    List<String> v = opts.get(name);
    if (v == null || v.isEmpty()) {
      if (dflt == null) {
        throw new IllegalArgumentException("missing " + name);
      }
      return dflt;
    }
    return v.get(v.size() - 1);
  }
}
