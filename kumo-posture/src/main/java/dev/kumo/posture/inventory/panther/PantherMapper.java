package dev.kumo.posture.inventory.panther;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Resource;
import java.util.List;
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

  /**
   * Maps one snapshot to the resource of {@link #map} first, followed by any resources nested in it (e.g. the
   * EBS snapshots listed in an {@code AWS.EC2.Volume}). The default is {@code map} alone.
   *
   * @throws IllegalArgumentException naming the field when the snapshot is malformed
   */
  default List<Resource> mapAll(String type, JsonObject snapshot, String origin) {
    return List.of(map(type, snapshot, origin));
  }
}
