package dev.kumo.cli.output;

/**
 * What the terminal can do. The {@code ./kumo} launcher tells the JVM whether stdout and stderr are
 * terminals ({@code KUMO_STDOUT_TTY}, {@code KUMO_STDERR_TTY}) and its width ({@code COLUMNS});
 * without the launcher, {@link System#console()} is used.
 */
public final class Terminal {
  private Terminal() {}

  public static boolean stdoutIsTerminal() {
    String v = System.getenv("KUMO_STDOUT_TTY");
    return v != null ? v.equals("1") : System.console() != null;
  }

  public static boolean stderrIsTerminal() {
    String v = System.getenv("KUMO_STDERR_TTY");
    return v != null ? v.equals("1") : System.console() != null;
  }

  /** Whether colour is allowed at all (the NO_COLOR convention, and dumb terminals). */
  public static boolean colorAllowed() {
    String noColor = System.getenv("NO_COLOR");
    return (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
  }

  public static int width() {
    try {
      int w = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
      return Math.max(80, Math.min(w, 400));
    } catch (NumberFormatException e) {
      return 160;
    }
  }
}
