package dev.kumo.cli.output;

import dev.kumo.export.OcsfFindingWriter;
import dev.kumo.finding.Finding;
import java.io.IOException;
import java.io.Writer;

/** {@code --format ocsf}: one OCSF Detection Finding (class 2004) per line, see {@link OcsfFindingWriter}. */
public final class OcsfFindingOutput implements FindingWriter {
  private final OcsfFindingWriter writer;

  public OcsfFindingOutput(Writer out) {
    this.writer = new OcsfFindingWriter(out, false);
  }

  @Override
  public void write(Finding f) throws IOException {
    writer.write(f);
  }

  /** Flushes; the underlying writer stays open. */
  @Override
  public void finish() throws IOException {
    writer.close();
  }
}
