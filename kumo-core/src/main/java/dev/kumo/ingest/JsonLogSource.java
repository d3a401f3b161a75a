package dev.kumo.ingest;

import dev.kumo.json.JsonObject;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A source whose records are JSON objects. */
public interface JsonLogSource extends LogSource {
  /** Whether {@code record} looks like one of this source's records (cheap; no normalization). */
  boolean recognizes(JsonObject record);

  /**
   * The records held by a container this source recognizes, or null when {@code record} is itself
   * one record. Containers are exporters' and APIs' wrappers around many records (a CloudWatch Logs
   * {@code events[]} page, a Pub/Sub message, an API page such as {@code {"Findings":[...]}}, an event
   * carrying a list of findings). The reader handles each element as if it stood in the file: objects
   * are detected again (so they may be containers too), other elements are reported as not being
   * records. Default: no containers.
   *
   * @throws InvalidRecordException when the container cannot be opened (e.g. undecodable data)
   */
  default @Nullable List<?> records(JsonObject record) {
    return null;
  }
}
