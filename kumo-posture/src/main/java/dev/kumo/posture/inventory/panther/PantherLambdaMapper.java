package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.looseString;
import static dev.kumo.posture.inventory.panther.PantherFields.present;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Resource;
import java.util.Set;

/**
 * {@code AWS.Lambda.Function} snapshots → {@code aws.lambda.function}. The resource policy is the
 * {@code Policy.Policy} text of {@code GetPolicy} (a bare policy text or object is read too); Panther leaves
 * {@code Policy} out when the function has none, so a snapshot without it has {@code has_policy}=false.
 */
public final class PantherLambdaMapper implements PantherMapper {
  @Override
  public Set<String> types() {
    return Set.of("AWS.Lambda.Function");
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    Facts.Builder f = Facts.builder();
    // Panther leaves Policy out (or null) when GetPolicy found none: a function without a resource policy
    Object raw = PantherFields.value(s, "Policy");
    f.put("has_policy", raw != null);
    if (raw instanceof JsonObject wrapper && present(wrapper, "Policy")) {
      f.put("policy", PantherFields.policy(wrapper, "Policy"));
    } else if (raw != null) {
      f.put("policy", PantherFields.policy(s, "Policy"));
    }
    f.put("role", looseString(s, "Role"));
    f.put("runtime", looseString(s, "Runtime"));
    JsonObject url = PantherFields.object(s, "FunctionUrlConfig");
    if (url != null) {
      f.put("has_url", true).put("url_auth_type", looseString(url, "AuthType"));
    }
    String name = PantherFields.first(s, "Name", "FunctionName");
    return PantherFields.resource("aws.lambda.function", s, null, name, f.build(), origin);
  }
}
