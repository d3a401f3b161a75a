package dev.kumo.serve.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntUnaryOperator;

/** A real local HTTP server (port 0) that records request bodies and answers with a status chosen per request. */
final class HttpReceiver implements AutoCloseable {
  /** One request as received. */
  record Request(String body, Map<String, List<String>> headers) {}

  final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  final List<Integer> answered = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private int count;

  /** @param status the status to answer the n-th request (0-based) with */
  HttpReceiver(IntUnaryOperator status) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/hook", ex -> handle(ex, status));
    server.start();
  }

  private void handle(HttpExchange ex, IntUnaryOperator status) throws IOException {
    String body;
    try (InputStream in = ex.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int n;
    synchronized (this) {
      n = count++;
    }
    int code = status.applyAsInt(n);
    requests.add(new Request(body, Map.copyOf(ex.getRequestHeaders())));
    answered.add(code);
    ex.sendResponseHeaders(code, -1);
    ex.close();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
