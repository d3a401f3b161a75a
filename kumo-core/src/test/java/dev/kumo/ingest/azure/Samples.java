package dev.kumo.ingest.azure;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.testing.SourceTesting;
import java.nio.file.Path;
import java.util.List;

/** Reads the fixtures under {@code src/test/resources/samples} through the real reader. */
final class Samples {
  private Samples() {}

  static SourceTesting.Read read(String relative) {
    return SourceTesting.read(Path.of("src/test/resources/samples", relative));
  }

  /** The events of a fixture, failing when the reader reported any problem. */
  static List<NormalizedEvent> events(String relative) {
    SourceTesting.Read r = read(relative);
    if (!r.problems().isEmpty()) {
      throw new AssertionError(relative + ": " + r.problems());
    }
    return r.events();
  }
}
