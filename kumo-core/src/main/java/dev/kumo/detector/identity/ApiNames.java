package dev.kumo.detector.identity;

import dev.kumo.event.ApiCall;
import org.jspecify.annotations.Nullable;

/** API names as the identity detectors use them: {@code service:operation}, and whether a call only reads. */
public final class ApiNames {
  private ApiNames() {}

  /** Operation prefixes of calls that only read, for logs that do not say ({@code readOnly} absent). */
  private static final String[] READ_PREFIXES = {"Get", "List", "Describe", "Head", "Lookup", "Search", "BatchGet",
      "Query", "Scan", "Select", "Check", "Validate", "Estimate", "Preview", "Simulate", "View", "Test"};

  /** {@code iam.amazonaws.com} + {@code CreateUser} → {@code iam:CreateUser}; null when either is missing. */
  static @Nullable String of(ApiCall api) {
    return of(api.service(), api.operation());
  }

  /** Whether {@link #of(ApiCall)} gives a name (without building it). */
  static boolean isNamed(ApiCall api) {
    return api.service() != null && api.operation() != null && !api.service().isEmpty()
        && !api.operation().isEmpty();
  }

  /** As {@link #of(ApiCall)}, from the service and operation. */
  public static @Nullable String of(@Nullable String service, @Nullable String op) {
    if (service == null || op == null || service.isEmpty() || op.isEmpty()) {
      return null;
    }
    return shortService(service) + ":" + op;
  }

  /** {@code iam.amazonaws.com} → {@code iam}; other names unchanged. */
  static String shortService(String service) {
    return service.endsWith(".amazonaws.com") ? service.substring(0, service.length() - ".amazonaws.com".length())
        : service;
  }

  /** Whether the call only reads: the log's {@code readOnly} when present, else the operation's verb. */
  static boolean isReadOnly(ApiCall api) {
    if (api.readOnly() != null) {
      return api.readOnly();
    }
    String op = api.operation();
    if (op == null) {
      return true;
    }
    for (String p : READ_PREFIXES) {
      if (op.startsWith(p) && (op.length() == p.length() || Character.isUpperCase(op.charAt(p.length())))) {
        return true;
      }
    }
    return false;
  }
}
