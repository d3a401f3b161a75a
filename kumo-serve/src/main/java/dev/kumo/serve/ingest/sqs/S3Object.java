package dev.kumo.serve.ingest.sqs;

import org.jspecify.annotations.Nullable;

/**
 * An object a notification announced: its bucket, its key (decoded) and the size the notification
 * gave, if any (unchecked: the fetch enforces the limit again).
 */
public record S3Object(String bucket, String key, @Nullable Long size) {
  /** {@code s3://bucket/key}, for messages (the key is attacker-influenced: escape for the medium). */
  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
