package dev.kumo.cli.output;

import dev.kumo.finding.Finding;
import java.io.IOException;

/** Writes findings in one format. Call {@link #finish()} after the last one. */
public interface FindingWriter {
  void write(Finding f) throws IOException;

  void finish() throws IOException;
}
