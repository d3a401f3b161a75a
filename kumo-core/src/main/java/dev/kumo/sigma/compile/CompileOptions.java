package dev.kumo.sigma.compile;

import java.util.function.UnaryOperator;

/**
 * Settings for compiling detections.
 *
 * @param fieldMapper maps a Sigma field name to the record path that holds it for the target source
 * @param placeholders values for the {@code expand} modifier
 * @param maxRegexLength longest {@code re} pattern accepted, in characters
 */
public record CompileOptions(UnaryOperator<String> fieldMapper, Placeholders placeholders, int maxRegexLength) {
  /** Default longest regular expression accepted from a rule. */
  public static final int DEFAULT_MAX_REGEX_LENGTH = 4096;

  /** No field mapping, no placeholders, default limits. */
  public static CompileOptions defaults() {
    return new CompileOptions(UnaryOperator.identity(), Placeholders.NONE, DEFAULT_MAX_REGEX_LENGTH);
  }

  public CompileOptions withFieldMapper(UnaryOperator<String> mapper) {
    return new CompileOptions(mapper, placeholders, maxRegexLength);
  }
}
