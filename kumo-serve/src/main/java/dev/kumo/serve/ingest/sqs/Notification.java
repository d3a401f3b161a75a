package dev.kumo.serve.ingest.sqs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one SQS message body announces: the objects created, and how many other records it held
 * (test events, deletions and other event kinds, skipped).
 *
 * <p>Understood bodies: an S3 event notification ({@code {"Records":[{"eventName":"ObjectCreated:Put",
 * "s3":{"bucket":{"name":...},"object":{"key":...}}}]}}, keys URL-encoded with {@code +} for space);
 * S3's {@code s3:TestEvent}; CloudTrail's SNS notice ({@code {"s3Bucket":...,"s3ObjectKey":[...]}}, keys
 * as they are); and either of those wrapped in an SNS notification envelope ({@code "Type":"Notification"}
 * with the payload as the {@code Message} string), as SNS delivers to SQS without raw message delivery.
 */
public record Notification(List<S3Object> objects, int skipped) {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(1 << 20).build())
      .build();
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9._-]{1,255}");

  public Notification {
    objects = List.copyOf(objects);
  }

  /** A body that is not a notification Kumo understands; the message is a short reason, no content. */
  public static final class MalformedException extends Exception {
    MalformedException(String reason) {
      super(reason);
    }
  }

  /** Reads a message body. */
  public static Notification parse(String body) throws MalformedException {
    JsonObject top = object(body, "the message body");
    if ("Notification".equals(top.getString("Type")) && top.get("Message") instanceof String inner) {
      return payload(object(inner, "the SNS message"));
    }
    return payload(top);
  }

  private static JsonObject object(String text, String what) throws MalformedException {
    Object v;
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new MalformedException(what + " is empty");
      }
      v = JsonTreeReader.readValue(p, first);
      if (p.nextToken() != null) {
        throw new MalformedException(what + " holds more than one JSON value");
      }
    } catch (JsonProcessingException e) {
      // Line and column only: the parser's message would quote the (attacker's) text.
      JsonLocation at = e.getLocation();
      throw new MalformedException(what + " is not JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException | JsonTreeReader.JsonFormatException e) {
      throw new MalformedException(what + " cannot be read as JSON");
    }
    if (!(v instanceof JsonObject o)) {
      throw new MalformedException(what + " is not a JSON object");
    }
    return o;
  }

  private static Notification payload(JsonObject o) throws MalformedException {
    if (o.get("Records") instanceof JsonArray records) {
      return s3Event(records);
    }
    if (o.get("s3ObjectKey") instanceof JsonArray keys) {
      return cloudTrail(o, keys);
    }
    Object event = o.get("Event");
    if (event instanceof String e && e.endsWith(":TestEvent")) {
      return new Notification(List.of(), 1);
    }
    throw new MalformedException("not an S3 event notification (no Records, s3ObjectKey or test event)");
  }

  private static Notification s3Event(JsonArray records) throws MalformedException {
    List<S3Object> out = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < records.size(); i++) {
      if (!(records.get(i) instanceof JsonObject r)) {
        throw new MalformedException("record " + i + " is not a JSON object");
      }
      String source = r.getString("eventSource");
      String name = r.getString("eventName");
      if ((source != null && !source.equals("aws:s3")) || name == null || !created(name)) {
        skipped++;
        continue;
      }
      JsonObject s3 = r.getObject("s3");
      JsonObject bucket = s3 == null ? null : s3.getObject("bucket");
      JsonObject object = s3 == null ? null : s3.getObject("object");
      String bucketName = bucket == null ? null : bucket.getString("name");
      String key = object == null ? null : object.getString("key");
      if (bucketName == null || key == null) {
        throw new MalformedException("record " + i + " has no s3.bucket.name or s3.object.key");
      }
      Long size = object.get("size") instanceof Number n ? Long.valueOf(n.longValue()) : null;
      out.add(new S3Object(bucket(bucketName, i), decode(key, i), size));
    }
    return new Notification(out, skipped);
  }

  private static boolean created(String eventName) {
    String n = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
    return n.startsWith("ObjectCreated:");
  }

  private static Notification cloudTrail(JsonObject o, JsonArray keys) throws MalformedException {
    String bucketName = o.getString("s3Bucket");
    if (bucketName == null) {
      throw new MalformedException("CloudTrail notice without s3Bucket");
    }
    String bucket = bucket(bucketName, 0);
    List<S3Object> out = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!(keys.get(i) instanceof String key) || key.isEmpty()) {
        throw new MalformedException("s3ObjectKey " + i + " is not a key");
      }
      out.add(new S3Object(bucket, key, null));
    }
    return new Notification(out, 0);
  }

  private static String bucket(String name, int record) throws MalformedException {
    if (!BUCKET.matcher(name).matches()) {
      throw new MalformedException("record " + record + " names an invalid bucket");
    }
    return name;
  }

  /** S3 notification keys are URL-encoded as in a form: {@code +} is a space, {@code %XX} a byte. */
  private static String decode(String key, int record) throws MalformedException {
    String k;
    try {
      k = URLDecoder.decode(key, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new MalformedException("record " + record + " has a badly URL-encoded key");
    }
    if (k.isEmpty()) {
      throw new MalformedException("record " + record + " has an empty key");
    }
    return k;
  }
}
