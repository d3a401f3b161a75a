package dev.kumo.posture.check;

import java.util.regex.Pattern;

/** POSIX shell quoting for values from exports placed into suggested commands. */
public final class ShellQuote {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private ShellQuote() {}

  /** The value unchanged when it is made only of safe characters, else single-quoted. */
  public static String quote(String value) {
    if (!value.isEmpty() && SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
