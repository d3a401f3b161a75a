package dev.kumo.flink;

import java.io.Serializable;

/**
 * One key's detection state (a {@link dev.kumo.correlate.Correlator} or a
 * {@link dev.kumo.detector.DetectorRunner}) with the version of the rules it belongs to. Kept in Flink
 * keyed state and written with Java serialization at checkpoints.
 */
final class StateHolder implements Serializable {
  private static final long serialVersionUID = 1L;
  final String version;
  final Serializable state;

  StateHolder(String version, Serializable state) {
    this.version = version;
    this.state = state;
  }
}
