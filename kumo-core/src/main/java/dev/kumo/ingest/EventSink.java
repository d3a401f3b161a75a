package dev.kumo.ingest;

import dev.kumo.event.NormalizedEvent;

/** Receives normalized events from a reader, on the reader's thread. */
@FunctionalInterface
public interface EventSink {
  void accept(NormalizedEvent event);
}
