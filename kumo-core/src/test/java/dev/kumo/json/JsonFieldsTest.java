package dev.kumo.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {
  private static final String HOSTILE = "q\"b\\n\n<script>\u2028\u2029\u0085\u202e\u2066\ufeff\ud800\ud83d\ude00é\u0000";

  private static String write(String value) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JsonFields.safeGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("v", value);
      JsonFields.field(g, "absent", null);
      JsonFields.field(g, "empty", "");
      g.writeEndObject();
    }
    return w.toString();
  }

  @Test
  void safeGenerator_hostileString_isEscapedToAsciiSafeJsonThatRoundTrips() throws IOException {
    String json = write(HOSTILE);

    assertThat(json).doesNotContain("\u2028", "\u2029", "\u0085", "\u202e", "\u2066", "\ufeff", "\n");
    assertThat(json.chars().filter(c -> Character.isSurrogate((char) c)).count()).isZero();
    assertThat(json).contains("é").contains("\\ud800").contains("\\ud83d\\ude00");
    assertThat(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(json);
    try (JsonParser p = new JsonFactory().createParser(json)) { // strict: no raw control characters
      p.nextToken();
      assertThat(p.nextFieldName()).isEqualTo("v");
      p.nextToken();
      assertThat(p.getText()).isEqualTo(HOSTILE);
      assertThat(p.nextToken().isStructEnd()).isTrue(); // absent and empty fields were left out
    }
  }

  @Test
  void safeGenerator_close_leavesTheTargetOpen() throws IOException {
    StringWriter w = new StringWriter();
    JsonFields.safeGenerator(w).close();
    w.write("still open");
    assertThat(w).hasToString("still open");
  }
}
