package dev.kumo.serve.alert;

import java.io.IOException;
import java.time.Duration;

/**
 * One place alerts go (a webhook, a syslog server, an SMTP server). Called from one worker thread at a time;
 * {@link #close} may come from another thread.
 */
public interface AlertOutput extends AutoCloseable {
  /** The configured name, for metrics and messages. */
  String name();

  /**
   * Delivers one alert, returning or failing within about {@code timeout}.
   *
   * @throws AlertDeliveryException when the receiver refused it (and says whether a retry may help)
   * @throws IOException when it could not be delivered (retryable)
   */
  void send(Alert alert, Duration timeout) throws IOException, InterruptedException;

  /** Releases connections; never throws. */
  @Override
  void close();
}
