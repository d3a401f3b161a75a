package dev.kumo.respond.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How a responder waits for AWS to finish something (a snapshot, a command, a status check): up to
 * {@code maxPolls} reads, {@code interval} apart, through an injected {@link Sleeper}.
 */
record Polling(Sleeper sleeper, Duration interval, int maxPolls) {
  Polling {
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(interval, "interval");
    if (maxPolls < 1) {
      throw new IllegalArgumentException("maxPolls must be at least 1: " + maxPolls);
    }
  }

  /** Waits one interval; an interruption ends the step as {@code Interrupted} on the call being polled. */
  void pause(String service, String operation) {
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResponseStepException(service, operation, "Interrupted", null, "interrupted while waiting", e);
    }
  }
}
