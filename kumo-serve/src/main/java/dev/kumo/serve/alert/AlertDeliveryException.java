package dev.kumo.serve.alert;

import java.io.IOException;

/** A receiver refused an alert; {@link #retryable()} says whether trying again may help. */
public final class AlertDeliveryException extends IOException {
  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public AlertDeliveryException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
