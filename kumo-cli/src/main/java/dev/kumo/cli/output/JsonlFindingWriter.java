package dev.kumo.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.finding.Finding;
import dev.kumo.finding.FindingJson;
import java.io.IOException;
import java.io.Writer;

/**
 * One JSON object per line, schema {@link Finding#SCHEMA} (see {@link FindingJson} and
 * docs/finding-schema.json).
 */
public final class JsonlFindingWriter implements FindingWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private final Writer out;

  public JsonlFindingWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(Finding f) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    FindingJson.write(g, f, null);
    g.close();
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
