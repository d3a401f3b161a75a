package dev.kumo.serve.web;

/** Ends a request with an HTTP status and a message safe to show (no log values unescaped: it is escaped on output). */
final class WebError extends RuntimeException {
  private final int status;

  WebError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
