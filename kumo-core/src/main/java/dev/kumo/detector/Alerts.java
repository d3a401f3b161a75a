package dev.kumo.detector;

/** Receives the alerts a detector state raises. */
@FunctionalInterface
public interface Alerts {
  void raise(Alert alert);
}
