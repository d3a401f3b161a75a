package dev.kumo.finding;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.json.JsonFields;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes a finding's correlation as the finding output schema has it, for every JSON output. */
public final class CorrelationJson {
  private CorrelationJson() {}

  /**
   * Writes field {@code correlation}: null for single-event findings, else {@code type}, {@code group},
   * {@code event_count}, {@code value}, {@code first_time} and {@code event_ids}.
   */
  public static void write(JsonGenerator g, @Nullable CorrelationInfo c) throws IOException {
    if (c == null) {
      g.writeNullField("correlation");
      return;
    }
    g.writeObjectFieldStart("correlation");
    g.writeStringField("type", c.type());
    g.writeObjectFieldStart("group");
    for (Map.Entry<String, String> en : c.group().entrySet()) {
      g.writeStringField(en.getKey(), en.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("event_count", c.eventCount());
    g.writeNumberField("value", c.value());
    g.writeStringField("first_time", c.firstTime().toString());
    JsonFields.stringArray(g, "event_ids", c.eventIds());
    g.writeEndObject();
  }
}
