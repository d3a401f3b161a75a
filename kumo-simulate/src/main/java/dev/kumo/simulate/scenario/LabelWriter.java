package dev.kumo.simulate.scenario;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects labels while a simulation runs and writes them, sorted by time, scenario, step and event, as
 * JSON Lines ({@code kumo.labels/1}). Holds the labels in memory: scenarios write few events.
 */
public final class LabelWriter {
  public static final String SCHEMA = "kumo.labels/1";
  private static final Comparator<Label> ORDER = Comparator.comparingLong(Label::time)
      .thenComparing(l -> l.scenario().id()).thenComparing(l -> l.step().id())
      .thenComparing(l -> l.eventId() == null ? "" : l.eventId())
      .thenComparing(l -> l.file() == null ? "" : l.file()).thenComparingLong(Label::line);

  private final List<Label> labels = new ArrayList<>();

  public void add(Label l) {
    labels.add(l);
  }

  public List<Label> labels() {
    return List.copyOf(labels);
  }

  /** Writes every label to {@code path} (its folder is created). */
  public void write(Path path) throws IOException {
    List<Label> sorted = new ArrayList<>(labels);
    sorted.sort(ORDER);
    Files.createDirectories(path.toAbsolutePath().getParent());
    JsonFactory json = new JsonFactory();
    try (OutputStream out = Files.newOutputStream(path);
        JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      for (Label l : sorted) {
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("event_id", l.eventId());
        g.writeStringField("file", l.file());
        if (l.line() > 0) {
          g.writeNumberField("line", l.line());
        } else {
          g.writeNullField("line");
        }
        g.writeStringField("source", l.source());
        g.writeStringField("time", Instant.ofEpochMilli(l.time()).toString());
        g.writeStringField("scenario", l.scenario().id());
        g.writeStringField("scenario_title", l.scenario().title());
        g.writeStringField("threat", l.scenario().threat());
        g.writeStringField("step", l.step().id());
        g.writeStringField("step_title", l.step().title());
        g.writeStringField("technique", l.step().technique());
        g.writeStringField("tactic", l.step().tactic());
        g.writeEndObject();
        g.writeRaw('\n');
      }
    }
  }
}
