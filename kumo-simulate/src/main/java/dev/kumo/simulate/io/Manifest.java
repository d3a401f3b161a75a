package dev.kumo.simulate.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The run's manifest, {@code .simulate/manifest.json} under the output folder (hidden, so hunting the
 * folder does not read it): the seed, the span, and the counts per source, account and region. Every
 * event of a background-only run is background.
 */
public final class Manifest {
  private Manifest() {}

  public static Path write(Path output, long seed, Instant start, Instant end, double scale, Tally tally)
      throws IOException {
    Path file = output.resolve(".simulate").resolve("manifest.json");
    Files.createDirectories(file.getParent());
    try (JsonGenerator g = new JsonFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("generator", "kumo simulate");
      g.writeNumberField("seed", seed);
      g.writeBooleanField("background", true);
      g.writeStringField("start", start.toString());
      g.writeStringField("end", end.toString());
      g.writeNumberField("scale", Math.round(scale * 1000) / 1000.0);
      g.writeNumberField("events", tally.totalEvents());
      g.writeObjectFieldStart("sources");
      for (Map.Entry<String, Tally.Counts> s : tally.sources().entrySet()) {
        g.writeObjectFieldStart(s.getKey());
        g.writeNumberField("events", s.getValue().events());
        g.writeNumberField("files", s.getValue().files());
        g.writeNumberField("bytes", s.getValue().bytes());
        g.writeObjectFieldStart("accountRegions");
        for (Map.Entry<String, Long> ar : s.getValue().byAccountRegion().entrySet()) {
          g.writeNumberField(ar.getKey(), ar.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return file;
  }
}
