package dev.kumo.serve.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.deadspot.DeadSpotReport;
import dev.kumo.posture.deadspot.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code kumo dead-spots --format json} file (one JSON document, schema {@value DeadSpotReport#SCHEMA}). A
 * dead spot that is not well-formed is reported as {@code file:line: dead_spots[i]: reason} and skipped; malformed
 * JSON, another schema or a file over the size limit rejects the whole file ({@link ReportFormatException}).
 * Stateless and thread-safe.
 */
public final class DeadSpotsReportReader implements ReportFile.Parser<DeadSpotsReport> {
  private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(StreamReadConstraints
      .builder().maxNestingDepth(16).maxStringLength(1 << 20).build()).build();
  private final long maxBytes;

  /** @param maxBytes largest file accepted */
  public DeadSpotsReportReader(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public DeadSpotsReport read(Path file) throws IOException, ReportFormatException {
    if (Files.size(file) > maxBytes) {
      throw new ReportFormatException(file + ": larger than " + maxBytes + " bytes");
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    JsonObject root;
    int line;
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw new ReportFormatException(file + ":1: " + (t == null ? "empty file" : "not a JSON object"));
      }
      line = p.currentTokenLocation().getLineNr();
      root = (JsonObject) JsonTreeReader.readValue(p, t);
      if (p.nextToken() != null) {
        throw new ReportFormatException(file + ":" + p.currentTokenLocation().getLineNr()
            + ": more after the JSON document");
      }
    } catch (JsonProcessingException e) {
      throw new ReportFormatException(file + ":" + (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
          + ": malformed JSON: " + e.getOriginalMessage());
    } catch (JsonTreeReader.JsonFormatException e) {
      throw new ReportFormatException(file + ": malformed JSON: " + e.getMessage());
    }
    String where = file + ":" + line + ": ";
    Object schema = root.get("schema");
    if (!DeadSpotReport.SCHEMA.equals(schema)) {
      throw new ReportFormatException(where + (schema == null ? "no 'schema'" : "schema '" + schema + "'")
          + ", expected '" + DeadSpotReport.SCHEMA + "' (the output of kumo dead-spots --format json)");
    }
    if (!root.has("dead_spots")) {
      throw new ReportFormatException(where + "missing 'dead_spots'");
    }
    try {
      ProblemList problems = new ProblemList();
      List<DeadSpotEntry> spots = new ArrayList<>();
      List<Object> items = Fields.array(root, "dead_spots");
      for (int i = 0; i < items.size(); i++) {
        try {
          if (!(items.get(i) instanceof JsonObject o)) {
            throw new IllegalArgumentException("not an object");
          }
          spots.add(spot(o, i + 1));
        } catch (IllegalArgumentException e) {
          problems.add(where + "dead_spots[" + i + "]: " + e.getMessage());
        }
      }
      return new DeadSpotsReport(Fields.textOr(root, "day"), spots, Fields.strings(root, "in_scope"),
          Fields.strings(root, "services_in_use"), Fields.strings(root, "unclassified_services"),
          Fields.strings(root, "warnings"), problems.list());
    } catch (IllegalArgumentException e) {
      throw new ReportFormatException(where + e.getMessage());
    }
  }

  private static DeadSpotEntry spot(JsonObject o, int position) {
    List<Reason> reasons = new ArrayList<>();
    for (String r : Fields.strings(o, "reasons")) {
      reasons.add(Fields.reason(r));
    }
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("no 'reasons'");
    }
    List<FailingResult> failing = new ArrayList<>();
    for (Object f : Fields.array(o, "failing")) {
      if (!(f instanceof JsonObject x)) {
        throw new IllegalArgumentException("'failing' must hold objects");
      }
      failing.add(new FailingResult(Fields.text(x, "check"), Fields.level(x, "severity"), Fields.textOr(x, "detail"),
          java.util.Objects.requireNonNull(Fields.visibility(x, "visibility", true)), Fields.resource(x, "resource")));
    }
    int rank = Fields.count(o, "rank");
    return new DeadSpotEntry(rank == 0 ? position : rank, Fields.text(o, "control"), Fields.textOr(o, "domain"),
        Fields.textOr(o, "title"), Fields.optional(o, "threat"), reasons, Fields.bool(o, "blind"),
        Fields.strings(o, "services"), Fields.strings(o, "owners"), Fields.strings(o, "unowned"), failing,
        Fields.strings(o, "missed"), Fields.strings(o, "evidence"), Fields.strings(o, "attack"));
  }
}
