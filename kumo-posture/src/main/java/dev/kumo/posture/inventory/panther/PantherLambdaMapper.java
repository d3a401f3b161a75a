package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.object;
import static dev.kumo.posture.inventory.panther.PantherFields.present;
import static dev.kumo.posture.inventory.panther.PantherFields.string;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Resource;
import java.util.Set;

/**
 * {@code AWS.Lambda.Function} snapshots → {@code aws.lambda.function}. The resource policy is the
 * {@code Policy.Policy} text of {@code GetPolicy}; a snapshot without {@code Policy} has none.
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
    JsonObject wrapper = object(s, "Policy");
    f.put("has_policy", wrapper != null);
    if (wrapper != null) {
      f.put("policy", present(wrapper, "Statement") ? PantherFields.policy(s, "Policy")
          : PantherFields.policy(wrapper, "Policy"));
    }
    f.put("role", string(s, "Role"));
    f.put("runtime", string(s, "Runtime"));
    JsonObject url = object(s, "FunctionUrlConfig");
    if (url != null) {
      f.put("url_auth_type", string(url, "AuthType"));
    }
    String name = PantherFields.first(s, "Name", "FunctionName");
    return PantherFields.resource("aws.lambda.function", s, null, name, f.build(), origin);
  }
}
