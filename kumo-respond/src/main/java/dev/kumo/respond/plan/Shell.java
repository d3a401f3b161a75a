package dev.kumo.respond.plan;

import java.util.Locale;
import java.util.regex.Pattern;

/** Command-line text: POSIX shell quoting and API-name to CLI-name conversion. */
public final class Shell {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+${}-]+");
  private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

  private Shell() {}

  /**
   * {@code value} as one shell word: left as it is when it holds only safe characters (placeholders such as
   * {@code ${volumes}} included, for the responder to substitute), otherwise in single quotes.
   */
  public static String quote(String value) {
    if (SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * {@code value} as one shell word that the shell takes literally (no expansion of {@code $}, {@code ~} or
   * globs): left as it is when it holds only characters no shell acts on, otherwise in single quotes. For values
   * from a case (a folder, an incident id), never for plan placeholders.
   */
  public static String literal(String value) {
    if (LITERAL.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** {@code CreateSnapshot} to {@code create-snapshot}, {@code DescribeDBInstances} to {@code describe-db-instances}. */
  static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      boolean upper = Character.isUpperCase(c);
      if (upper && i > 0 && (Character.isLowerCase(camel.charAt(i - 1)) || Character.isDigit(camel.charAt(i - 1))
          || (i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1))
          && Character.isUpperCase(camel.charAt(i - 1))))) {
        sb.append('-');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
