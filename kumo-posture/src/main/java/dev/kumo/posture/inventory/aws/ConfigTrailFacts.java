package dev.kumo.posture.inventory.aws;

import static dev.kumo.posture.inventory.aws.ConfigShapes.array;
import static dev.kumo.posture.inventory.aws.ConfigShapes.bool;
import static dev.kumo.posture.inventory.aws.ConfigShapes.field;
import static dev.kumo.posture.inventory.aws.ConfigShapes.objects;
import static dev.kumo.posture.inventory.aws.ConfigShapes.string;
import static dev.kumo.posture.inventory.aws.ConfigShapes.strings;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import java.util.List;
import java.util.TreeSet;

/**
 * Facts of an {@code AWS::CloudTrail::Trail} configuration, in the describe-trails camelCase or the
 * CloudFormation PascalCase spelling, including data-event scopes from classic and advanced event
 * selectors (set only when the item carries selectors).
 */
final class ConfigTrailFacts {
  private static final String S3_OBJECT = "AWS::S3::Object";
  private static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

  private ConfigTrailFacts() {}

  static void facts(Facts.Builder f, JsonObject c) {
    if (c.size() == 0) {
      return;
    }
    f.put("logging", bool(c, "isLogging"));
    f.put("multi_region", bool(c, "isMultiRegionTrail"));
    f.put("home_region", string(c, "homeRegion"));
    f.put("organization_trail", bool(c, "isOrganizationTrail"));
    Boolean validation = bool(c, "logFileValidationEnabled");
    f.put("log_validation", validation != null ? validation : bool(c, "EnableLogFileValidation"));
    f.put("kms_key", string(c, "kmsKeyId"));
    f.put("cloudwatch_logs", string(c, "cloudWatchLogsLogGroupArn") != null);
    Object classic = field(c, "eventSelectors");
    Object advanced = field(c, "advancedEventSelectors");
    if (classic == null && advanced == null) {
      return;
    }
    boolean management = false;
    TreeSet<String> s3 = new TreeSet<>();
    TreeSet<String> lambda = new TreeSet<>();
    for (JsonObject sel : objects(c, "eventSelectors")) {
      management |= !Boolean.FALSE.equals(bool(sel, "includeManagementEvents"));
      for (JsonObject data : objects(sel, "dataResources")) {
        String type = string(data, "type");
        List<String> values = strings(array(data, "values"), null);
        if (S3_OBJECT.equals(type)) {
          values.forEach(v -> s3.add(scope(v, "arn:aws:s3")));
        } else if (LAMBDA_FUNCTION.equals(type)) {
          values.forEach(v -> lambda.add(scope(v, "arn:aws:lambda")));
        }
      }
    }
    for (JsonObject sel : objects(c, "advancedEventSelectors")) {
      String category = null;
      String type = null;
      List<String> arns = List.of();
      for (JsonObject fs : objects(sel, "fieldSelectors")) {
        String name = string(fs, "field");
        List<String> equals = strings(array(fs, "equals"), null);
        if ("eventCategory".equals(name) && !equals.isEmpty()) {
          category = equals.get(0);
        } else if ("resources.type".equals(name) && !equals.isEmpty()) {
          type = equals.get(0);
        } else if ("resources.ARN".equals(name)) {
          arns = strings(array(fs, "startsWith"), null);
          if (arns.isEmpty()) {
            arns = equals;
          }
        }
      }
      if ("Management".equals(category)) {
        management = true;
      } else if ("Data".equals(category) && (S3_OBJECT.equals(type) || LAMBDA_FUNCTION.equals(type))) {
        String all = S3_OBJECT.equals(type) ? "arn:aws:s3" : "arn:aws:lambda";
        TreeSet<String> target = S3_OBJECT.equals(type) ? s3 : lambda;
        if (arns.isEmpty()) {
          target.add(all);
        } else {
          arns.forEach(a -> target.add(scope(a, all)));
        }
      }
    }
    f.put("management_events", management);
    f.put("s3_data_events", List.copyOf(s3));
    f.put("lambda_data_events", List.copyOf(lambda));
  }

  /** {@code arn:aws:s3:::} and {@code arn:aws:s3} both mean every bucket. */
  private static String scope(String value, String all) {
    String v = value.endsWith(":::") ? value.substring(0, value.length() - 3) : value;
    return v.equals(all) || v.equals(all + ":") ? all : value;
  }
}
