package dev.kumo.cli;

import dev.kumo.time.Timestamps;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Times given on the command line ({@code --from}, {@code --to}). */
final class UserTime {
  private UserTime() {}

  /** {@code text} as {@link Timestamps#parseUserTime} reads it, null for null; a usage error names {@code option}. */
  static @Nullable Instant parse(CommandSpec spec, @Nullable String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return Timestamps.parseUserTime(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
