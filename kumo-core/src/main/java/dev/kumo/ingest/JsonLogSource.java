package dev.kumo.ingest;

import dev.kumo.json.JsonObject;

/** A source whose records are JSON objects. */
public interface JsonLogSource extends LogSource {
  /** Whether {@code record} looks like one of this source's records (cheap; no normalization). */
  boolean recognizes(JsonObject record);
}
