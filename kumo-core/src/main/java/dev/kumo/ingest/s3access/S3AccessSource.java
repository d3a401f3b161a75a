package dev.kumo.ingest.s3access;

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
import dev.kumo.ingest.netlogs.Sniffing;
import dev.kumo.ingest.netlogs.Times;
import dev.kumo.ingest.netlogs.Values;
import dev.kumo.ingest.netlogs.WebFields;
import dev.kumo.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Amazon S3 server access logs, normalized into OCSF HTTP Activity (4002) with the requester as
 * actor and the operation ({@code REST.GET.OBJECT}) as what happened: the text S3 delivers, and
 * Panther's {@code AWS.S3ServerAccess} JSON, whose lower-case field names Kumo's records use too.
 */
public final class S3AccessSource implements JsonLogSource, TextLogSource {
  public static final String ID = "aws.s3access";
  private static final String SERVICE = "s3.amazonaws.com";
  private static final Set<String> FIELDS = Set.of(S3AccessLineParser.FIELDS);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Amazon S3 server access logs";
  }

  @Override
  public String examplePath() {
    return "s3-access-logs/2024-05-01-10-05-12-A1B2C3D4E5F6A7B8";
  }

  @Override
  public List<String> layouts() {
    return List.of("server access log text as delivered to the target bucket",
        "JSON records with Panther's (AWS.S3ServerAccess) field names");
  }

  @Override
  public OcsfClass ocsfClass() {
    return OcsfClass.HTTP_ACTIVITY;
  }

  @Override
  public Set<String> pantherLogTypes() {
    return Set.of("AWS.S3ServerAccess");
  }

  @Override
  public Optional<LineParser> sniff(List<String> firstLines) {
    return Sniffing.firstOrMost(firstLines, S3AccessLineParser::looksLikeS3Access)
        ? Optional.of(new S3AccessLineParser()) : Optional.empty();
  }

  /** A JSON object with a {@code bucket} and no keys other than server access log fields (any case). */
  @Override
  public boolean recognizes(JsonObject r) {
    if (!(r.get("bucket") instanceof String)) {
      return false;
    }
    for (int i = 0; i < r.size(); i++) {
      String k = r.keyAt(i);
      if (!FIELDS.contains(k) && !k.startsWith("p_") && !FIELDS.contains(k.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public NormalizedEvent normalize(JsonObject r, Origin origin) {
    Instant time = Times.parse(r.get("time"));
    String bucket = Values.text(r, "bucket");
    String key = Values.text(r, "key");
    String operation = Values.text(r, "operation");
    String requestUri = Values.text(r, "requesturi");
    String method = null;
    String url = null;
    String version = null;
    if (requestUri != null) {
      int first = requestUri.indexOf(' ');
      int last = requestUri.lastIndexOf(' ');
      if (first > 0) {
        method = requestUri.substring(0, first);
        boolean hasVersion = last > first && requestUri.startsWith("HTTP/", last + 1);
        url = hasVersion ? requestUri.substring(first + 1, last) : requestUri.substring(first + 1);
        version = hasVersion ? requestUri.substring(last + 1) : null;
      } else {
        url = requestUri;
      }
    }
    if (method == null && operation != null) {
      method = operationMethod(operation);
    }
    Long status = Values.toLong(r.getIgnoreCase("httpstatus"));
    String hostHeader = Values.textIgnoreCase(r, "hostheader");
    String userAgent = Values.textIgnoreCase(r, "useragent");
    return new NormalizedEvent(ContentId.of(r), time == null ? NormalizedEvent.UNKNOWN_TIME : time, ID,
        OcsfClass.HTTP_ACTIVITY, new CloudContext("AWS", null, region(hostHeader)),
        actor(Values.text(r, "requester")),
        new Endpoint(Values.address(Values.text(r, "remoteip")), null, null,
            userAgent == null ? null : WebFields.decodeUserAgent(userAgent), false),
        new Endpoint(null, hostHeader, null, null, true),
        new ApiCall(SERVICE, operation, Values.textIgnoreCase(r, "requestid"), Values.textIgnoreCase(r, "errorcode"),
            null, method == null ? null : method.equals("GET") || method.equals("HEAD")),
        resources(bucket, key),
        new HttpRequest(method, url, status == null ? null : status.intValue(), null,
            Values.toLong(r.getIgnoreCase("bytessent")), version, null, null),
        WebFields.attach(r, url, userAgent), origin);
  }

  /** The HTTP method of a {@code REST.<METHOD>.<RESOURCE>} operation, else null. */
  private static @Nullable String operationMethod(String operation) {
    if (!operation.startsWith("REST.")) {
      return null;
    }
    int dot = operation.indexOf('.', 5);
    return dot > 5 ? operation.substring(5, dot) : null;
  }

  /** The requester: an ARN, a canonical user id, or an AWS service; unknown when absent (anonymous). */
  static Actor actor(@Nullable String requester) {
    if (requester == null) {
      return Actor.UNKNOWN;
    }
    if (requester.startsWith("arn:")) {
      String type = requester.contains(":assumed-role/") ? "AssumedRole" : requester.contains(":user/") ? "IAMUser"
          : requester.endsWith(":root") ? "Root" : requester.contains(":role/") ? "Role" : null;
      int slash = requester.lastIndexOf('/');
      String name = slash > 0 && slash < requester.length() - 1 ? requester.substring(slash + 1) : null;
      return new Actor(type, requester, null, name, null, null, null, null, null);
    }
    if (requester.endsWith(".amazonaws.com") || requester.startsWith("svc:") || requester.equals("AmazonS3")) {
      return new Actor("AWSService", null, requester, requester, null, null, null, null, requester);
    }
    return new Actor(null, null, requester, null, null, null, null, null, null);
  }

  private static List<ResourceRef> resources(@Nullable String bucket, @Nullable String key) {
    if (bucket == null) {
      return List.of();
    }
    List<ResourceRef> out = new ArrayList<>(2);
    out.add(new ResourceRef("arn:aws:s3:::" + bucket, "AWS::S3::Bucket", null));
    if (key != null) {
      out.add(new ResourceRef("arn:aws:s3:::" + bucket + "/" + key, "AWS::S3::Object", null));
    }
    return out;
  }

  /**
   * The region in an S3 host name ({@code b.s3.us-west-1.amazonaws.com}, {@code s3-eu-west-1.amazonaws.com},
   * {@code b.s3.dualstack.us-east-2.amazonaws.com}), else null.
   */
  static @Nullable String region(@Nullable String host) {
    String suffix = ".amazonaws.com";
    if (host == null || !host.endsWith(suffix)) {
      return null;
    }
    String h = host.substring(0, host.length() - suffix.length());
    int at = h.startsWith("s3.") || h.startsWith("s3-") ? 0 : Math.max(h.lastIndexOf(".s3."), h.lastIndexOf(".s3-")) + 1;
    if (at == 0 && !(h.startsWith("s3.") || h.startsWith("s3-"))) {
      return null; // no s3 label
    }
    String rest = h.substring(at + 3);
    if (rest.startsWith("dualstack.")) {
      rest = rest.substring("dualstack.".length());
    }
    boolean oneLabelWithDash = !rest.isEmpty() && rest.indexOf('.') < 0 && rest.indexOf('-') > 0;
    return oneLabelWithDash ? rest : null;
  }
}
