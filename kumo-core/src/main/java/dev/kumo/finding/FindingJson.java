package dev.kumo.finding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.intel.IntelHit;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finding as one JSON object, schema {@link Finding#SCHEMA} (docs/finding-schema.json), for every
 * JSON output: the CLI's JSON Lines, the streaming job's findings topic. Every key is always written
 * (null when unknown) so the columns never shift; {@code rules_version} is written only by outputs
 * that know the version of the rules that produced the finding (the streaming job).
 */
public final class FindingJson {
  private static final JsonFactory JSON = new JsonFactory();

  private FindingJson() {}

  /** Writes {@code f} as one object; {@code rulesVersion}, when given, follows {@code schema}. */
  public static void write(JsonGenerator g, Finding f, @Nullable String rulesVersion) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema", Finding.SCHEMA);
    if (rulesVersion != null) {
      g.writeStringField("rules_version", rulesVersion);
    }
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
  }

  /** {@code f} as one line of JSON (no line break). */
  public static String toJson(Finding f, @Nullable String rulesVersion) {
    StringWriter w = new StringWriter(1024);
    try (JsonGenerator g = JSON.createGenerator(w)) {
      write(g, f, rulesVersion);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string failed", e);
    }
    return w.toString();
  }

  private static void array(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
