package dev.kumo.ingest.github;

import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Endpoint;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.Origin;
import dev.kumo.event.ResourceRef;
import dev.kumo.ingest.JsonLogSource;
import dev.kumo.ingest.support.Values;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GitHub Enterprise and organization audit log events: the REST API's JSON arrays
 * ({@code /orgs/{org}/audit-log}, {@code /enterprises/{e}/audit-log}), audit log streaming
 * (JSON Lines, gzip) and Panther {@code GitHub.Audit}. Normalizes into OCSF API Activity (6003).
 */
public final class GitHubAuditSource implements JsonLogSource {
  public static final String ID = "github.audit";

  /** Members of which at least one accompanies {@code action} and {@code actor} in every audit event. */
  private static final String[] MARKERS = {"created_at", "@timestamp", "_document_id", "org", "repo", "business",
      "user", "actor_ip", "actor_location", "programmatic_access_type", "operation_type", "org_id"};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "GitHub audit log";
  }

  @Override
  public String examplePath() {
    return "github-audit/2024/05/01/00/audit-log.json.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("audit log REST API pages (JSON arrays)", "audit log streaming (JSON Lines, gzip)",
        "Panther GitHub.Audit");
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("GitHub.Audit");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.API_ACTIVITY;
  }

  @Override
  public boolean recognizes(JsonObject r) {
    if (!(r.get("action") instanceof String action) || action.indexOf('.') <= 0 || action.indexOf(' ') >= 0) {
      return false;
    }
    if (!(r.get("actor") instanceof String) && !r.has("actor_id")) {
      return onlyAction(r); // Panther's curated fragments: {"action": "repo.destroy"}
    }
    for (String m : MARKERS) {
      if (r.has(m)) {
        return true;
      }
    }
    return false;
  }

  private static boolean onlyAction(JsonObject r) {
    for (int i = 0, n = r.size(); i < n; i++) {
      String k = r.keyAt(i);
      if (!k.equals("action") && !k.startsWith("p_")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    Instant time = Values.time(r.get("@timestamp"));
    if (time == null) {
      time = Values.time(r.get("created_at"));
    }
    if (time == null) {
      time = Values.time(r.get("timestamp"));
    }
    if (time == null) {
      time = NormalizedEvent.UNKNOWN_TIME;
    }
    String id = Values.text(r, "_document_id");
    if (id == null) {
      id = Values.contentId(r);
    }
    String business = Values.text(r, "business");
    String org = Values.text(r, "org");
    String actorName = Values.text(r, "actor");
    Actor actor = actorName == null && r.get("actor_id") == null ? Actor.UNKNOWN
        : new Actor(Values.isTrue(r.get("actor_is_bot")) ? "Bot" : "User", actorName, Values.scalar(r, "actor_id"),
            actorName, Values.scalar(r, "token_id"), null, null, null, null);
    String ip = Values.text(r, "actor_ip");
    String ua = Values.text(r, "user_agent");
    Endpoint src = ip == null || IpAddress.isAddress(ip) ? new Endpoint(ip, null, null, ua, false)
        : new Endpoint(null, ip, null, ua, false);
    return new NormalizedEvent(id, time, ID, OcsfClass.API_ACTIVITY,
        new CloudContext("GitHub", business != null ? business : org, null), actor, src, null,
        new ApiCall("github", Values.text(r, "action"), Values.text(r, "request_id"), null, null, null),
        resources(r, org), null, r, origin);
  }

  private static List<ResourceRef> resources(JsonObject r, @Nullable String org) {
    List<ResourceRef> out = new ArrayList<>(2);
    String repo = Values.text(r, "repo");
    if (repo == null) {
      repo = Values.text(r, "repository");
    }
    if (repo != null) {
      out.add(new ResourceRef(repo, "repository", org));
    }
    String user = Values.text(r, "user");
    if (user != null) {
      out.add(new ResourceRef(user, "user", org));
    }
    if (out.isEmpty() && org != null) {
      out.add(new ResourceRef(org, "organization", org));
    }
    return out;
  }
}
