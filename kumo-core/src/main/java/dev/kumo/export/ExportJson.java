package dev.kumo.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.json.JsonFields;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The JSON conventions shared by the exports. */
final class ExportJson {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ExportJson() {}

  /** See {@link JsonFields#safeGenerator}. */
  static JsonGenerator generator(Writer out) throws IOException {
    return JsonFields.safeGenerator(out);
  }

  /** UTC, exactly millisecond precision (truncated), e.g. {@code 2026-03-02T10:00:00.000Z}. */
  static String millis(Instant t) {
    return MILLIS.format(t);
  }

  /** Kumo's version from the jar manifest, or {@code dev} when run from classes. */
  static String kumoVersion() {
    String v = ExportJson.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The cloud provider of a log source id ({@code aws.cloudtrail} is AWS), or null when not a cloud. */
  static @Nullable String provider(String source) {
    int dot = source.indexOf('.');
    return switch (dot < 0 ? source : source.substring(0, dot)) {
      case "aws" -> "AWS";
      case "azure" -> "Azure";
      case "gcp" -> "GCP";
      default -> null;
    };
  }
}
