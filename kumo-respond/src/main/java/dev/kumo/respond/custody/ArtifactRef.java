package dev.kumo.respond.custody;

import java.util.Objects;

/**
 * An artifact as the ledger records it.
 *
 * @param path where the file is, relative to the case directory, with {@code /} separators
 * @param sha256 lowercase hex SHA-256 of the file's bytes when it was recorded
 * @param bytes its size then
 */
public record ArtifactRef(String path, String sha256, long bytes) {
  public ArtifactRef {
    Objects.requireNonNull(path, "path");
    if (!Sha256.isHex(sha256)) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
    }
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative");
    }
  }
}
