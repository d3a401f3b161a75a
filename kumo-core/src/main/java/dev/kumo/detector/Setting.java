package dev.kumo.detector;

import dev.kumo.config.Durations;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A documented, typed detector setting with its default, e.g. the learning window of a baseline.
 * Values come from {@link DetectorConfig}; {@link #read} validates them.
 *
 * @param <T> the value type
 */
public final class Setting<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final T defaultValue;
  private final String description;
  private final transient Function<String, T> parser;
  private final transient Function<T, String> printer;

  private Setting(String name, T defaultValue, String description, Function<String, T> parser,
      Function<T, String> printer) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
    this.parser = parser;
    this.printer = printer;
  }

  public static Setting<Duration> duration(String name, Duration def, String description) {
    return new Setting<>(name, def, description, Durations::parse, Durations::format);
  }

  public static Setting<Integer> integer(String name, int def, String description) {
    return new Setting<>(name, def, description, s -> {
      int v = Integer.parseInt(s.trim());
      if (v < 0) {
        throw new IllegalArgumentException("must not be negative");
      }
      return v;
    }, String::valueOf);
  }

  public static Setting<Double> number(String name, double def, String description) {
    return new Setting<>(name, def, description, s -> {
      double v = Double.parseDouble(s.trim());
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("must be a number >= 0");
      }
      return v;
    }, v -> v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v));
  }

  /** A comma-separated list. */
  public static Setting<List<String>> list(String name, List<String> def, String description) {
    return new Setting<>(name, List.copyOf(def), description,
        s -> Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList(),
        v -> String.join(",", v));
  }

  public String name() {
    return name;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /**
   * The value {@code config} gives this setting for {@code detectorId}, or the default.
   *
   * @throws IllegalArgumentException naming detector, setting and reason when the value is invalid
   */
  public T read(DetectorConfig config, String detectorId) {
    String text = config.value(detectorId, name);
    if (text == null) {
      return defaultValue;
    }
    try {
      return parser.apply(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("detector " + detectorId + ": setting '" + name + "': '" + text
          + "' is invalid (" + e.getMessage() + ")");
    }
  }

  /** The setting as configured, for documentation and {@code kumo rules explain}. */
  public Value describe(T value) {
    return new Value(name, printer.apply(value), printer.apply(defaultValue), description);
  }

  /** A setting's effective value next to its default. */
  public record Value(String name, String value, String defaultValue, String description) implements Serializable {}
}
