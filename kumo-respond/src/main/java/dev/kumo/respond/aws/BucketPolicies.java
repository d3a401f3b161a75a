package dev.kumo.respond.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The protective bucket policy: the bucket's own policy with one statement ({@value #SID}) added that denies
 * object and version deletion, lifecycle, versioning and policy changes to every principal but the responder's.
 * Every other statement and field of the original is kept as it was; an earlier {@value #SID} statement is
 * replaced, so applying it twice gives the same policy.
 */
public final class BucketPolicies {
  /** The Sid of the statement Kumo adds. */
  public static final String SID = "KumoCaseProtect";
  /** What the statement denies. */
  public static final List<String> DENIED = List.of("s3:DeleteObject", "s3:DeleteObjectVersion",
      "s3:PutLifecycleConfiguration", "s3:PutBucketVersioning", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
  private static final JsonFactory JSON = new JsonFactory();

  private BucketPolicies() {}

  /**
   * @param existing the bucket's policy as GetBucketPolicy returned it; null when it has none
   * @param exempt ARN patterns of the principals still allowed ({@code aws:PrincipalArn}, {@code ArnNotLike})
   * @throws IllegalArgumentException when {@code existing} is not a JSON object
   */
  public static String protect(@Nullable String existing, String bucket, List<String> exempt) {
    String ours = statement(bucket, exempt);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (existing == null || existing.isBlank()) {
        g.writeStringField("Version", "2012-10-17");
        g.writeFieldName("Statement");
        g.writeStartArray();
        g.writeRawValue(ours);
        g.writeEndArray();
      } else {
        copyWith(existing, ours, g);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalArgumentException("the bucket policy is not JSON: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void copyWith(String existing, String ours, JsonGenerator g) throws IOException {
    boolean statements = false;
    try (JsonParser p = JSON.createParser(existing)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the bucket policy is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        g.writeFieldName(name);
        if (!name.equals("Statement")) {
          g.copyCurrentStructure(p);
          continue;
        }
        statements = true;
        List<String> kept = new ArrayList<>();
        if (value == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            keep(p, kept);
          }
        } else {
          keep(p, kept);
        }
        g.writeStartArray();
        for (String s : kept) {
          g.writeRawValue(s);
        }
        g.writeRawValue(ours);
        g.writeEndArray();
      }
    }
    if (!statements) {
      g.writeFieldName("Statement");
      g.writeStartArray();
      g.writeRawValue(ours);
      g.writeEndArray();
    }
  }

  /** Adds the statement at the parser to {@code kept} unless it is an earlier Kumo statement. */
  private static void keep(JsonParser p, List<String> kept) throws IOException {
    StringWriter one = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(one)) {
      g.copyCurrentStructure(p);
    }
    String s = one.toString();
    if (!SID.equals(sid(s))) {
      kept.add(s);
    }
  }

  private static @Nullable String sid(String statement) throws IOException {
    try (JsonParser p = JSON.createParser(statement)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (name.equals("Sid") && v == JsonToken.VALUE_STRING) {
          return p.getText();
        }
        p.skipChildren();
      }
    }
    return null;
  }

  private static String statement(String bucket, List<String> exempt) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("Sid", SID);
      g.writeStringField("Effect", "Deny");
      g.writeStringField("Principal", "*");
      g.writeArrayFieldStart("Action");
      for (String a : DENIED) {
        g.writeString(a);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("Resource");
      g.writeString("arn:aws:s3:::" + bucket);
      g.writeString("arn:aws:s3:::" + bucket + "/*");
      g.writeEndArray();
      g.writeObjectFieldStart("Condition");
      g.writeObjectFieldStart("ArnNotLike");
      g.writeArrayFieldStart("aws:PrincipalArn");
      for (String a : exempt) {
        g.writeString(a);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /**
   * The {@code aws:PrincipalArn} patterns of a caller ARN from GetCallerIdentity: an assumed-role session
   * ({@code arn:aws:sts::1:assumed-role/R/s}) is its role, with or without a path ({@code
   * arn:aws:iam::1:role/R}, {@code arn:aws:iam::1:role/∗/R}); any other ARN is itself.
   */
  public static List<String> principalPatterns(String callerArn) {
    String[] parts = callerArn.split(":", 6);
    if (parts.length == 6 && parts[2].equals("sts") && parts[5].startsWith("assumed-role/")) {
      String[] rs = parts[5].split("/");
      if (rs.length >= 2) {
        String base = parts[0] + ":" + parts[1] + ":iam::" + parts[4] + ":role/";
        return List.of(base + rs[1], base + "*/" + rs[1]);
      }
    }
    return List.of(callerArn);
  }
}
