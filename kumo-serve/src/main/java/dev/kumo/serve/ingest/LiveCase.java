package dev.kumo.serve.ingest;

import dev.kumo.casestore.CaseOptions;
import dev.kumo.casestore.CaseQuery;
import dev.kumo.casestore.CaseSchema;
import dev.kumo.casestore.CaseWriter;
import dev.kumo.serve.CaseAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * The live case: owns the case's one DuckDB database, open read-write for the life of the service
 * (DuckDB refuses a read-only and a read-write open of one file in one process). Readers
 * ({@link #open()}) and the loader's writers ({@link #writer}) get their own connections to that one
 * instance. On open the schema is created if needed and the rows of loads that did not finish (a
 * crash) are removed. External file and network access is switched off for the whole database, and
 * every reader statement runs in a read-only transaction. Thread-safe; one writer at a time.
 */
public final class LiveCase implements CaseAccess, AutoCloseable {
  private final Path dir;
  private final DuckDBConnection database;

  private LiveCase(Path dir, DuckDBConnection database) {
    this.dir = dir;
    this.database = database;
  }

  /** Opens (creating if needed) the case in folder {@code dir}. */
  public static LiveCase open(Path dir) throws IOException {
    Files.createDirectories(dir);
    DuckDBConnection c = null;
    try {
      c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + CaseSchema.file(dir).toAbsolutePath());
      CaseWriter.prepare(c);
      try (Statement s = c.createStatement()) {
        s.execute("SET enable_external_access = false");
      }
      return new LiveCase(dir, c);
    } catch (SQLException e) {
      close(c);
      throw new IOException("cannot open case " + dir + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      close(c);
      throw e;
    }
  }

  /** The case folder. */
  public Path dir() {
    return dir;
  }

  @Override
  public Path location() {
    return dir;
  }

  /** A reader over the case as it is now; the caller closes it. */
  @Override
  public CaseQuery open() throws IOException {
    try {
      return CaseQuery.of(database.duplicate());
    } catch (SQLException e) {
      throw new IOException("cannot read case " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Starts a load on the shared database (for the one loader thread). */
  public CaseWriter writer(CaseOptions options) throws IOException {
    return CaseWriter.open(database, options);
  }

  /** Closes the database (readers still open keep it alive until they close). */
  @Override
  public void close() {
    close(database);
  }

  private static void close(java.sql.@org.jspecify.annotations.Nullable Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing left to save
      }
    }
  }
}
