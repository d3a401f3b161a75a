package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.looseString;
import static dev.kumo.posture.inventory.panther.PantherFields.object;
import static dev.kumo.posture.inventory.panther.PantherFields.present;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Resource;
import java.util.Set;

/** {@code AWS.Redshift.Cluster} snapshots → {@code aws.redshift.cluster}. */
public final class PantherRedshiftMapper implements PantherMapper {
  @Override
  public Set<String> types() {
    return Set.of("AWS.Redshift.Cluster");
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    Facts.Builder f = Facts.builder();
    f.put("publicly_accessible", bool(s, "PubliclyAccessible"));
    f.put("encrypted", bool(s, "Encrypted"));
    if (present(s, "LoggingStatus")) {
      JsonObject logging = object(s, "LoggingStatus");
      Boolean on = logging == null ? null : bool(logging, "LoggingEnabled");
      f.put("logging", on != null && on);
    }
    String name = looseString(s, "ClusterIdentifier");
    return PantherFields.resource("aws.redshift.cluster", s, name, name, f.build(), origin);
  }
}
