package dev.kumo.ingest.cloudtrail;

import dev.kumo.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * CloudTrail records whose structural keys were lower-cased by the export (Athena / Glue tables,
 * some SIEM pipelines): {@code eventname}, {@code useridentity.sessioncontext}... Restores
 * CloudTrail's own key spelling so rules and normalization see the documented names. Keys inside
 * request parameters, response elements and additional data are left as they are (exports keep them
 * as JSON text with their original case).
 */
final class LowercaseKeys {
  private LowercaseKeys() {}

  private static final String[] TOP = {"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
      "awsRegion", "sourceIPAddress", "userAgent", "errorCode", "errorMessage", "requestParameters",
      "responseElements", "additionalEventData", "requestID", "requestId", "eventID", "readOnly", "resources",
      "eventType", "apiVersion", "managementEvent", "recipientAccountId", "serviceEventDetails", "sharedEventID",
      "vpcEndpointId", "vpcEndpointAccountId", "eventCategory", "addendum", "sessionCredentialFromConsole",
      "edgeDeviceDetails", "tlsDetails", "insightDetails"};
  private static final String[] IDENTITY = {"type", "principalId", "arn", "accountId", "accessKeyId", "userName",
      "sessionContext", "invokedBy", "identityProvider", "credentialId", "onBehalfOf", "inScopeOf",
      "sessionIssuer", "webIdFederationData", "attributes", "creationDate", "mfaAuthenticated", "sourceIdentity",
      "ec2RoleDelivery", "ec2IssuedInVPC", "assumedRoot", "federatedProvider", "tlsVersion", "cipherSuite",
      "clientProvidedHostHeader", "ARN", "accountID", "resourceType"};
  private static final Map<String, String> CANONICAL = new HashMap<>();

  static {
    for (String k : TOP) {
      CANONICAL.put(k.toLowerCase(java.util.Locale.ROOT), k);
    }
    for (String k : IDENTITY) {
      CANONICAL.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), k);
    }
  }

  /** Whether the record looks like a CloudTrail record with lower-cased keys. */
  static boolean applies(JsonObject r) {
    return r.get("eventsource") instanceof String && r.get("eventname") instanceof String
        && (r.has("eventtime") || r.has("eventversion"));
  }

  /** The record with CloudTrail's key spelling restored (structural keys only). */
  static JsonObject restore(JsonObject r) {
    return restore(r, true);
  }

  private static JsonObject restore(JsonObject o, boolean top) {
    JsonObject.Builder b = JsonObject.builder();
    for (int i = 0; i < o.size(); i++) {
      String key = o.keyAt(i);
      String canonical = CANONICAL.getOrDefault(key, key);
      Object v = o.valueAt(i);
      boolean structural = top ? canonical.equals("userIdentity") || canonical.equals("tlsDetails")
          : canonical.equals("sessionContext") || canonical.equals("sessionIssuer") || canonical.equals("attributes")
              || canonical.equals("webIdFederationData") || canonical.equals("onBehalfOf");
      if (v instanceof JsonObject inner && structural) {
        v = restore(inner, false);
      }
      b.put(canonical, v);
    }
    return b.build();
  }
}
