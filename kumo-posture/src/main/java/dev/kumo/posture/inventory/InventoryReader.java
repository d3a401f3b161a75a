package dev.kumo.posture.inventory;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one export format into resources. One implementation per format. */
public interface InventoryReader {
  /** The format's name on the command line, e.g. {@code aws-config}. */
  String format();

  /**
   * Reads {@code path} (a file, or a folder for folder formats). Unreadable records become problems naming
   * file, record and reason; the rest is still read.
   *
   * @throws IOException when the file itself cannot be read
   */
  InventoryLoad read(Path path) throws IOException;
}
