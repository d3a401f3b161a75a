package dev.kumo.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.finding.CorrelationJson;
import dev.kumo.finding.EventSummary;
import dev.kumo.finding.Finding;
import dev.kumo.intel.IntelHit;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One JSON object per line, schema {@link Finding#SCHEMA}. Every key is always written (null when
 * unknown) so the columns never shift. See docs/finding-schema.json.
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
    g.writeStartObject();
    g.writeStringField("schema", Finding.SCHEMA);
    g.writeStringField("time", f.time().toString());
    g.writeStringField("level", f.level().id());
    g.writeStringField("rule_id", f.ruleId());
    g.writeStringField("rule_name", f.ruleName());
    g.writeStringField("rule_title", f.ruleTitle());
    g.writeStringField("rule_author", f.author());
    g.writeStringField("rule_license", f.license());
    g.writeStringField("rule_source", f.ruleSource());
    array(g, "attack_techniques", f.techniques());
    array(g, "attack_tactics", f.tacticNames());
    array(g, "threats", f.threats());
    g.writeStringField("reason", f.reason());
    array(g, "evidence", f.evidence());
    g.writeStringField("suppressed_by", f.suppressedBy());
    EventSummary e = f.event();
    g.writeStringField("event_id", e.id());
    g.writeStringField("log_source", e.source());
    g.writeStringField("account", e.account());
    g.writeStringField("region", e.region());
    g.writeStringField("principal", e.principal());
    g.writeStringField("principal_type", e.principalType());
    g.writeStringField("access_key_id", e.accessKeyId());
    g.writeStringField("source_ip", e.sourceIp());
    g.writeStringField("destination", e.destination());
    g.writeStringField("user_agent", e.userAgent());
    g.writeStringField("event_source", e.service());
    g.writeStringField("event_name", e.operation());
    g.writeStringField("error_code", e.errorCode());
    array(g, "resources", e.resources());
    g.writeStringField("file", e.file());
    g.writeNumberField("line", e.line());
    CorrelationJson.write(g, f.correlation());
    g.writeArrayFieldStart("intel");
    for (IntelHit h : e.intel()) {
      g.writeStartObject();
      g.writeStringField("type", h.type().id());
      g.writeStringField("indicator", h.indicator());
      g.writeStringField("observed", h.observed());
      g.writeStringField("feed", h.feed());
      g.writeStringField("indicator_id", h.id());
      if (h.confidence() == null) {
        g.writeNullField("confidence");
      } else {
        g.writeNumberField("confidence", h.confidence());
      }
      array(g, "context", h.context());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.close();
    out.write('\n');
  }

  private static void array(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
