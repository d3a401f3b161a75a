package dev.kumo.intel.misp;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.intel.Sighting;
import dev.kumo.json.JsonFields;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes sightings for MISP: a JSON array whose every element is a body MISP's
 * {@code POST /sightings/add} accepts — {@code {"uuid": <attribute uuid>}} when the indicator's id is a
 * uuid (a MISP attribute), else {@code {"values": [<value>]}}, with {@code "source": "kumo"},
 * {@code "type": "0"} (a sighting, not a false positive or expiration) and {@code "timestamp"}: the
 * last time it was seen, in epoch seconds. One element per indicator sighting, not per matching event:
 * MISP counts one sighting each, and the event count and first time seen go in no MISP field (they are
 * in Kumo's own output). Post the elements one by one, or pass them to PyMISP's {@code add_sighting}.
 */
public final class MispSightingsWriter {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private MispSightingsWriter() {}

  /** Writes the array (pretty-printed, in the given order); leaves {@code out} open. */
  public static void write(List<Sighting> sightings, Writer out) throws IOException {
    try (JsonGenerator g = JsonFields.safeGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (Sighting s : sightings) {
        g.writeStartObject();
        String id = s.indicator().id();
        if (id != null && UUID.matcher(id).matches()) {
          g.writeStringField("uuid", id);
        } else {
          g.writeArrayFieldStart("values");
          g.writeString(s.indicator().value());
          g.writeEndArray();
        }
        g.writeStringField("source", "kumo");
        g.writeStringField("type", "0");
        g.writeStringField("timestamp", Long.toString(s.lastSeen().getEpochSecond()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.write('\n');
    out.flush();
  }
}
