package dev.kumo.cli.output;

import dev.kumo.sigma.Level;

/** ANSI styling, or none. Only Kumo's own text is styled; log content is sanitized first. */
public final class Style {
  private static final String RESET = "\u001b[0m";
  private final boolean color;

  public Style(boolean color) {
    this.color = color;
  }

  public boolean enabled() {
    return color;
  }

  public String bold(String s) {
    return wrap("1", s);
  }

  public String dim(String s) {
    return wrap("2", s);
  }

  public String green(String s) {
    return wrap("32", s);
  }

  public String cyan(String s) {
    return wrap("36", s);
  }

  public String yellow(String s) {
    return wrap("33", s);
  }

  public String red(String s) {
    return wrap("31", s);
  }

  /** Level colours as in Hayabusa: critical red bold, high orange, medium yellow, low green. */
  public String level(Level level, String s) {
    return switch (level) {
      case CRITICAL -> wrap("1;31", s);
      case HIGH -> wrap("38;5;208", s);
      case MEDIUM -> wrap("33", s);
      case LOW -> wrap("32", s);
      case INFORMATIONAL -> wrap("36", s);
    };
  }

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + RESET : s;
  }
}
