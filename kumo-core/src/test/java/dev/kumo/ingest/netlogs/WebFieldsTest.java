package dev.kumo.ingest.netlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.json.JsonObject;
import org.junit.jupiter.api.Test;

class WebFieldsTest {
  @Test
  void decode_escapesUtf8AndPlus() {
    assertThat(WebFields.decode("/search?q=caf%C3%A9+union%20select")).isEqualTo("/search?q=café union select");
    assertThat(WebFields.decodeUserAgent("Mozilla/5.0%20(X11;%20Linux)+x")).isEqualTo("Mozilla/5.0 (X11; Linux)+x");
  }

  @Test
  void decode_doubleAndTripleEncoding_decodeToTheCharacter() {
    assertThat(WebFields.decode("/a/%252e%252e%252fetc")).isEqualTo("/a/../etc");
    assertThat(WebFields.decode("/x?u=%2524%257Bjndi:ldap")).isEqualTo("/x?u=${jndi:ldap");
    assertThat(WebFields.decode("%25252e")).isEqualTo(".");
  }

  @Test
  void decode_overlongUtf8OfAscii_isThatCharacter() {
    assertThat(WebFields.decode("/%c0%ae%c0%ae%c0%afetc/passwd")).isEqualTo("/../etc/passwd");
    assertThat(WebFields.decode("/..%c1%9c..%c1%9cwinnt")).isEqualTo("/..\\..\\winnt");
  }

  @Test
  void decode_invalidOrTruncatedEscapes_areKept() {
    assertThat(WebFields.decode("100%")).isEqualTo("100%");
    assertThat(WebFields.decode("%zz%4")).isEqualTo("%zz%4");
    assertThat(WebFields.decode("a%ff%fe")).isEqualTo("a\uFFFD\uFFFD");
  }

  @Test
  void decode_nothingToDecode_returnsTheSameString() {
    String plain = "/index.html?page=2";
    assertThat(WebFields.decode(plain)).isSameAs(plain);
  }

  @Test
  void attach_putsDecodedValuesUnderKumoAndNothingWhenAbsent() {
    JsonObject r = JsonObject.builder().put("uri", "/a%20b").build();
    JsonObject withFields = WebFields.attach(r, "/a%20b", "curl%2F8.0");
    assertThat(withFields.getObject("kumo").get("url")).isEqualTo("/a b");
    assertThat(withFields.getObject("kumo").get("user_agent")).isEqualTo("curl/8.0");
    assertThat(withFields.get("uri")).isEqualTo("/a%20b");
    assertThat(WebFields.attach(r, null, null)).isSameAs(r);
  }
}
