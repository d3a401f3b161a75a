package dev.kumo.posture.inventory.panther;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Resource;
import java.util.Set;

/** Maps Panther resource snapshots of some resource types to inventory resources. One class per family. */
public interface PantherMapper {
  /** The Panther resource types handled, e.g. {@code AWS.S3.Bucket}. */
  Set<String> types();

  /**
   * Maps one snapshot of {@code type}.
   *
   * @param origin where it was read (file and record), for {@link Resource#origin()}
   * @throws IllegalArgumentException naming the field when the snapshot is malformed
   */
  Resource map(String type, JsonObject snapshot, String origin);
}
