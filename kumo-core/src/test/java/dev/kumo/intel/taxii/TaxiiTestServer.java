package dev.kumo.intel.taxii;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small TAXII 2.1 server on 127.0.0.1 for tests: discovery at {@code /taxii2/}, API root
 * {@code /api1/} with collection {@code c1}, objects paged by {@code limit} and an opaque {@code next}
 * token that needs URL encoding, filtered by {@code added_after} (strictly later), with the
 * {@code X-TAXII-Date-Added-First/Last} headers; basic auth required. {@code /html/} answers HTML,
 * {@code /slow/} waits until {@link #close}, {@code /old/} refuses the 2.1 media type, {@code /bad/}
 * answers text that is not JSON.
 */
final class TaxiiTestServer implements AutoCloseable {
  static final String USER = "analyst";
  static final String PASSWORD = "s3cret-P@ss";
  static final String COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
  static final String TAXII = "application/taxii+json;version=2.1";
  private static final DateTimeFormatter MS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** One stored object: when the server added it and its STIX JSON. */
  record Stored(Instant added, String id, String json) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final List<Stored> objects = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> tokens = new HashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  /** Raw request URIs (path and query) as received. */
  final List<String> requests = new CopyOnWriteArrayList<>();
  /** next tokens received, decoded. */
  final List<String> nextTokens = new CopyOnWriteArrayList<>();

  TaxiiTestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Adds an indicator object added at {@code added}. */
  void add(Instant added, String name) {
    String id = "indicator--00000000-0000-4000-8000-" + String.format("%012d", objects.size() + 1);
    String json = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"name\":\"" + name
        + "\",\"pattern\":\"[domain-name:value = '" + name + ".example']\",\"pattern_type\":\"stix\","
        + "\"valid_from\":\"2024-01-01T00:00:00Z\",\"created\":\"2024-01-01T00:00:00Z\","
        + "\"modified\":\"2024-01-01T00:00:00Z\"}";
    objects.add(new Stored(added, id, json));
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      URI u = x.getRequestURI();
      requests.add(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
      String path = u.getRawPath();
      if (path.startsWith("/slow/")) {
        release.await(5, TimeUnit.SECONDS);
        send(x, 200, TAXII, "{}");
        return;
      }
      if (path.startsWith("/html/")) {
        send(x, 200, "text/html; charset=utf-8", "<!DOCTYPE html>\n<html><head><title>Login</title></head></html>");
        return;
      }
      if (path.startsWith("/bad/")) {
        send(x, 200, TAXII, "Service \"down\"\n\u0001 " + "x".repeat(300));
        return;
      }
      if (path.startsWith("/old/")) {
        send(x, 406, "text/plain", "");
        return;
      }
      String expected = "Basic " + Base64.getEncoder()
          .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
        x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"taxii\"");
        send(x, 401, TAXII, "{\"title\":\"Unauthorized\"}");
        return;
      }
      if (!x.getRequestHeaders().getFirst("Accept").startsWith("application/taxii+json")) {
        send(x, 406, TAXII, "{\"title\":\"Not Acceptable\"}");
        return;
      }
      if (path.equals("/taxii2/")) {
        send(x, 200, TAXII, "{\"title\":\"Test TAXII\",\"default\":\"" + base() + "api1/\","
            + "\"api_roots\":[\"" + base() + "api1/\",\"/api2/\"]}");
      } else if (path.equals("/api1/collections/")) {
        send(x, 200, TAXII, "{\"collections\":[{\"id\":\"" + COLLECTION + "\",\"title\":\"Indicators\","
            + "\"can_read\":true,\"can_write\":false,\"media_types\":[\"application/stix+json;version=2.1\"]}]}");
      } else if (path.equals("/api1/collections/" + COLLECTION + "/objects/")) {
        objects(x, query(u.getRawQuery()));
      } else {
        send(x, 404, TAXII, "{\"title\":\"Not Found\"}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void objects(HttpExchange x, Map<String, String> q) throws IOException {
    int limit = Integer.parseInt(q.getOrDefault("limit", "100"));
    Instant after = q.containsKey("added_after") ? Instant.parse(q.get("added_after")) : null;
    List<Stored> matching = new ArrayList<>();
    for (Stored s : objects) {
      if (after == null || s.added().isAfter(after)) {
        matching.add(s);
      }
    }
    int from = 0;
    if (q.containsKey("next")) {
      nextTokens.add(q.get("next"));
      Integer f = tokens.get(q.get("next"));
      if (f == null) {
        send(x, 400, TAXII, "{\"title\":\"unknown next token\"}");
        return;
      }
      from = f;
    }
    int to = Math.min(from + limit, matching.size());
    List<Stored> page = matching.subList(from, to);
    StringBuilder b = new StringBuilder("{");
    if (to < matching.size()) {
      String token = "page " + tokens.size() + "/+&=?#%é";
      tokens.put(token, to);
      b.append("\"more\":true,\"next\":\"").append(token).append("\",");
    } else {
      b.append("\"more\":false,");
    }
    b.append("\"objects\":[");
    for (int i = 0; i < page.size(); i++) {
      b.append(i == 0 ? "" : ",").append(page.get(i).json());
    }
    b.append("]}");
    if (!page.isEmpty()) {
      x.getResponseHeaders().add("X-TAXII-Date-Added-First", MS.format(page.get(0).added()));
      x.getResponseHeaders().add("X-TAXII-Date-Added-Last", MS.format(page.get(page.size() - 1).added()));
    }
    send(x, 200, TAXII, page.isEmpty() ? "{}" : b.toString());
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String p : raw.split("&")) {
        int eq = p.indexOf('=');
        q.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
