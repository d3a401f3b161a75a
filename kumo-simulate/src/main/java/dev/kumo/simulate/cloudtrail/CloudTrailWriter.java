package dev.kumo.simulate.cloudtrail;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.simulate.engine.RandomIds;
import dev.kumo.simulate.io.GzipFile;
import dev.kumo.simulate.io.Tally;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes CloudTrail events as delivery files in the S3 layout
 * {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<16 alnum>.json.gz}:
 * one open file per account and region, holding the events of a five-minute window (a new file
 * after {@value #MAX_RECORDS} records), each {@code {"Records":[...]}}. Events must come in time
 * order. Adds the ids, TLS details and constant fields real events carry. Not thread-safe.
 */
public final class CloudTrailWriter implements Closeable {
  public static final String SOURCE = "aws.cloudtrail";
  static final long WINDOW = 5 * 60_000L;
  static final int MAX_RECORDS = 2_000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  private final Path root;
  private final SplittableRandom random;
  private final Tally tally;
  private final JsonFactory json = new JsonFactory();
  private final Timestamps times = new Timestamps();
  private final Map<String, Open> open = new LinkedHashMap<>();

  /** Writes under {@code root}; {@code random} draws ids and file names. */
  public CloudTrailWriter(Path root, SplittableRandom random, Tally tally) {
    this.root = root;
    this.random = random;
    this.tally = tally;
    json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the file is closed into the tally
  }

  private static final class Open {
    final GzipFile file;
    final JsonGenerator g;
    final long window;
    int records;

    Open(GzipFile file, JsonGenerator g, long window) {
      this.file = file;
      this.g = g;
      this.window = window;
    }
  }

  /** Writes {@code e} to its account and region's current file; returns the {@code eventID} it was given. */
  public String write(ApiEvent e) {
    try {
      Open f = fileFor(e.account, e.region, e.time);
      String eventId = writeEvent(f.g, e);
      f.records++;
      tally.event(SOURCE, e.account, e.region);
      return eventId;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private Open fileFor(String account, String region, long time) throws IOException {
    String key = account + "/" + region;
    long window = Math.floorDiv(time, WINDOW);
    Open f = open.get(key);
    if (f != null && f.window == window && f.records < MAX_RECORDS) {
      return f;
    }
    if (f != null) {
      close(f);
    }
    Instant delivered = Instant.ofEpochMilli((window + 1) * WINDOW);
    String name = account + "_CloudTrail_" + region + "_" + STAMP.format(delivered) + "_" + RandomIds.alnum(random, 16)
        + ".json.gz";
    Path path = root.resolve("AWSLogs").resolve(account).resolve("CloudTrail").resolve(region)
        .resolve(DAY.format(delivered)).resolve(name);
    GzipFile file = GzipFile.create(path, tally.deflation());
    JsonGenerator g = json.createGenerator(file, JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeArrayFieldStart("Records");
    Open o = new Open(file, g, window);
    open.put(key, o);
    return o;
  }

  private void close(Open f) throws IOException {
    f.g.writeEndArray();
    f.g.writeEndObject();
    f.g.close();
    f.file.closeInto(tally, SOURCE);
  }

  private String writeEvent(JsonGenerator g, ApiEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField("eventVersion", e.management ? "1.10" : "1.09");
    g.writeFieldName("userIdentity");
    e.identity.write(g, times);
    g.writeStringField("eventTime", times.format(e.time));
    g.writeStringField("eventSource", e.eventSource);
    g.writeStringField("eventName", e.eventName);
    g.writeStringField("awsRegion", e.region);
    g.writeStringField("sourceIPAddress", e.sourceIp);
    g.writeStringField("userAgent", e.userAgent);
    if (e.errorCode != null) {
      g.writeStringField("errorCode", e.errorCode);
      if (e.errorMessage != null) {
        g.writeStringField("errorMessage", e.errorMessage);
      }
    }
    g.writeFieldName("requestParameters");
    body(g, e.request);
    g.writeFieldName("responseElements");
    body(g, e.errorCode == null ? e.response : null);
    if (e.additional != null) {
      g.writeFieldName("additionalEventData");
      e.additional.write(g);
    }
    g.writeStringField("requestID", e.eventSource.equals("s3.amazonaws.com")
        ? RandomIds.hexUpper(random, 16) : RandomIds.uuid(random));
    String eventId = RandomIds.uuid(random);
    g.writeStringField("eventID", eventId);
    g.writeBooleanField("readOnly", e.readOnly);
    if (e.resources != null) {
      g.writeArrayFieldStart("resources");
      for (Resource r : e.resources) {
        g.writeStartObject();
        g.writeStringField("accountId", r.accountId());
        g.writeStringField("type", r.type());
        g.writeStringField("ARN", r.arn());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeStringField("eventType", e.eventType);
    g.writeBooleanField("managementEvent", e.management);
    g.writeStringField("recipientAccountId", e.account);
    if (e.serviceEventDetails != null) {
      g.writeFieldName("serviceEventDetails");
      e.serviceEventDetails.write(g);
    }
    if (e.sharedEventId != null) {
      g.writeStringField("sharedEventID", e.sharedEventId);
    }
    if (e.vpcEndpointId != null) {
      g.writeStringField("vpcEndpointId", e.vpcEndpointId);
      g.writeStringField("vpcEndpointAccountId", e.account);
    }
    g.writeStringField("eventCategory", e.category);
    if (!e.sourceIp.isEmpty() && Character.isDigit(e.sourceIp.charAt(0))) {
      boolean legacyTls = (e.userAgent.hashCode() & 7) == 0;
      g.writeObjectFieldStart("tlsDetails");
      g.writeStringField("tlsVersion", legacyTls ? "TLSv1.2" : "TLSv1.3");
      g.writeStringField("cipherSuite", legacyTls ? "ECDHE-RSA-AES128-GCM-SHA256" : "TLS_AES_128_GCM_SHA256");
      g.writeStringField("clientProvidedHostHeader", e.tlsHost != null ? e.tlsHost : host(e));
      g.writeEndObject();
    }
    if (e.fromConsole) {
      g.writeStringField("sessionCredentialFromConsole", "true");
    }
    g.writeEndObject();
    return eventId;
  }

  private static void body(JsonGenerator g, @org.jspecify.annotations.Nullable Body b) throws IOException {
    if (b == null) {
      g.writeNull();
    } else {
      b.write(g);
    }
  }

  private static String host(ApiEvent e) {
    String service = e.eventSource.substring(0, e.eventSource.length() - ".amazonaws.com".length());
    return switch (service) {
      case "iam" -> "iam.amazonaws.com";
      case "signin" -> "signin.aws.amazon.com";
      case "s3" -> "s3.amazonaws.com";
      case "sso" -> "portal.sso." + e.region + ".amazonaws.com";
      default -> service + "." + e.region + ".amazonaws.com";
    };
  }

  /** Closes every open file. */
  @Override
  public void close() throws IOException {
    for (Open f : new ArrayList<>(open.values())) {
      close(f);
    }
    open.clear();
  }
}
