package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.array;
import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.objects;
import static dev.kumo.posture.inventory.panther.PantherFields.string;
import static dev.kumo.posture.inventory.panther.PantherFields.strings;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What CloudTrail event selectors (classic {@code EventSelectors} or {@code AdvancedEventSelectors}) record:
 * the facts {@code management_events} (management <em>write</em> events are recorded: ReadWriteType
 * {@code All}/{@code WriteOnly}, or an advanced Management selector not limited to {@code readOnly=true}),
 * {@code s3_data_events} and {@code lambda_data_events}. Nothing is set when neither selector list is present.
 */
final class EventSelectors {
  private EventSelectors() {}

  static void put(JsonObject s, String classic, String advanced, Facts.Builder f) {
    JsonArray c = array(s, classic);
    JsonArray a = array(s, advanced);
    if (c == null && a == null) {
      return;
    }
    boolean management = false;
    TreeSet<String> s3 = new TreeSet<>();
    TreeSet<String> lambda = new TreeSet<>();
    for (JsonObject sel : objects(c, classic)) {
      String rw = string(sel, "ReadWriteType");
      if (Boolean.TRUE.equals(bool(sel, "IncludeManagementEvents")) && writes(rw)) {
        management = true;
      }
      for (JsonObject dr : objects(array(sel, "DataResources"), "DataResources")) {
        String type = string(dr, "Type");
        List<String> values = strings(dr, "Values");
        if (values == null) {
          continue;
        }
        if ("AWS::S3::Object".equals(type)) {
          s3.addAll(values);
        } else if ("AWS::Lambda::Function".equals(type)) {
          lambda.addAll(values);
        }
      }
    }
    for (JsonObject sel : objects(a, advanced)) {
      String category = null;
      String type = null;
      String readOnly = null;
      List<String> arnPrefixes = List.of();
      for (JsonObject fs : objects(array(sel, "FieldSelectors"), "FieldSelectors")) {
        String field = string(fs, "Field");
        List<String> eq = strings(fs, "Equals");
        if (field == null) {
          continue;
        }
        switch (field) {
          case "eventCategory" -> category = first(eq);
          case "resources.type" -> type = first(eq);
          case "readOnly" -> readOnly = first(eq);
          case "resources.ARN" -> {
            List<String> starts = strings(fs, "StartsWith");
            arnPrefixes = starts != null ? starts : eq != null ? eq : List.of();
          }
          default -> { }
        }
      }
      if ("Management".equals(category) && !"true".equalsIgnoreCase(readOnly)) {
        management = true;
      } else if ("Data".equals(category) && "AWS::S3::Object".equals(type)) {
        s3.addAll(arnPrefixes.isEmpty() ? List.of("arn:aws:s3") : arnPrefixes);
      } else if ("Data".equals(category) && "AWS::Lambda::Function".equals(type)) {
        lambda.addAll(arnPrefixes.isEmpty() ? List.of("arn:aws:lambda") : arnPrefixes);
      }
    }
    f.put("management_events", management);
    f.put("s3_data_events", List.copyOf(s3));
    f.put("lambda_data_events", List.copyOf(lambda));
  }

  private static boolean writes(@Nullable String readWriteType) {
    if (readWriteType == null) {
      return true; // CloudTrail's default is All
    }
    String rw = readWriteType.toLowerCase(Locale.ROOT);
    return rw.equals("all") || rw.equals("writeonly");
  }

  private static @Nullable String first(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
