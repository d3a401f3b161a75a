package dev.kumo.serve.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.json.JsonFields;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The generic webhook body, schema {@link Alert#SCHEMA}: one flat JSON object in which every key is always present
 * (null when unknown). Written with Kumo's safe generator, so log text always gives valid JSON. Stateless.
 */
public final class GenericJsonBody {
  private GenericJsonBody() {}

  public static String write(Alert a) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = JsonFields.safeGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("schema", Alert.SCHEMA);
      g.writeStringField("kind", a.kind().id());
      g.writeStringField("raised", a.raised().toString());
      g.writeStringField("level", a.level().id());
      g.writeStringField("rule_id", a.ruleId());
      g.writeStringField("rule_name", a.ruleName());
      g.writeStringField("rule_title", a.ruleTitle());
      g.writeStringField("rule_author", a.author());
      g.writeStringField("rule_license", a.license());
      array(g, "attack_techniques", a.techniques());
      array(g, "attack_tactics", a.tactics());
      g.writeStringField("reason", a.reason());
      g.writeStringField("principal", a.principal());
      g.writeStringField("account", a.account());
      g.writeStringField("region", a.region());
      array(g, "resources", a.resources());
      g.writeStringField("source_ip", a.sourceIp());
      g.writeStringField("event_id", a.eventId());
      g.writeStringField("log_source", a.logSource());
      g.writeStringField("event_time", a.eventTime().toString());
      time(g, "first_seen", a.firstSeen());
      time(g, "last_seen", a.lastSeen());
      g.writeNumberField("count", a.count());
      g.writeNumberField("suppressed", a.suppressed());
      g.writeStringField("incident_id", a.incidentId());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void array(JsonGenerator g, String name, List<String> values) throws IOException {
    JsonFields.stringArray(g, name, values);
  }

  private static void time(JsonGenerator g, String name, @Nullable Instant t) throws IOException {
    g.writeStringField(name, t == null ? null : t.toString());
  }
}
