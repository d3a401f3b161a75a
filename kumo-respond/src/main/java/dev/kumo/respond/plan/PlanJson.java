package dev.kumo.respond.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a plan as JSON, schema {@code kumo.plan/1}: deterministic (fields in a fixed order, placeholders sorted),
 * pretty-printed, ending with a newline.
 */
public final class PlanJson {
  /** The schema id written in every plan. */
  public static final String SCHEMA = "kumo.plan/1";
  private static final JsonFactory JSON = new JsonFactory();

  private PlanJson() {}

  public static void write(Plan plan, Writer out) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeStringField("id", plan.id());
    g.writeStringField("playbook", plan.playbook().id());
    g.writeStringField("title", plan.playbook().title());
    g.writeStringField("threat", plan.playbook().threat());
    g.writeStringField("provider", plan.provider().id());
    g.writeObjectFieldStart("targets");
    PlanTargets t = plan.targets();
    field(g, "instance", t.instance());
    field(g, "access_key", t.accessKey());
    field(g, "role", t.role());
    field(g, "bucket", t.bucket());
    field(g, "account", t.account());
    field(g, "region", t.region());
    field(g, "case_id", t.caseId());
    field(g, "forensic_account", t.forensicAccount());
    field(g, "image", t.image());
    field(g, "compromise_start", t.compromiseStart() == null ? null : t.compromiseStart().toString());
    g.writeEndObject();
    strings(g, "notes", t.notes());
    g.writeArrayFieldStart("steps");
    for (PlannedStep p : plan.steps()) {
      PlaybookStep s = p.step();
      g.writeStartObject();
      g.writeNumberField("index", p.index());
      g.writeStringField("id", s.id());
      g.writeStringField("title", s.title());
      g.writeStringField("kind", s.kind().id());
      g.writeStringField("effect", s.effect().id());
      g.writeStringField("does", s.does());
      strings(g, "preconditions", s.preconditions());
      g.writeBooleanField("reversible", s.reversible());
      g.writeStringField("reversal", s.reversal());
      g.writeObjectFieldStart("mitigation");
      g.writeStringField("id", s.mitigation().id());
      g.writeStringField("name", s.mitigation().name());
      g.writeEndObject();
      g.writeBooleanField("optional", s.optional());
      g.writeStringField("explanation", p.explanation());
      g.writeArrayFieldStart("calls");
      for (ApiCall c : p.calls()) {
        g.writeStartObject();
        g.writeStringField("service", c.service());
        g.writeStringField("operation", c.operation());
        g.writeObjectFieldStart("parameters");
        for (Map.Entry<String, String> e : c.parameters().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeStringField("cli", c.cli());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("placeholders");
    for (Map.Entry<String, String> e : plan.placeholders().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.flush();
    out.write('\n');
    out.flush();
  }

  private static void field(JsonGenerator g, String name, @Nullable String value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
