package dev.kumo.ingest.cloudfront;

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
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.netlogs.ContentId;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.ingest.netlogs.WebFields;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Amazon CloudFront standard access logs, normalized into OCSF HTTP Activity (4002): the
 * tab-separated W3C text delivered to S3 (legacy logging and standard logging v2), and v2's JSON
 * output, which uses the same field names.
 */
public final class CloudFrontSource implements JsonLogSource, TextLogSource {
  public static final String ID = "aws.cloudfront";
  private static final String SERVICE = "cloudfront.amazonaws.com";
  private static final int MAX_OPERATION = 200;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Amazon CloudFront access logs";
  }

  @Override
  public String examplePath() {
    return "cloudfront-logs/E2EXAMPLE1ABCD.2024-05-01-10.a1b2c3d4.gz";
  }

  @Override
  public List<String> layouts() {
    return List.of("standard log text with #Version and #Fields lines (legacy and v2 W3C)",
        "headerless standard-format lines", "standard logging v2 JSON");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.HTTP_ACTIVITY;
  }

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    return Optional.ofNullable(CloudFrontLineParser.forFile(firstLines));
  }

  @Override
  public boolean recognizes(JsonObject r) {
    return r.has("x-edge-location") || r.has("x-edge-request-id") && r.has("cs-method");
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    String date = Values.text(r, "date");
    String clock = Values.text(r, "time");
    Instant time = date == null || clock == null ? null : Times.text(date + 'T' + clock + 'Z');
    String method = Values.text(r, "cs-method");
    String stem = Values.text(r, "cs-uri-stem");
    String query = Values.text(r, "cs-uri-query");
    String url = stem == null ? null : query == null ? stem : stem + '?' + query;
    String distribution = Values.text(r, "cs(Host)");
    String host = Values.text(r, "x-host-header");
    String userAgent = Values.text(r, "cs(User-Agent)");
    Long status = Values.toLong(r.get("sc-status"));
    String result = Values.text(r, "x-edge-result-type");
    String error = result != null && (result.equals("Error") || result.endsWith("Exceeded"))
        ? firstNonNull(Values.text(r, "x-edge-detailed-result-type"), result) : null;
    String operation = method == null && url == null ? null : Values.truncate(Values.label(method, url), MAX_OPERATION);
    return new NormalizedEvent(ContentId.of(r), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID,
        OcsfClass.HTTP_ACTIVITY, new CloudContext("AWS", null, null), Actor.UNKNOWN,
        new Endpoint(Values.address(Values.text(r, "c-ip")), null, Values.port(r.get("c-port")),
            userAgent == null ? null : WebFields.decodeUserAgent(userAgent), false),
        new Endpoint(null, host != null ? host : distribution, null, null, false),
        new ApiCall(SERVICE, operation, Values.text(r, "x-edge-request-id"), error, null, null),
        distribution == null ? List.of() : List.of(new ResourceRef(distribution, "AWS::CloudFront::Distribution", null)),
        new HttpRequest(method, url, status == null ? null : status.intValue(), Values.toLong(r.get("cs-bytes")),
            Values.toLong(r.get("sc-bytes")), Values.text(r, "cs-protocol-version"), null, null),
        WebFields.attach(r, url, userAgent), origin);
  }

  private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
    return a != null ? a : b;
  }
}
