package dev.kumo.ingest.support;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Fields Kumo derives while normalizing and adds to the record under the top-level key
 * {@value #KEY}, so that rules can test what the log only says indirectly (the host paths a pod
 * mounts, a Workspace event's setting name). Mappings point Sigma field names at them
 * ({@code hostPath: kumo.hostPath}). A {@value #KEY} member already in the record is replaced.
 */
public final class Derived {
  /** The top-level key of the derived fields. */
  public static final String KEY = "kumo";

  private Derived() {}

  /** {@code record} with {@code derived} under {@value #KEY}; {@code record} itself when derived is empty. */
  public static JsonObject attach(JsonObject record, JsonObject.Builder derived) {
    if (derived.size() == 0) {
      return record;
    }
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0, n = record.size(); i < n; i++) {
      String k = record.keyAt(i);
      if (!k.equals(KEY)) {
        b.put(k, record.valueAt(i));
      }
    }
    return b.put(KEY, derived.build()).build();
  }

  /** A JSON value for a list of strings: null when empty, the string when one, else an array. */
  public static @Nullable Object values(List<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() == 1) {
      return values.get(0);
    }
    return JsonArray.of(values.toArray());
  }
}
