package dev.kumo.intel.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.intel.IndicatorType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StixPatternTest {

  private static List<StixObjectPaths.Typed> values(String pattern) {
    return StixPattern.parse(pattern).comparisons().stream()
        .flatMap(c -> StixObjectPaths.map(c).values().stream()).toList();
  }

  private static List<String> problems(String pattern) {
    return StixPattern.parse(pattern).comparisons().stream()
        .flatMap(c -> StixObjectPaths.map(c).problems().stream()).toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[ipv4-addr:value = '198.51.100.7'] | IP | 198.51.100.7",
      "[ipv4-addr:value = '10.0.0.0/8'] | IP | 10.0.0.0/8",
      "[ipv6-addr:value = '2001:DB8::1'] | IP | 2001:db8::1",
      "[domain-name:value = 'Evil.Example.COM'] | DOMAIN | evil.example.com",
      "[url:value = 'HTTP://Evil.example/a?b=1'] | URL | http://evil.example/a?b=1",
      "[file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E'] | FILE_HASH | d41d8cd98f00b204e9800998ecf8427e",
      "[file:hashes.md5 = 'd41d8cd98f00b204e9800998ecf8427e'] | FILE_HASH | d41d8cd98f00b204e9800998ecf8427e",
      "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'] | FILE_HASH | da39a3ee5e6b4b0d3255bfef95601890afd80709",
      "[file:hashes.SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'] | FILE_HASH | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "[email-addr:value = 'Bad@Example.com'] | EMAIL | bad@example.com",
      "[network-traffic:dst_ref.value = '203.0.113.9'] | IP | 203.0.113.9",
      "[network-traffic:src_ref.value = 'c2.example.net'] | DOMAIN | c2.example.net",
      "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'Pacu/1.0'] | USER_AGENT | Pacu/1.0",
      "[x-kumo-access-key:value = 'AKIAIOSFODNN7EXAMPLE'] | ACCESS_KEY | AKIAIOSFODNN7EXAMPLE",
      "[x-kumo-account:value = '123456789012'] | ACCOUNT | 123456789012",
      "[x-kumo-arn:value = 'arn:aws:iam::123456789012:role/x'] | ARN | arn:aws:iam::123456789012:role/x",
      "[x-kumo-wallet:value = '0x52908400098527886E0F7030069857D2E4169EE7'] | WALLET | 0x52908400098527886E0F7030069857D2E4169EE7",
      "[x-kumo-user-agent:value = 'aws-cli/2 kali'] | USER_AGENT | aws-cli/2 kali",
      "[ipv4-addr:value ISSUBSET '192.0.2.0/24'] | IP | 192.0.2.0/24",
      "[domain-name:value LIKE '%.evil.example'] | DOMAIN | evil.example",
      "[domain-name:value LIKE 'exact.example'] | DOMAIN | exact.example",
  })
  void map_eachObjectPathAndOperator_givesTypedValue(String pattern, IndicatorType type, String value) {
    assertThat(values(pattern)).containsExactly(new StixObjectPaths.Typed(type, value));
    assertThat(problems(pattern)).isEmpty();
  }

  @Test
  void parse_in_givesEachMember() {
    assertThat(values("[ipv4-addr:value IN ('192.0.2.1', '192.0.2.2')]")).extracting(StixObjectPaths.Typed::value)
        .containsExactly("192.0.2.1", "192.0.2.2");
  }

  @Test
  void parse_orAndNestedParens_givesAllComparisonsAndMarksConjunction() {
    StixPattern p = StixPattern.parse("(([domain-name:value = 'a.example'] OR ([url:value = 'http://b.example/'])) "
        + "AND [ipv4-addr:value = '192.0.2.1' OR (ipv4-addr:value = '192.0.2.2' AND file:name = 'x')])");
    assertThat(p.comparisons()).hasSize(5);
    assertThat(p.conjunction()).isTrue();
    assertThat(StixPattern.parse("[domain-name:value = 'a.example'] OR [domain-name:value = 'b.example']")
        .conjunction()).isFalse();
  }

  @Test
  void parse_qualifiers_areCollected() {
    StixPattern p = StixPattern.parse("[ipv4-addr:value = '192.0.2.1'] REPEATS 5 TIMES WITHIN 300 SECONDS "
        + "START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'");
    assertThat(p.qualifiers()).containsExactly("REPEATS 5 TIMES", "WITHIN 300 SECONDS",
        "START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'");
    assertThat(p.comparisons()).hasSize(1);
  }

  @Test
  void parse_escapedQuoteAndBackslash_areUnescaped() {
    StixPattern p = StixPattern.parse("[x-kumo-user-agent:value = 'it\\'s a \\\\ tool']");
    assertThat(p.comparisons().get(0).values()).containsExactly("it's a \\ tool");
    assertThat(StixWriter.quote("it's a \\ tool")).isEqualTo("'it\\'s a \\\\ tool'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[ipv4-addr:value != '192.0.2.1'] | operator !=",
      "[ipv4-addr:value NOT = '192.0.2.1'] | operator NOT =",
      "[file:size > 100] | object path file:size",
      "[ipv4-addr:value > '192.0.2.1'] | operator >",
      "[domain-name:value MATCHES '^evil'] | operator MATCHES",
      "[domain-name:value LIKE 'ev%il.example'] | LIKE with wildcards",
      "[url:value LIKE 'http://x/%'] | LIKE with wildcards",
      "[x509-certificate:issuer = 'CN=x'] | object path x509-certificate:issuer",
      "[file:hashes.MD5 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'] | not a MD5 hash",
      "[ipv4-addr:value = 'not-an-ip'] | not an IP address",
      "[domain-name:value ISSUBSET 'x.example'] | ISSUBSET is only supported on addresses",
  })
  void map_unsupported_givesProblemAndNoValue(String pattern, String reason) {
    assertThat(values(pattern)).isEmpty();
    assertThat(problems(pattern)).singleElement().asString().contains(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ipv4-addr:value = '1.2.3.4' | expected '[' or '('",
      "[ipv4-addr:value = '1.2.3.4' | expected ']'",
      "[ipv4-addr:value = '1.2.3.4] | unterminated string",
      "[ipv4-addr:value ~ '1.2.3.4'] | expected a comparison operator",
      "[ipv4-addr:value = '1.2.3.4'] garbage | unexpected 'garbage'",
      "[ipv4-addr = '1.2.3.4'] | expected ':'",
      "[a:b = 'x\\y'] | bad escape",
      "'' | expected '[' or '('",
  })
  void parse_garbage_throwsWithPosition(String pattern, String reason) {
    assertThatThrownBy(() -> StixPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at character").hasMessageContaining(reason);
  }

  @Test
  void parse_deepNesting_isRefusedNotOverflowed() {
    String deep = "(".repeat(5000) + "[ipv4-addr:value = '1.2.3.4']" + ")".repeat(5000);
    assertThatThrownBy(() -> StixPattern.parse(deep)).hasMessageContaining("nested deeper");
  }
}
