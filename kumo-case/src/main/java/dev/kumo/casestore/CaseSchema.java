package dev.kumo.casestore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The case file's layout: one DuckDB file, {@value #FILE_NAME}, in the case folder. The tables and
 * view are documented in {@code schema.sql} beside this class and in the README.
 *
 * <p>Versioning: {@code meta.schema_version} holds {@link #VERSION}. Additions (columns, views)
 * keep the version; incompatible changes raise it, and a writer refuses a case of another version.
 */
public final class CaseSchema {
  /** The schema version this build writes and reads. */
  public static final int VERSION = 3;
  /** The database file inside a case folder. */
  public static final String FILE_NAME = "case.duckdb";
  /** The documented tables and views a query may use. */
  public static final List<String> RELATIONS = List.of("events", "findings", "links", "incidents", "incident_steps",
      "incident_findings", "principals", "access_keys", "meta", "loads");

  private CaseSchema() {}

  /** The database file of the case folder {@code dir}. */
  public static Path file(Path dir) {
    return dir.resolve(FILE_NAME);
  }

  /** The schema's statements, in order. */
  static List<String> statements() {
    String text;
    try (InputStream in = CaseSchema.class.getResourceAsStream("schema.sql")) {
      if (in == null) {
        throw new IllegalStateException("schema.sql missing from the kumo-case jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("--")) {
        continue;
      }
      sb.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        out.add(sb.toString().strip());
        sb.setLength(0);
      }
    }
    return out;
  }
}
