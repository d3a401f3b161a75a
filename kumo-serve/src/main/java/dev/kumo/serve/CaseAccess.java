package dev.kumo.serve;

import dev.kumo.casestore.CaseQuery;
import java.io.IOException;

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
}
