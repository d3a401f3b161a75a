package dev.kumo.ingest;

import dev.kumo.json.JsonObject;

/** Recognizes CloudTrail digest files, which hold integrity hashes, not events. */
final class DigestFiles {
  private DigestFiles() {}

  static boolean isDigest(JsonObject o) {
    return o.has("digestStartTime") && o.has("digestEndTime") && o.has("logFiles");
  }
}
