package dev.kumo.serve.ingest.sqs;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An SDK HTTP client whose calls in progress can all be aborted at once, so that closing the input
 * need not wait out a 20-second long poll. After {@link #abortAll} every new call fails at once.
 */
final class AbortableHttp implements SdkHttpClient {
  private final SdkHttpClient delegate;
  private final Set<ExecutableHttpRequest> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean aborted;

  AbortableHttp(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    ExecutableHttpRequest call = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        inFlight.add(call);
        try {
          if (aborted) {
            throw new IOException("the SQS input is closing");
          }
          return call.call();
        } finally {
          inFlight.remove(call);
        }
      }

      @Override
      public void abort() {
        call.abort();
      }
    };
  }

  /** Aborts the calls waiting for an answer and refuses new ones. */
  void abortAll() {
    aborted = true;
    inFlight.forEach(ExecutableHttpRequest::abort);
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
