package dev.kumo.serve.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts each alert as JSON to a URL ({@code https} gives TLS with the JDK's trust store) in one of the
 * {@link WebhookFormat}s, with optional extra headers such as {@code Authorization}. Redirects are not followed.
 * A 2xx answer is delivery; 408, 429 and 5xx are retryable refusals; other answers are permanent refusals.
 */
public final class WebhookOutput implements AlertOutput {
  private final String name;
  private final URI url;
  private final WebhookFormat format;
  private final Map<String, String> headers;
  private final HttpClient client;

  /**
   * @param client the client to post with (its connect timeout applies to each attempt)
   */
  public WebhookOutput(String name, URI url, WebhookFormat format, Map<String, String> headers, HttpClient client) {
    this.name = name;
    this.url = url;
    this.format = format;
    this.headers = Map.copyOf(headers);
    this.client = client;
  }

  /** An output with its own client whose connect timeout is {@code connectTimeout}. */
  public static WebhookOutput create(String name, URI url, WebhookFormat format, Map<String, String> headers,
      Duration connectTimeout) {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    return new WebhookOutput(name, url, format, headers, client);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Alert alert, Duration timeout) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "kumo-serve")
        .POST(HttpRequest.BodyPublishers.ofString(format.body(alert), StandardCharsets.UTF_8));
    headers.forEach(b::header);
    CompletableFuture<HttpResponse<Void>> call = client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<Void> response;
    try {
      response = call.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new IOException("output '" + name + "': no answer within " + timeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      call.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String why = cause == null ? "failed" : cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      // The exception names neither the URL nor the headers: both may hold secrets.
      throw new IOException("output '" + name + "': " + why, cause);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status / 100 == 5;
    throw new AlertDeliveryException("output '" + name + "': HTTP " + status, retryable);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on Java 17 has no close; its threads end when it is collected.
  }

  @Override
  public String toString() {
    return "WebhookOutput[" + name + ", " + format.id() + "]"; // no URL: webhook URLs are secrets
  }
}
