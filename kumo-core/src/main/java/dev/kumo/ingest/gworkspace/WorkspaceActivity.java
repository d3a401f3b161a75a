package dev.kumo.ingest.gworkspace;

import dev.kumo.ingest.gcp.GcpLogEntries;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * One Workspace audit event read from any of its layouts: a Reports API activity (one event in
 * {@code events[]}), Panther's flattened copy ({@code name}, {@code type}, {@code parameters} as an
 * object) or a Cloud Logging entry ({@code protoPayload.metadata.event[]}).
 *
 * @param application the Reports API application name: {@code admin}, {@code login}, {@code drive} ...
 * @param parameters the event's parameters as an object, name to value (lists for multi-values)
 */
record WorkspaceActivity(@Nullable String application, @Nullable String service, @Nullable String type,
    @Nullable String name, JsonObject parameters, @Nullable String actorEmail, @Nullable String actorId,
    @Nullable String callerType, @Nullable String ip, @Nullable Object time, @Nullable String customer,
    @Nullable String uniqueQualifier) {

  /** Reads the activity of a Reports API or Panther record. */
  static WorkspaceActivity fromReports(JsonObject r) {
    JsonObject id = Values.object(r, "id");
    JsonObject actor = Values.object(r, "actor");
    String app = Values.text(id, "applicationName");
    JsonObject event = r;
    JsonArray events = Values.array(r, "events");
    if (events != null && !events.isEmpty() && events.get(0) instanceof JsonObject first) {
      event = first;
    }
    Object params = Values.member(event, "parameters");
    JsonObject parameters = params instanceof JsonObject o ? o : params instanceof JsonArray a ? parameters(a) : JsonObject.EMPTY;
    return new WorkspaceActivity(app, serviceOf(app), Values.text(event, "type"), Values.text(event, "name"), parameters,
        Values.text(actor, "email"), Values.scalar(actor, "profileId"), Values.text(actor, "callerType"),
        Values.text(r, "ipAddress"), id == null ? null : Values.member(id, "time"), Values.text(id, "customerId"),
        Values.scalar(id, "uniqueQualifier"));
  }

  /** Reads the activity of a Workspace entry in Cloud Logging. */
  static WorkspaceActivity fromLogEntry(JsonObject r) {
    JsonObject pp = GcpLogEntries.protoPayload(r);
    JsonObject md = Values.object(pp, "metadata");
    JsonObject event = JsonObject.EMPTY;
    JsonArray events = Values.array(md, "event");
    if (events != null && !events.isEmpty() && events.get(0) instanceof JsonObject first) {
      event = first;
    }
    JsonArray params = Values.array(event, "parameter");
    String service = Values.text(pp, "serviceName");
    JsonObject activityId = Values.object(md, "activityId");
    Object time = Values.member(r, "timestamp");
    if (time == null && activityId != null) {
      Long usec = Values.number(activityId, "timeUsec");
      time = usec;
    }
    JsonObject auth = Values.object(pp, "authenticationInfo");
    JsonObject meta = Values.object(pp, "requestMetadata");
    return new WorkspaceActivity(applicationOf(service), service, Values.text(event, "eventType"),
        Values.text(event, "eventName"), params == null ? JsonObject.EMPTY : parameters(params),
        Values.text(auth, "principalEmail"), null, null, Values.text(meta, "callerIp"), time,
        GcpLogEntries.owner(r), activityId == null ? null : Values.scalar(activityId, "uniqQualifier"));
  }

  /**
   * The parameters list of the Reports API ({@code value}, {@code multiValue}, {@code intValue},
   * {@code boolValue} ...) or of Cloud Logging ({@code multiStrValue} ...) as one object.
   */
  static JsonObject parameters(JsonArray list) {
    JsonObject.Builder b = JsonObject.builder();
    for (Object o : list) {
      if (!(o instanceof JsonObject p) || !(p.get("name") instanceof String name)) {
        continue;
      }
      for (int i = 0, n = p.size(); i < n; i++) {
        String k = p.keyAt(i);
        if (!k.equals("name") && !k.equals("label") && !k.equals("type")) {
          b.put(name, p.valueAt(i));
          break;
        }
      }
    }
    return b.build();
  }

  /** The Cloud Logging service name of a Reports API application, when Workspace shares it there. */
  static @Nullable String serviceOf(@Nullable String application) {
    if (application == null) {
      return null;
    }
    return switch (application) {
      case "admin" -> "admin.googleapis.com";
      case "login" -> "login.googleapis.com";
      default -> application;
    };
  }

  private static @Nullable String applicationOf(@Nullable String service) {
    if (service == null) {
      return null;
    }
    int dot = service.indexOf('.');
    return dot > 0 ? service.substring(0, dot) : service;
  }
}
