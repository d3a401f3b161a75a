package dev.kumo.serve.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.casestore.CaseQuery;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 2 of issue 10: the ingest service runs in a child JVM, gets a stream of watched files and
 * HTTP batches, is killed with SIGKILL three times at different moments and restarted; in the end every
 * event is in the case exactly once.
 */
class IngestCrashTest {
  private static final String TOKEN = "crash-test-token";
  private static final int ROUNDS = 24;
  private static final int PER_BATCH = 60;
  private static final Duration DEADLINE = Duration.ofMinutes(4);

  @TempDir
  Path tmp;
  private @Nullable Process child;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Batches not yet answered 202 (the service died under them): sent again later, as a client would. */
  private final ConcurrentLinkedQueue<Integer> unsent = new ConcurrentLinkedQueue<>();
  private final Set<String> expected = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @AfterEach
  void killChild() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
      child.waitFor(1, TimeUnit.MINUTES);
    }
  }

  private Path state() {
    return tmp.resolve("state");
  }

  private Path watch() {
    return tmp.resolve("watch");
  }

  /** Starts the service and returns its port once it listens. */
  private int start(int run, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), IngestMain.class.getName(), "--state", state().toString(), "--case",
        tmp.resolve("case").toString(), "--watch", watch().toString(), "--port", "0", "--token-sha256",
        PushConfig.hash(TOKEN), "--interval-ms", "100", "--max-units", "3");
    pb.command().addAll(List.of(extra));
    pb.redirectError(tmp.resolve("child-" + run + ".err").toFile());
    Process p = pb.start();
    child = p;
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("ready port=")) {
            return Integer.parseInt(line.substring("ready port=".length()));
          }
        }
        throw new IllegalStateException("the service ended before it was ready: "
            + Files.readString(tmp.resolve("child-" + run + ".err")));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return port.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  private void kill() throws InterruptedException, IOException {
    Process p = child;
    if (p != null) {
      // what was in flight at the kill, for the test's output
      System.out.println("SIGKILL with " + spooled() + " units in the spool, " + unsent.size() + " batches unsent");
      p.destroyForcibly(); // SIGKILL on Linux
      assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }
  }

  /** Writes round {@code i}'s file into the watched folder (records f-i-*), directly, not atomically. */
  private void file(int i) throws IOException {
    List<String> records = Records.quiet("f" + i, 0, PER_BATCH);
    records.forEach(r -> expected.add(r.substring(r.indexOf("\"eventID\":\"") + 11, r.indexOf("\",\"readOnly\""))));
    Path dir = watch().resolve("day-" + (i % 3));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("round-" + i + ".json"), Records.deliveryFile(records));
  }

  /** Pushes round {@code i}'s batch (records h-i-*); false when the service did not accept it. */
  private boolean push(int port, int i) throws InterruptedException {
    List<String> records = Records.quiet("h" + i, 0, PER_BATCH);
    records.forEach(r -> expected.add(r.substring(r.indexOf("\"eventID\":\"") + 11, r.indexOf("\",\"readOnly\""))));
    byte[] body = Records.lines(records).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/x-ndjson");
    try {
      if (i % 2 == 1) {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(z)) {
          g.write(body);
        }
        req.header("Content-Encoding", "gzip");
        body = z.toByteArray();
      }
      HttpResponse<String> r = http.send(req.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      return true;
    } catch (IOException e) {
      unsent.add(i);
      return false;
    }
  }

  private void feed(int port, int from, int to) throws Exception {
    feed(port, from, to, Duration.ZERO);
  }

  /** Feeds rounds {@code from}..{@code to-1}, pausing between them (so a kill can land mid-stream). */
  private void feed(int port, int from, int to, Duration pause) throws Exception {
    for (int i = from; i < to; i++) {
      if (i > from) {
        Thread.sleep(pause.toMillis());
      }
      file(i);
      if (!push(port, i)) {
        // the service is gone: the rest of the rounds' files still land in the folder, the batches wait
        for (int j = i + 1; j < to; j++) {
          file(j);
          unsent.add(j);
          Records.quiet("h" + j, 0, PER_BATCH).forEach(r -> expected.add(
              r.substring(r.indexOf("\"eventID\":\"") + 11, r.indexOf("\",\"readOnly\""))));
        }
        return;
      }
    }
  }

  private void resend(int port) throws InterruptedException {
    System.out.println("resending " + unsent.size() + " batches");
    for (Integer i = unsent.poll(); i != null; i = unsent.poll()) {
      assertThat(push(port, i)).isTrue();
    }
  }

  private long spooled() throws IOException {
    try (Stream<Path> s = Files.list(state().resolve("spool"))) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{19}-.*")).count();
    }
  }

  private void awaitDrained() throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    List<String> files;
    try (Stream<Path> s = Files.walk(watch())) {
      files = s.filter(Files::isRegularFile).map(p -> watch().relativize(p).toString()).toList();
    }
    while (System.nanoTime() < deadline) {
      Path taken = state().resolve("watch-taken.jsonl");
      String record = Files.exists(taken) ? Files.readString(taken) : "";
      if (files.stream().allMatch(f -> record.contains("\"path\":\"" + f + "\"")) && spooled() == 0) {
        return;
      }
      assertThat(child.isAlive()).as("service alive").isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("the spool did not drain in time; " + spooled() + " units left");
  }

  /** Waits until the loader of this run has committed a load (the spool shrank), or the deadline. */
  private void awaitCommit() throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    long most = spooled();
    while (System.nanoTime() < deadline) {
      long now = spooled();
      if (now < most) {
        return;
      }
      most = now;
      Thread.sleep(5);
    }
    throw new AssertionError("no load committed in time");
  }

  /** Waits until the service halted itself at its {@code --halt-at} point. */
  private void awaitHalt() throws InterruptedException, IOException {
    System.out.println("halting itself with " + spooled() + " units in the spool");
    assertThat(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("halted").isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
  }

  private CompletableFuture<Void> feedAsync(int port, int from, int to) {
    return CompletableFuture.runAsync(() -> {
      try {
        feed(port, from, to, Duration.ofMillis(400));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void sigkillWhileIngesting_everyEventIsInTheCaseExactlyOnce() throws Exception {
    Files.createDirectories(watch());

    // 1: SIGKILL right after a burst, while units wait and the first load runs
    int port = start(1);
    feed(port, 0, 6);
    kill();

    // 2: SIGKILL mid-stream, from another thread, once the loader has committed a load of this run
    port = start(2);
    CompletableFuture<Void> feeding = feedAsync(port, 6, 12);
    awaitCommit();
    kill();
    feeding.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    // 3: dies after a load committed, before its units left the spool (they are loaded again)
    port = start(3, "--halt-at", "COMMITTED");
    resend(port);
    awaitHalt();

    // 4: dies with a load hunted but not finished (its rows are removed on the next open)
    port = start(4, "--halt-at", "HUNTED");
    feeding = feedAsync(port, 12, 15);
    awaitHalt();
    feeding.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    // 5: dies after removing the first unit of a committed load, the others still spooled
    port = start(5, "--halt-at", "PARTLY_REMOVED");
    resend(port);
    awaitHalt();

    // 6: SIGKILL as soon as it is up, while it recovers and loads what was left
    start(6);
    kill();

    // 7: the rest, then drain
    port = start(7);
    resend(port);
    feed(port, 15, ROUNDS);
    resend(port);
    awaitDrained();
    child.destroy(); // orderly stop, so the case can be opened here
    assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();

    assertThat(expected).hasSize(ROUNDS * PER_BATCH * 2);
    try (CaseQuery q = CaseQuery.open(tmp.resolve("case"))) {
      List<List<@Nullable Object>> counts = q.rows("SELECT count(*), count(DISTINCT id) FROM events", List.of());
      assertThat(((Number) counts.get(0).get(0)).longValue()).isEqualTo(expected.size());
      assertThat(((Number) counts.get(0).get(1)).longValue()).isEqualTo(expected.size());
      Set<String> ids = new HashSet<>();
      for (List<@Nullable Object> row : q.rows("SELECT id FROM events", List.of())) {
        ids.add(String.valueOf(row.get(0)));
      }
      assertThat(ids).isEqualTo(expected);
      assertThat(((Number) q.rows("SELECT count(*) FROM loads WHERE finished IS NULL", List.of()).get(0).get(0))
          .longValue()).isZero();
      // loads that saw events the case already had prove the crashes left work to redo
      System.out.println(q.rows("SELECT count(*), sum(events_seen), sum(events_added) FROM loads", List.of()));
    }
  }
}
