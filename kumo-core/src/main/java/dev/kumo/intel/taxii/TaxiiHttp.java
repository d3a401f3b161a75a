package dev.kumo.intel.taxii;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One TAXII GET: sends the TAXII 2.1 headers and credentials, waits at most the read timeout for the
 * whole answer, reads at most {@code maxPageBytes}, and turns every failure into a one-line
 * {@link TaxiiException} naming the URL (never the credentials).
 */
final class TaxiiHttp {
  static final String ACCEPT = "application/taxii+json;version=2.1";
  static final String USER_AGENT = "kumo";
  private static final int EXCERPT = 200;

  /** A successful answer: its JSON text and the object it holds. */
  record Reply(URI uri, HttpHeaders headers, String text, JsonObject body) {}

  private final HttpClient http;
  private final TaxiiClient.Config config;
  private final JsonTreeReader json;

  TaxiiHttp(HttpClient http, TaxiiClient.Config config) {
    this.http = http;
    this.config = config;
    this.json = new JsonTreeReader(100, config.maxPageBytes());
  }

  /**
   * GETs {@code uri} and reads its JSON object.
   *
   * @param notFound what a 404 means here ({@code no collection X}); the URL is appended
   */
  Reply get(URI uri, String notFound) throws TaxiiException {
    String at = display(uri);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(config.readTimeout())
        .header("Accept", ACCEPT).header("User-Agent", USER_AGENT);
    String authorization = authorization(config.auth());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> r = send(request.build(), at);
    int status = r.statusCode();
    String text = new String(r.body(), StandardCharsets.UTF_8);
    if (status == 401 || status == 403) {
      throw new TaxiiException("authentication failed at " + at + " (HTTP " + status + ")");
    }
    if (status == 404) {
      throw new TaxiiException(notFound + " at " + at + " (HTTP 404)");
    }
    if (status == 406 || status == 415) {
      throw new TaxiiException("server does not speak TAXII 2.1: HTTP " + status + " at " + at);
    }
    if (status >= 300 && status < 400) {
      throw new TaxiiException("HTTP " + status + " at " + at + " redirects to "
          + excerpt(r.headers().firstValue("Location").orElse("(nowhere)")) + "; configure that URL instead");
    }
    if (status < 200 || status >= 300) {
      throw new TaxiiException("HTTP " + status + " at " + at + errorTitle(text));
    }
    if (status == 204 || text.isBlank()) {
      return new Reply(uri, r.headers(), "{}", JsonObject.EMPTY);
    }
    String typeProblem = typeProblem(r.headers().firstValue("Content-Type").orElse(null));
    if (typeProblem != null) {
      throw new TaxiiException(typeProblem + " at " + at + "; answer starts " + excerpt(text));
    }
    Object value;
    try {
      value = json.read(text);
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new TaxiiException("not JSON at " + at + " (" + e.getMessage() + "); answer starts " + excerpt(text));
    }
    if (!(value instanceof JsonObject o)) {
      throw new TaxiiException("expected a JSON object at " + at + "; answer starts " + excerpt(text));
    }
    return new Reply(uri, r.headers(), text, o);
  }

  private HttpResponse<byte[]> send(HttpRequest request, String at) throws TaxiiException {
    CompletableFuture<HttpResponse<byte[]>> f =
        http.sendAsync(request, info -> new LimitedBody(config.maxPageBytes()));
    try {
      return f.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw timedOut(at);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new TaxiiException("interrupted while waiting for " + at);
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      if (c instanceof HttpConnectTimeoutException) {
        throw new TaxiiException("cannot connect to " + at + " within " + config.connectTimeout().toMillis() + " ms");
      }
      if (c instanceof HttpTimeoutException) {
        throw timedOut(at);
      }
      if (c instanceof TooLarge) {
        throw new TaxiiException("answer from " + at + " is larger than " + config.maxPageBytes() + " bytes");
      }
      if (c instanceof ConnectException) {
        throw new TaxiiException("cannot connect to " + at + ": connection refused", c);
      }
      throw new TaxiiException("cannot read from " + at + ": " + c.getClass().getSimpleName()
          + (c.getMessage() == null ? "" : " " + excerpt(c.getMessage())), c);
    }
  }

  private TaxiiException timedOut(String at) {
    return new TaxiiException("no answer from " + at + " within " + config.readTimeout().toMillis() + " ms (read timeout)");
  }

  static @Nullable String authorization(TaxiiClient.@Nullable Auth auth) {
    if (auth instanceof TaxiiClient.Auth.Basic b) {
      String pair = b.user() + ":" + b.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    if (auth instanceof TaxiiClient.Auth.Bearer b) {
      return "Bearer " + b.token();
    }
    return null;
  }

  /**
   * Why a Content-Type is not TAXII 2.1 JSON, or null when it is (TAXII or STIX 2.1 JSON, plain
   * JSON, or none given: the body is checked as JSON anyway).
   */
  static @Nullable String typeProblem(@Nullable String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    String[] parts = contentType.split(";");
    String base = parts[0].strip().toLowerCase(Locale.ROOT);
    if (base.equals("application/taxii+json") || base.equals("application/stix+json")
        || base.equals("application/json")) {
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip().toLowerCase(Locale.ROOT);
        if (p.startsWith("version=") && !p.substring(8).replace("\"", "").startsWith("2.1")) {
          return "server does not speak TAXII 2.1 (it answered Content-Type " + excerpt(contentType) + ")";
        }
      }
      return null;
    }
    if (base.startsWith("application/vnd.oasis.")) {
      return "server does not speak TAXII 2.1 (it answered Content-Type " + excerpt(contentType) + ", TAXII 2.0)";
    }
    return "answer is " + excerpt(contentType) + ", not TAXII 2.1 JSON";
  }

  /** The TAXII error message's title, escaped, as {@code : "title"}, or nothing. */
  private String errorTitle(String text) {
    try {
      if (json.read(text) instanceof JsonObject o && o.getString("title") != null) {
        return ": " + excerpt(o.getString("title"));
      }
    } catch (JsonTreeReader.JsonFormatException e) {
      // not a TAXII error message: show its start instead
    }
    return text.isBlank() ? "" : "; answer starts " + excerpt(text);
  }

  /** A URL for messages: without any user:password part. */
  static String display(URI uri) {
    String s = uri.toString();
    String user = uri.getRawUserInfo();
    return user == null ? s : s.replace(user + "@", "");
  }

  /**
   * The first {@value #EXCERPT} characters of {@code s} in double quotes, with quotes, backslashes,
   * control and non-ASCII characters escaped, so a hostile answer stays one readable line.
   */
  static String excerpt(String s) {
    int n = Math.min(s.length(), EXCERPT);
    StringBuilder b = new StringBuilder(n + 8).append('"');
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
    return s.length() > n ? b.append("…").toString() : b.toString();
  }

  /** The answer has more bytes than allowed. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("answer too large", null);
    }
  }

  /** Collects the body, failing as soon as it passes {@code max} bytes. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int max;
    private Flow.@Nullable Subscription subscription;

    LimitedBody(int max) {
      this.max = max;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        if (bytes.size() + (long) b.remaining() > max) {
          if (subscription != null) {
            subscription.cancel();
          }
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] a = new byte[b.remaining()];
        b.get(a);
        bytes.write(a, 0, a.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }
}
