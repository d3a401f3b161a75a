package dev.kumo.intel.local;

import static dev.kumo.json.JsonFields.stringArrayIfAny;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.Warninglist;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One feed of the local store, as JSON lines ({@value #SCHEMA}): a header
 * ({@code {"schema":…,"feed":…,"origin":…,"imported":…,"state":…}}), then one line per indicator
 * ({@code {"type":"ip","value":…,"id":…,"confidence":…,"valid_from":…,"valid_until":…,"labels":[…],
 * "kill_chain":[…],"context":[…],"description":…}}) and one per warninglist
 * ({@code {"warninglist":…,"type":…,"cloud_provider":…,"values":[…]}}).
 *
 * @param feed the feed's name
 * @param origin where it was imported from (a path or URL)
 * @param imported when
 * @param state what an incremental update resumes from (a TAXII {@code added_after}), or null
 */
public record FeedFile(String feed, String origin, Instant imported, @Nullable String state,
    List<Indicator> indicators, List<Warninglist> warninglists) {
  public static final String SCHEMA = "kumo.intel/1";
  private static final JsonFactory JSON = new JsonFactory();

  public FeedFile {
    indicators = List.copyOf(indicators);
    warninglists = List.copyOf(warninglists);
  }

  /** Writes the feed to {@code file} (through a temporary file, so a reader never sees half of it). */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
      g.writeStartObject();
      g.writeStringField("schema", SCHEMA);
      g.writeStringField("feed", feed);
      g.writeStringField("origin", origin);
      g.writeStringField("imported", imported.toString());
      if (state != null) {
        g.writeStringField("state", state);
      }
      g.writeEndObject();
      g.writeRaw('\n');
      for (Indicator i : indicators) {
        writeIndicator(g, i);
        g.writeRaw('\n');
      }
      for (Warninglist w : warninglists) {
        g.writeStartObject();
        g.writeStringField("warninglist", w.name());
        g.writeStringField("type", w.type().id());
        g.writeStringField("cloud_provider", w.cloudProvider());
        stringArrayIfAny(g, "values", w.values());
        g.writeEndObject();
        g.writeRaw('\n');
      }
      g.close();
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeIndicator(JsonGenerator g, Indicator i) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", i.type().id());
    g.writeStringField("value", i.value());
    if (i.id() != null) {
      g.writeStringField("id", i.id());
    }
    if (i.confidence() != null) {
      g.writeNumberField("confidence", i.confidence());
    }
    if (i.validFrom() != null) {
      g.writeStringField("valid_from", i.validFrom().toString());
    }
    if (i.validUntil() != null) {
      g.writeStringField("valid_until", i.validUntil().toString());
    }
    stringArrayIfAny(g, "labels", i.labels());
    stringArrayIfAny(g, "kill_chain", i.killChain());
    stringArrayIfAny(g, "context", i.context());
    if (i.description() != null) {
      g.writeStringField("description", i.description());
    }
    g.writeEndObject();
  }

  /**
   * Reads a feed file.
   *
   * @throws IOException naming the file and line when it is not a feed file of this schema
   */
  public static FeedFile read(Path file) throws IOException {
    JsonTreeReader json = JsonTreeReader.lenient();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = r.readLine();
      if (first == null) {
        throw new IOException(file + ": empty feed file");
      }
      JsonObject head = object(json, first, file, 1);
      if (!SCHEMA.equals(head.getString("schema"))) {
        throw new IOException(file + ": line 1: not a " + SCHEMA + " feed file");
      }
      List<Indicator> indicators = new ArrayList<>();
      List<Warninglist> lists = new ArrayList<>();
      String feed = text(head, "feed", file, 1);
      int n = 1;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonObject o = object(json, line, file, n);
        IndicatorType type = IndicatorType.fromId(text(o, "type", file, n));
        if (type == null) {
          throw new IOException(file + ": line " + n + ": unknown indicator type " + o.getString("type"));
        }
        if (o.has("warninglist")) {
          lists.add(new Warninglist(text(o, "warninglist", file, n), type, list(o, "values"),
              o.getString("cloud_provider") == null ? "" : o.getString("cloud_provider")));
        } else {
          Object c = o.get("confidence");
          indicators.add(new Indicator(type, text(o, "value", file, n), feed, o.getString("id"),
              c instanceof Number num ? num.intValue() : null, instant(o.getString("valid_from")),
              instant(o.getString("valid_until")), list(o, "labels"), list(o, "kill_chain"), list(o, "context"),
              o.getString("description")));
        }
      }
      return new FeedFile(feed, text(head, "origin", file, 1), Instant.parse(text(head, "imported", file, 1)),
          head.getString("state"), indicators, lists);
    } catch (RuntimeException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static JsonObject object(JsonTreeReader json, String line, Path file, int n) throws IOException {
    if (json.read(line) instanceof JsonObject o) {
      return o;
    }
    throw new IOException(file + ": line " + n + ": not a JSON object");
  }

  private static String text(JsonObject o, String key, Path file, int n) throws IOException {
    String v = o.getString(key);
    if (v == null) {
      throw new IOException(file + ": line " + n + ": missing \"" + key + "\"");
    }
    return v;
  }

  private static @Nullable Instant instant(@Nullable String s) {
    return s == null ? null : Instant.parse(s);
  }

  private static List<String> list(JsonObject o, String key) {
    if (!(o.get(key) instanceof JsonArray a)) {
      return List.of();
    }
    List<String> out = new ArrayList<>(a.size());
    for (Object v : a) {
      if (v instanceof String s) {
        out.add(s);
      }
    }
    return out;
  }
}
