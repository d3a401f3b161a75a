package dev.kumo.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only {@code ../shared} folder beside the checkout.
 *
 * <p>Tests that need it call {@link #require(String)}: they are skipped with a clear message when the
 * folder is absent (a user's clone), and fail instead when {@code KUMO_REQUIRE_SHARED=1} (CI), so a
 * missing folder can never silently turn a CI run green.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder, whether or not it exists. */
  public static Path root() {
    String prop = System.getProperty("kumo.shared.dir");
    if (prop == null || prop.isBlank()) {
      prop = System.getenv("KUMO_SHARED_DIR");
    }
    return Path.of(prop == null || prop.isBlank() ? "../../shared" : prop).toAbsolutePath().normalize();
  }

  /** Returns {@code root()/relative}, skipping the calling test when it does not exist. */
  public static Path require(String relative) {
    Path p = root().resolve(relative);
    boolean present = Files.exists(p);
    if (!present && "1".equals(System.getenv("KUMO_REQUIRE_SHARED"))) {
      throw new AssertionError("KUMO_REQUIRE_SHARED=1 but " + p + " is missing");
    }
    assumeTrue(present, "skipped: shared test data not found at " + p
        + " (clone Kumo beside ../shared, or set KUMO_SHARED_DIR)");
    return p;
  }
}
