package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.looseString;
import static dev.kumo.posture.inventory.panther.PantherFields.objects;
import static dev.kumo.posture.inventory.panther.PantherFields.present;
import static dev.kumo.posture.inventory.panther.PantherFields.wholeNumber;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code AWS.RDS.Instance} snapshots → {@code aws.rds.instance}, followed by one {@code aws.rds.snapshot} per
 * entry of {@code SnapshotAttributes} (public when the {@code restore} attribute lists {@code all}).
 */
public final class PantherRdsMapper implements PantherMapper {
  @Override
  public Set<String> types() {
    return Set.of("AWS.RDS.Instance");
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    Facts.Builder f = Facts.builder();
    f.put("publicly_accessible", bool(s, "PubliclyAccessible"));
    f.put("encrypted", bool(s, "StorageEncrypted"));
    f.put("deletion_protection", bool(s, "DeletionProtection"));
    f.put("multi_az", bool(s, "MultiAZ"));
    f.put("auto_minor_version_upgrade", bool(s, "AutoMinorVersionUpgrade"));
    f.put("backup_retention_days", wholeNumber(s, "BackupRetentionPeriod"));
    f.put("engine", looseString(s, "Engine"));
    String name = looseString(s, "DBInstanceIdentifier");
    String fallback = PantherFields.first(s, "DBInstanceArn");
    return PantherFields.resource("aws.rds.instance", s, fallback == null ? name : fallback, name, f.build(),
        origin);
  }

  @Override
  public List<Resource> mapAll(String type, JsonObject s, String origin) {
    Resource instance = map(type, s, origin);
    List<Resource> out = new ArrayList<>();
    out.add(instance);
    if (!present(s, "SnapshotAttributes")) {
      return out;
    }
    for (JsonObject snap : objects(s, "SnapshotAttributes")) {
      String id = looseString(snap, "DBSnapshotIdentifier");
      if (id == null) {
        throw new IllegalArgumentException("SnapshotAttributes: an entry without DBSnapshotIdentifier");
      }
      List<String> restore = new ArrayList<>();
      for (JsonObject attr : objects(snap, "DBSnapshotAttributes")) {
        if ("restore".equals(looseString(attr, "AttributeName"))) {
          restore.addAll(PantherFields.stringOrStrings(attr, "AttributeValues"));
        }
      }
      String arn = instance.region().isEmpty() || instance.account().isEmpty() ? id
          : "arn:aws:rds:" + instance.region() + ":" + instance.account() + ":snapshot:" + id;
      Facts facts = Facts.builder().put("public", restore.contains("all"))
          .put("shared_with", restore.stream().filter(a -> !a.equals("all")).sorted().toList()).build();
      out.add(new Resource(instance.provider(), "aws.rds.snapshot", arn, id, instance.account(),
          instance.region(), facts, origin));
    }
    return out;
  }
}
