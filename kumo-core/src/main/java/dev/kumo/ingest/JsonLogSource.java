package dev.kumo.ingest;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import org.jspecify.annotations.Nullable;

/** A source whose records are JSON objects. */
public interface JsonLogSource extends LogSource {
  /** Whether {@code record} looks like one of this source's records (cheap; no normalization). */
  boolean recognizes(JsonObject record);

  /**
   * The records bundled in one recognized JSON object, when the object is a container rather than a
   * record (an API page such as {@code {"Findings":[...]}}, or an event that carries a list of
   * records); the reader then normalizes each element on its own and reports elements that are not
   * objects. Null (the default) when the object is itself one record.
   *
   * @throws InvalidRecordException when the container cannot be opened
   */
  default @Nullable JsonArray bundled(JsonObject record) {
    return null;
  }
}
