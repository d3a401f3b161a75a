package dev.kumo.ingest.appgateway;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.ingest.netlogs.WebFields;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Azure Application Gateway resource logs of the {@code ApplicationGatewayAccessLog} and
 * {@code ApplicationGatewayFirewallLog} categories, as diagnostic settings write them to storage or
 * Event Hubs ({@code time}/{@code timeStamp}, {@code resourceId}, {@code category},
 * {@code properties}), normalized into OCSF HTTP Activity (4002). Key casing differs between exports
 * ({@code clientIP}, {@code clientIp}), so keys are matched ignoring case. Other categories (the
 * Activity Log's {@code Administrative}, ...) are never claimed.
 */
public final class AppGatewaySource implements JsonLogSource {
  public static final String ID = "azure.appgateway";
  static final String ACCESS = "ApplicationGatewayAccessLog";
  static final String FIREWALL = "ApplicationGatewayFirewallLog";
  private static final String SERVICE = "Microsoft.Network/applicationGateways";
  private static final int MAX_OPERATION = 200;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Azure Application Gateway logs";
  }

  @Override
  public String examplePath() {
    return "insights-logs-applicationgatewayaccesslog/resourceId=/SUBSCRIPTIONS/.../APPLICATIONGATEWAYS/AGW-PROD/y=2024/m=05/d=01/h=10/m=00/PT1H.json";
  }

  @Override
  public List<String> layouts() {
    return List.of("access log (ApplicationGatewayAccessLog) and WAF log (ApplicationGatewayFirewallLog) records",
        "storage exports ({\"records\":[...]}) and JSON Lines (Event Hubs)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.HTTP_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return r.getIgnoreCase("category") instanceof String c && (c.equalsIgnoreCase(ACCESS) || c.equalsIgnoreCase(FIREWALL))
        && r.getIgnoreCase("properties") instanceof JsonObject;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    if (!(r.getIgnoreCase("properties") instanceof JsonObject p)) {
      throw new InvalidRecordException(ProblemKind.MALFORMED_RECORD,
          "Application Gateway record without properties; skipped");
    }
    boolean firewall = r.getIgnoreCase("category") instanceof String c && c.equalsIgnoreCase(FIREWALL);
    Object timeValue = r.getIgnoreCase("time");
    Instant time = Times.parse(timeValue != null ? timeValue : r.getIgnoreCase("timeStamp"));
    String resourceId = Values.textIgnoreCase(r, "resourceId");
    String method = Values.textIgnoreCase(p, "httpMethod");
    String url = Values.textIgnoreCase(p, "originalRequestUriWithArgs");
    if (url == null) {
      String uri = Values.textIgnoreCase(p, "requestUri");
      String query = Values.textIgnoreCase(p, "requestQuery");
      url = uri == null || query == null ? uri : uri + '?' + query;
    }
    Long status = Values.toLong(p.getIgnoreCase("httpStatus"));
    String host = Values.textIgnoreCase(p, firewall ? "hostname" : "originalHost");
    if (host == null) {
      host = Values.textIgnoreCase(p, "host");
    }
    String action = null;
    String rule = null;
    String operation;
    if (firewall) {
      action = firewallAction(Values.textIgnoreCase(p, "action"));
      String ruleId = Values.textIgnoreCase(p, "ruleId");
      String ruleSet = Values.textIgnoreCase(p, "ruleSetType");
      rule = ruleSet == null || ruleId == null ? ruleId : ruleSet + " " + ruleId;
      operation = Values.label("WAF " + (action == null ? "match" : action), rule);
    } else {
      operation = method == null && url == null ? null : Values.truncate(Values.label(method, url), MAX_OPERATION);
    }
    return new NormalizedEvent(ContentId.of(r), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID,
        OcsfClass.HTTP_ACTIVITY, new CloudContext("Azure", subscription(resourceId), null), Actor.UNKNOWN,
        new Endpoint(Values.address(Values.textIgnoreCase(p, "clientIP")), null, Values.port(p.getIgnoreCase("clientPort")),
            Values.textIgnoreCase(p, "userAgent"), false),
        new Endpoint(null, host, null, null, false),
        new ApiCall(SERVICE, operation, Values.textIgnoreCase(p, "transactionId"), null,
            firewall ? Values.textIgnoreCase(p, "message") : null, null),
        resourceId == null ? List.of() : List.of(new ResourceRef(resourceId, SERVICE, subscription(resourceId))),
        new HttpRequest(method, url, status == null ? null : status.intValue(), Values.toLong(p.getIgnoreCase("receivedBytes")),
            Values.toLong(p.getIgnoreCase("sentBytes")), Values.textIgnoreCase(p, "httpVersion"), action, rule),
        WebFields.attach(r, url, null), origin);
  }

  /** WAF log actions: {@code Blocked} → block, {@code Allowed} → allow, {@code Matched}/{@code Detected} → count. */
  private static @Nullable String firewallAction(@Nullable String action) {
    if (action == null) {
      return null;
    }
    return switch (action.toLowerCase(Locale.ROOT)) {
      case "blocked", "block" -> "block";
      case "allowed", "allow" -> "allow";
      case "matched", "detected", "log" -> "count";
      default -> action.toLowerCase(Locale.ROOT);
    };
  }

  /** The subscription id of {@code /SUBSCRIPTIONS/<id>/...}, else null. */
  private static @Nullable String subscription(@Nullable String resourceId) {
    if (resourceId == null || !resourceId.regionMatches(true, 0, "/subscriptions/", 0, 15)) {
      return null;
    }
    int slash = resourceId.indexOf('/', 15);
    return slash > 15 ? resourceId.substring(15, slash) : resourceId.length() > 15 ? resourceId.substring(15) : null;
  }
}
