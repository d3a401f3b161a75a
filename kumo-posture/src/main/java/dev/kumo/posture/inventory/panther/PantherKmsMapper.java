package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.account;
import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.policyOrNull;
import static dev.kumo.posture.inventory.panther.PantherFields.region;
import static dev.kumo.posture.inventory.panther.PantherFields.string;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.util.Set;

/**
 * Maps Panther {@code AWS.KMS.Key} snapshots to {@code aws.kms.key}. A key policy that is not a policy
 * document (Panther's examples hold placeholder text) leaves {@code policy} absent, so policy checks say
 * unknown while the other facts still count.
 */
public final class PantherKmsMapper implements PantherMapper {
  @Override
  public Set<String> types() {
    return Set.of("AWS.KMS.Key");
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    if (!type.equals("AWS.KMS.Key")) {
      throw new IllegalArgumentException("not a KMS resource type: " + type);
    }
    String arn = string(s, "Arn");
    if (arn == null) {
      throw new IllegalArgumentException("missing Arn");
    }
    String keyId = string(s, "KeyId");
    Facts.Builder f = Facts.builder();
    f.put("key_manager", string(s, "KeyManager"));
    f.put("key_state", string(s, "KeyState"));
    if (s.has("KeyRotationEnabled")) {
      // rotation is off until someone enables it: a described key with no value has it off
      f.put("rotation_enabled", Boolean.TRUE.equals(bool(s, "KeyRotationEnabled")));
    }
    f.put("policy", policyOrNull(PantherFields.value(s, "Policy")));
    return new Resource(Provider.AWS, "aws.kms.key", arn, keyId != null ? keyId : PantherFields.lastPart(arn),
        account(s, arn), region(s, arn), f.build(), origin);
  }
}
