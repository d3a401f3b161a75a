package dev.kumo.ingest;

/**
 * Told about inputs as a whole while a {@link LogReader} reads them: asks which inputs to hash and
 * receives their {@link FileFacts}. Called on the reader's thread.
 */
public interface FileListener {

  /** Whether to compute the SHA-256 of this input's decompressed content while it is read. */
  boolean wantsHash(InputFile input);

  /**
   * Called once an input was read, when it was hashed or is a CloudTrail digest file (not for inputs
   * that failed with an I/O error before anything was learned).
   */
  void fileRead(InputFile input, FileFacts facts);
}
