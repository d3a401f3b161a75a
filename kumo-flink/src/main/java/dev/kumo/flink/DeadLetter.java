package dev.kumo.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.ingest.IngestProblem;
import dev.kumo.ingest.IngestStats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A record the job could not (wholly) read, or a control message it refused, as one JSON object of
 * schema {@value #SCHEMA} for the dead-letter topic: where it came from, why, how many events it still
 * gave, and its bytes (base64, cut to a limit, so nothing an attacker wrote is interpreted).
 */
final class DeadLetter {
  static final String SCHEMA = "kumo.dead-letter/1";
  private static final JsonFactory JSON = new JsonFactory();

  private DeadLetter() {}

  static String json(RawRecord r, long events, IngestStats stats, int maxBytes) {
    return write(g -> {
      g.writeStringField("kind", "record");
      g.writeStringField("origin", r.origin);
      g.writeNumberField("partition", r.partition);
      g.writeNumberField("offset", r.offset);
      g.writeNumberField("events", events);
      g.writeNumberField("problems", stats.problems());
      g.writeArrayFieldStart("reasons");
      for (IngestProblem p : stats.allExamples()) {
        g.writeStartObject();
        g.writeStringField("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
        g.writeNumberField("line", p.line());
        g.writeNumberField("record", p.record());
        g.writeStringField("reason", p.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      value(g, r.value, maxBytes);
    });
  }

  static String refusedUpdate(String message, String reason, int maxBytes) {
    return write(g -> {
      g.writeStringField("kind", "rules-update");
      g.writeStringField("reason", reason);
      value(g, message.getBytes(StandardCharsets.UTF_8), maxBytes);
    });
  }

  private static void value(JsonGenerator g, byte[] value, int maxBytes) throws IOException {
    g.writeNumberField("value_bytes", value.length);
    g.writeBooleanField("value_truncated", value.length > maxBytes);
    g.writeStringField("value_base64", Base64.getEncoder().encodeToString(
        value.length > maxBytes ? Arrays.copyOf(value, maxBytes) : value));
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
