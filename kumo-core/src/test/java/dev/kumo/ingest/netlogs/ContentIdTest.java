package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentIdTest {
  private static String expected(JsonObject o) throws Exception {
    byte[] h = MessageDigest.getInstance("SHA-256").digest(o.toJson().getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(h, 0, 16);
  }

  @Test
  void of_isTheSha256OfTheCompactJson_forAnyText() throws Exception {
    for (String v : new String[] {"plain", "café ☕ 𝄞", "quote\" and \\ and \n\r\t\b\f", "ctl \u0001\u001f",
        "sep \u2028\u2029", "lone \uD800 surrogate", "lone \uDC00", ""}) {
      JsonObject o = JsonObject.of("k", v, "n", 42L, "d", new java.math.BigDecimal("1.5e3"), "b", Boolean.TRUE,
          "z", dev.kumo.json.JsonNull.INSTANCE, "a", dev.kumo.json.JsonArray.of(v, 7L), "nested", JsonObject.of("x", v));
      assertThat(ContentId.of(o)).as(v).isEqualTo(expected(o));
    }
  }

  @Test
  void of_hugeRecordThenSmallOne_staysCorrect() throws Exception {
    JsonObject big = JsonObject.of("k", "x".repeat(200_000));
    JsonObject small = JsonObject.of("k", "y");
    assertThat(ContentId.of(big)).isEqualTo(expected(big));
    assertThat(ContentId.of(small)).isEqualTo(expected(small)).isNotEqualTo(ContentId.of(big));
  }
}
