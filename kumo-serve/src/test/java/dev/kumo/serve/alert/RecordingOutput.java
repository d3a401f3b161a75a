package dev.kumo.serve.alert;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An output that keeps what it is sent. */
final class RecordingOutput implements AlertOutput {
  final List<Alert> sent = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "rec";
  }

  @Override
  public void send(Alert alert, Duration timeout) {
    sent.add(alert);
  }

  @Override
  public void close() {}
}
