package dev.kumo.serve;

import dev.kumo.casestore.CaseQuery;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How the console and the API read the live case while the loader writes it. Implementations hand out a
 * fresh {@link CaseQuery} per request; the caller closes it.
 */
@FunctionalInterface
public interface CaseAccess {
  /**
   * A query over the case as it is now.
   *
   * @throws IOException when the case cannot be opened (not created yet, or a newer schema)
   */
  CaseQuery open() throws IOException;

  /**
   * The case folder, for the command lines the console shows ({@code kumo respond plan --case DIR ...}); null when
   * the case has no folder the command line could name.
   */
  default @Nullable Path location() {
    return null;
  }
}
