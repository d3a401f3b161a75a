package dev.kumo.ingest.bedrock;

import static dev.kumo.ingest.values.Values.text;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.values.Values;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Amazon Bedrock model invocation logs, as Bedrock delivers them to S3 or CloudWatch Logs (one JSON
 * object per invocation with the caller, model, operation, token counts and, when enabled, the
 * prompt and response), and Panther's {@code AWS.BedrockModelInvocation}. Normalizes into OCSF API
 * Activity (6003): service {@code bedrock.amazonaws.com}, the Bedrock operation, the actor from
 * {@code identity.arn}. The logs carry no source address.
 */
public final class BedrockSource implements JsonLogSource {
  public static final String ID = "aws.bedrock";
  static final String SERVICE = "bedrock.amazonaws.com";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Amazon Bedrock model invocation logs";
  }

  @Override
  public String examplePath() {
    return "AWSLogs/123456789012/BedrockModelInvocationLogs/us-east-1/2024/05/01/10/20240501T101500512Z_7f3c9e1d2a4b5c6d.json.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("S3 delivery files (JSON Lines, .json.gz) and CloudWatch Logs exports of invocation records",
        "Panther AWS.BedrockModelInvocation (p_log_type)");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("AWS.BedrockModelInvocation");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if ("ModelInvocationLog".equals(r.get("schemaType"))) {
      return true;
    }
    return r.get("modelId") instanceof String && r.get("operation") instanceof String
        && r.get("identity") instanceof JsonObject && r.has("requestId");
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    if (!recognizes(r) && !(r.get("p_log_type") instanceof String)) {
      throw new InvalidRecordException(ProblemKind.NOT_SOURCE_RECORD,
          "not a Bedrock model invocation record (no schemaType, modelId or operation); skipped");
    }
    String requestId = text(r, "requestId");
    String id = requestId != null ? requestId : Values.contentId(r);
    Instant time = Values.time(r.get("timestamp"));
    String modelId = text(r, "modelId");
    List<ResourceRef> resources = modelId == null ? List.of()
        : List.of(new ResourceRef(modelId, "AWS::Bedrock::Model", arnAccount(modelId)));
    JsonObject identity = r.getObject("identity");
    return new NormalizedEvent(id, time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID, OcsfClass.API_ACTIVITY,
        new CloudContext("AWS", text(r, "accountId"), text(r, "region")), actor(text(identity, "arn")),
        Endpoint.UNKNOWN, null, new ApiCall(SERVICE, text(r, "operation"), requestId, text(r, "errorCode"), null,
            null), resources, null, r, origin);
  }

  /**
   * The actor of an IAM ARN: {@code assumed-role/ROLE/SESSION} (user name: the role, as CloudTrail
   * gives it), {@code user/PATH/NAME}, {@code root}; other ARNs keep only the ARN.
   */
  static Actor actor(@Nullable String arn) {
    if (arn == null) {
      return Actor.UNKNOWN;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) {
      return new Actor(null, arn, null, null, null, null, null, null, null);
    }
    String resource = parts[5];
    String type = null;
    String name = null;
    if (resource.startsWith("assumed-role/")) {
      type = "AssumedRole";
      String[] segs = resource.split("/");
      name = segs.length >= 2 ? segs[1] : null;
    } else if (resource.startsWith("user/")) {
      type = "IAMUser";
      name = resource.substring(resource.lastIndexOf('/') + 1);
    } else if (resource.equals("root")) {
      type = "Root";
      name = "root";
    } else if (resource.startsWith("federated-user/")) {
      type = "FederatedUser";
      name = resource.substring(resource.lastIndexOf('/') + 1);
    }
    return new Actor(type, arn, null, name == null || name.isEmpty() ? null : name, null, null, null, null, null);
  }

  private static @Nullable String arnAccount(String arn) {
    if (!arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length >= 5 && !parts[4].isEmpty() ? parts[4] : null;
  }
}
