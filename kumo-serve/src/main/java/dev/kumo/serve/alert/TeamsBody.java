package dev.kumo.serve.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.json.JsonFields;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * A Microsoft Teams incoming-webhook body (Workflows "post to a channel when a webhook request is received"): a
 * {@code message} with one Adaptive Card 1.4 (headline, reason, a fact set, rule and author credit). Every log value
 * is escaped by {@link ChatText#teams}. Stateless.
 */
public final class TeamsBody {
  static final int TEXT_MAX = 4000;
  static final int FACT_MAX = 1000;

  private TeamsBody() {}

  public static String write(Alert a) {
    StringWriter out = new StringWriter(2048);
    try (JsonGenerator g = JsonFields.safeGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "message");
      g.writeStringField("summary", ChatText.cut(ChatText.plain(a.headline()), 200)); // not Markdown
      g.writeArrayFieldStart("attachments");
      g.writeStartObject();
      g.writeStringField("contentType", "application/vnd.microsoft.card.adaptive");
      g.writeNullField("contentUrl");
      g.writeObjectFieldStart("content");
      g.writeStringField("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
      g.writeStringField("type", "AdaptiveCard");
      g.writeStringField("version", "1.4");
      g.writeArrayFieldStart("body");
      text(g, ChatText.cut(ChatText.teams(a.headline()), 500), true, color(a));
      text(g, ChatText.cut(ChatText.teams(a.reason()), TEXT_MAX), false, null);
      g.writeStartObject();
      g.writeStringField("type", "FactSet");
      g.writeArrayFieldStart("facts");
      for (AlertFacts.Fact f : AlertFacts.of(a)) {
        g.writeStartObject();
        g.writeStringField("title", ChatText.teams(f.label()));
        g.writeStringField("value", ChatText.cut(ChatText.teams(f.value()), FACT_MAX));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      String credit = a.credit();
      text(g, ChatText.cut("Kumo \u00b7 " + ChatText.teams(a.ruleTitle())
          + (credit == null ? "" : " \u00b7 " + ChatText.teams(credit)), TEXT_MAX), false, null);
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String color(Alert a) {
    return switch (a.level()) {
      case CRITICAL, HIGH -> "Attention";
      case MEDIUM -> "Warning";
      default -> "Default";
    };
  }

  private static void text(JsonGenerator g, String text, boolean heading, @Nullable String color) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "TextBlock");
    g.writeStringField("text", text);
    g.writeBooleanField("wrap", true);
    if (heading && color != null) {
      g.writeStringField("weight", "Bolder");
      g.writeStringField("size", "Medium");
      g.writeStringField("color", color);
    }
    g.writeEndObject();
  }
}
