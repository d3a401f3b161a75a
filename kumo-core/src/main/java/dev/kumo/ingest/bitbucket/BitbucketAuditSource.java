package dev.kumo.ingest.bitbucket;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.Authentication;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Bitbucket Data Center (and Server 7.x+) audit log: the Atlassian audit file
 * {@code <home>/log/audit/*.audit.log}, one JSON object per line with {@code auditType},
 * {@code author}, {@code affectedObjects}, {@code changedValues}, {@code source} and
 * {@code timestamp} ({@code {"epochSecond":..,"nano":..}}). Events of the Authentication category
 * normalize into OCSF Authentication (3002), the others into API Activity (6003). Jira and
 * Confluence Data Center write the same audit file format; their files are read as this source too.
 */
public final class BitbucketAuditSource implements JsonLogSource {
  public static final String ID = "bitbucket.audit";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Bitbucket Data Center audit log";
  }

  @Override
  public String examplePath() {
    return "/var/atlassian/application-data/bitbucket/log/audit/20240501-00000.audit.log";
  }

  @Override
  public List<String> layouts() {
    return List.of("Atlassian audit log files *.audit.log (JSON Lines)");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return r.get("auditType") instanceof JsonObject t && t.get("action") instanceof String
        && (r.has("author") || r.has("affectedObjects") || r.has("system") || r.has("timestamp"));
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    Instant time = time(r.get("timestamp"));
    JsonObject type = r.getObject("auditType");
    String action = Values.text(type, "action");
    String category = Values.text(type, "category");
    JsonObject author = r.getObject("author");
    String authorName = Values.text(author, "name");
    Actor actor = authorName == null ? Actor.UNKNOWN
        : new Actor(Values.text(author, "type"), authorName, Values.scalar(author, "id"), authorName, null, null, null,
            null, null);
    boolean authentication = "Authentication".equalsIgnoreCase(category);
    Authentication auth = null;
    if (authentication) {
      boolean failed = action != null && action.toLowerCase(Locale.ROOT).contains("fail");
      auth = new Authentication(failed ? "failure" : "success", failed ? action : null, Values.text(r, "method"),
          "Bitbucket");
    }
    return new NormalizedEvent(Values.contentId(r), time, ID,
        authentication ? OcsfClass.AUTHENTICATION : OcsfClass.API_ACTIVITY,
        new CloudContext("Bitbucket", Values.text(r, "system"), null), actor, source(Values.text(r, "source")), null,
        new ApiCall("bitbucket", action, null, null, null, null), resources(r), auth, r, origin);
  }

  /** The Atlassian {@code {"epochSecond","nano"}} form, ISO text or epoch numbers. */
  private static Instant time(@Nullable Object v) {
    Instant t = null;
    if (v instanceof JsonObject o) {
      Long seconds = Values.number(o, "epochSecond");
      Long nano = Values.number(o, "nano");
      if (seconds != null && Math.abs(seconds) < 100_000_000_000L) {
        t = Instant.ofEpochSecond(seconds, nano == null || nano < 0 || nano > 999_999_999 ? 0 : nano);
      }
    } else {
      t = Values.time(v);
    }
    return t == null ? NormalizedEvent.UNKNOWN_TIME : t;
  }

  /** The client address: the first of a proxy chain {@code "203.0.113.9,10.0.0.5"}. */
  private static Endpoint source(@Nullable String source) {
    if (source == null) {
      return Endpoint.UNKNOWN;
    }
    int comma = source.indexOf(',');
    String first = (comma < 0 ? source : source.substring(0, comma)).trim();
    return IpAddress.isAddress(first) ? new Endpoint(first, null, null, null, false)
        : new Endpoint(null, first, null, null, false);
  }

  private static List<ResourceRef> resources(JsonObject r) {
    if (!(r.get("affectedObjects") instanceof JsonArray a) || a.isEmpty()) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (o instanceof JsonObject obj) {
        String name = Values.text(obj, "name");
        out.add(new ResourceRef(name != null ? name : Values.scalar(obj, "id"), Values.text(obj, "type"), null));
      }
    }
    return out;
  }
}
