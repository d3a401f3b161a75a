package dev.kumo.serve.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.json.JsonFields;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A Slack incoming-webhook body: {@code text} (the notification fallback, mrkdwn) and {@code blocks} (header, reason,
 * up to ten fact fields, rule and author credit). Every log value is escaped by {@link ChatText#slack} and cut to
 * Slack's limits. Stateless.
 */
public final class SlackBody {
  /** Slack's limits: header text, section text, one field, fields per section. */
  static final int HEADER_MAX = 150;
  static final int TEXT_MAX = 3000;
  static final int FIELD_MAX = 2000;
  static final int FIELDS_MAX = 10;

  private SlackBody() {}

  public static String write(Alert a) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = JsonFields.safeGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("text", ChatText.cut(ChatText.slack(a.headline()) + ": " + ChatText.slack(a.reason()),
          TEXT_MAX));
      g.writeArrayFieldStart("blocks");
      block(g, "header", "plain_text", ChatText.cut(ChatText.slack(a.headline()), HEADER_MAX));
      block(g, "section", "mrkdwn", ChatText.cut(ChatText.slack(a.reason()), TEXT_MAX));
      List<AlertFacts.Fact> facts = AlertFacts.of(a);
      for (int i = 0; i < facts.size(); i += FIELDS_MAX) {
        g.writeStartObject();
        g.writeStringField("type", "section");
        g.writeArrayFieldStart("fields");
        for (AlertFacts.Fact f : facts.subList(i, Math.min(facts.size(), i + FIELDS_MAX))) {
          g.writeStartObject();
          g.writeStringField("type", "mrkdwn");
          g.writeStringField("text", ChatText.cut("*" + ChatText.slack(f.label()) + "*\n" + ChatText.slack(f.value()),
              FIELD_MAX));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      String credit = a.credit();
      g.writeStartObject();
      g.writeStringField("type", "context");
      g.writeArrayFieldStart("elements");
      g.writeStartObject();
      g.writeStringField("type", "mrkdwn");
      g.writeStringField("text", ChatText.cut("Kumo \u00b7 " + ChatText.slack(a.ruleTitle())
          + (credit == null ? "" : " \u00b7 " + ChatText.slack(credit)), TEXT_MAX));
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void block(JsonGenerator g, String type, String textType, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", type);
    g.writeObjectFieldStart("text");
    g.writeStringField("type", textType);
    g.writeStringField("text", text);
    if (textType.equals("plain_text")) {
      g.writeBooleanField("emoji", false);
    }
    g.writeEndObject();
    g.writeEndObject();
  }
}
