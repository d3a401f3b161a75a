package dev.kumo.sigma.compile;

import java.util.function.UnaryOperator;

/**
 * Settings for compiling detections.
 *
 * @param fieldMapper maps a Sigma field name to the record path that holds it for the target source
 * @param placeholders values for the {@code expand} modifier
 * @param maxRegexLength longest {@code re} pattern accepted, in characters
 * @param ignoreFieldCase whether field names match record keys regardless of case
 */
public record CompileOptions(UnaryOperator<String> fieldMapper, Placeholders placeholders, int maxRegexLength,
    boolean ignoreFieldCase) {
  /** Default longest regular expression accepted from a rule. */
  public static final int DEFAULT_MAX_REGEX_LENGTH = 4096;

  /** No field mapping, no placeholders, default limits. */
  public static CompileOptions defaults() {
    return new CompileOptions(UnaryOperator.identity(), Placeholders.NONE, DEFAULT_MAX_REGEX_LENGTH, false);
  }

  public CompileOptions withFieldMapper(UnaryOperator<String> mapper, boolean ignoreCase) {
    return new CompileOptions(mapper, placeholders, maxRegexLength, ignoreCase);
  }

  /** The record path for a Sigma field name. */
  public dev.kumo.json.FieldPath path(String sigmaField) {
    return dev.kumo.json.FieldPath.of(fieldMapper.apply(sigmaField), ignoreFieldCase);
  }
}
