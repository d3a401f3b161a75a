package dev.kumo.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexLiteralsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '~', nullValues = "NONE", quoteCharacter = '`', value = {
      ".+:assumed-role/aws:.+~:assumed-role/aws:",
      "^0oa~0oa",
      "abc~abc",
      "ab?cdef~cdef",
      "abc*def~def",
      "abcd+ef~abcd",
      "x{0,3}yzw~yzw",
      "abc{2}zz~abc",
      "(abc|def)ghij~ghij",
      "[a-z]+\\.example\\.com~.example.com",
      "a|b~NONE",
      "foo|bar~NONE",
      "\\d{12}~NONE",
      ".*?secret~secret",
      "ab~NONE",
      "\"Principal\"\\s*:\\s*\"\\*\"~\"Principal\"",
      "(?i)password~password"})
  void requiredLiteral_isFoundConservatively(String regex, String literal) {
    assertThat(RegexLiterals.requiredLiteral(regex)).isEqualTo(literal);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '~', value = {
      ".+:assumed-role/aws:.+~arn:aws:sts::1:assumed-role/aws:ec2-instance/i-1~true",
      ".+:assumed-role/aws:.+~arn:aws:sts::1:assumed-role/admin/alice~false",
      "(?i)password~my PassWord here~true",
      "ab?cdef~acdef~true"})
  void matcher_withPrefilter_agreesWithTheRegex(String regex, String value, boolean expected) {
    RegexMatcher m = new RegexMatcher(Pattern.compile(regex), "");
    assertThat(m.test(value)).isEqualTo(expected).isEqualTo(Pattern.compile(regex).matcher(value).find());
  }
}
