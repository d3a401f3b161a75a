package dev.kumo.respond.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Writes an SDK model object (a response, an instance, a volume) as JSON with AWS's member names, every
 * field the SDK parsed, absent fields left out. Bytes are base64; instants are ISO-8601. The text is the
 * recorded state, so nothing is decoded or interpreted (user data and console output stay base64).
 */
final class SdkJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SdkJson() {}

  static String write(SdkPojo pojo) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      value(g, pojo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void value(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof SdkPojo pojo) {
      g.writeStartObject();
      for (SdkField<?> field : pojo.sdkFields()) {
        Object fieldValue = field.getValueOrDefault(pojo);
        if (fieldValue == null || isAutoConstructEmpty(fieldValue)) {
          continue;
        }
        g.writeFieldName(field.memberName());
        value(g, fieldValue);
      }
      g.writeEndObject();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Collection<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof Instant t) {
      g.writeString(t.toString());
    } else if (v instanceof SdkBytes bytes) {
      g.writeString(bytes.asByteBuffer().hasRemaining()
          ? java.util.Base64.getEncoder().encodeToString(bytes.asByteArray()) : "");
    } else {
      g.writeString(v.toString());
    }
  }

  /** The SDK's placeholder for a list or map the response did not contain. */
  private static boolean isAutoConstructEmpty(Object v) {
    return v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
        || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
  }
}
