package dev.kumo.ingest.waf;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.ingest.netlogs.WebFields;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * AWS WAF (v2 and Classic) web ACL logs as delivered to S3, CloudWatch Logs and Firehose, and
 * Panther's {@code AWS.WAFWebACL} records (same layout), normalized into OCSF HTTP Activity (4002):
 * the client, the request, the action ({@code allow}, {@code block}, {@code count}, {@code captcha},
 * {@code challenge}) and the rule that decided it.
 */
public final class WafSource implements JsonLogSource {
  public static final String ID = "aws.waf";
  private static final String SERVICE = "wafv2.amazonaws.com";
  private static final int MAX_OPERATION = 200;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "AWS WAF logs";
  }

  @Override
  public String examplePath() {
    return "AWSLogs/123456789012/WAFLogs/us-east-1/web-acl-prod/2024/05/01/10/05/123456789012_waflogs_us-east-1_web-acl-prod_20240501T1005Z_ab12cd34.log.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("JSON Lines as delivered to S3, CloudWatch Logs and Firehose", "Panther AWS.WAFWebACL records");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.HTTP_ACTIVITY;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("AWS.WAFWebACL");
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return r.get("webaclId") instanceof String && (r.get("httpRequest") instanceof JsonObject || r.has("terminatingRuleId"));
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    JsonObject req = r.getObject("httpRequest");
    Instant time = Times.parse(r.get("timestamp"));
    String acl = Values.text(r, "webaclId");
    String action = Values.text(r, "action");
    String method = Values.text(req, "httpMethod");
    String uri = Values.text(req, "uri");
    String args = Values.text(req, "args");
    String url = uri == null ? null : args == null ? uri : uri + '?' + args;
    String host = Values.text(req, "host");
    if (host == null) {
      host = header(req, "host");
    }
    String requestId = Values.text(req, "requestId");
    Long status = Values.toLong(r.get("responseCodeSent"));
    String operation = Values.label(action, method == null && url == null ? null
        : Values.truncate(Values.label(method, url), MAX_OPERATION));
    return new NormalizedEvent(requestId != null ? requestId : ContentId.of(r),
        time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID, OcsfClass.HTTP_ACTIVITY,
        new CloudContext("AWS", Values.arnPart(acl, 4), Values.arnPart(acl, 3)), Actor.UNKNOWN,
        new Endpoint(Values.address(Values.text(req, "clientIp")), null, null, header(req, "user-agent"), false),
        new Endpoint(null, host, null, null, false),
        new ApiCall(SERVICE, operation, requestId, null, null, null),
        acl == null ? List.of() : List.of(new ResourceRef(acl, "AWS::WAFv2::WebACL", Values.arnPart(acl, 4))),
        new HttpRequest(method, url, status == null ? null : status.intValue(), null, null,
            Values.text(req, "httpVersion"), action == null ? null : action.toLowerCase(Locale.ROOT), rule(r)),
        WebFields.attach(r, url, null), origin);
  }

  /** The first value of request header {@code name} (compared ignoring case), or null. */
  private static @Nullable String header(@Nullable JsonObject req, String name) {
    if (req == null || !(req.get("headers") instanceof JsonArray headers)) {
      return null;
    }
    for (Object h : headers) {
      if (h instanceof JsonObject o && o.get("name") instanceof String n && n.equalsIgnoreCase(name)) {
        return Values.present(o.get("value"));
      }
    }
    return null;
  }

  /**
   * The rule that decided: {@code terminatingRuleId}, followed by {@code /ruleId} when a managed
   * rule group names the rule inside it that terminated.
   */
  private static @Nullable String rule(JsonObject r) {
    String terminating = Values.text(r, "terminatingRuleId");
    if (r.get("ruleGroupList") instanceof JsonArray groups) {
      for (Object g : groups) {
        if (g instanceof JsonObject group && group.get("terminatingRule") instanceof JsonObject t) {
          String inner = Values.text(t, "ruleId");
          if (inner != null) {
            return terminating == null ? inner : terminating + "/" + inner;
          }
        }
      }
    }
    return terminating;
  }
}
