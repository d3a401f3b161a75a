package dev.kumo.posture.inventory.panther;

import static dev.kumo.posture.inventory.panther.PantherFields.account;
import static dev.kumo.posture.inventory.panther.PantherFields.bool;
import static dev.kumo.posture.inventory.panther.PantherFields.number;
import static dev.kumo.posture.inventory.panther.PantherFields.object;
import static dev.kumo.posture.inventory.panther.PantherFields.region;
import static dev.kumo.posture.inventory.panther.PantherFields.regionsOf;
import static dev.kumo.posture.inventory.panther.PantherFields.string;
import static dev.kumo.posture.inventory.panther.PantherFields.strings;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps Panther logging and monitoring snapshots: {@code AWS.CloudTrail} → {@code aws.cloudtrail.trail},
 * {@code AWS.Config.Recorder} → {@code aws.config.recorder}, {@code AWS.GuardDuty.Detector} →
 * {@code aws.guardduty.detector}, and the account-wide {@code *.Meta} snapshots to summary kinds the region
 * checks read when per-region resources are missing:
 *
 * <ul>
 *   <li>{@code AWS.CloudTrail.Meta} → {@code aws.cloudtrail.summary}: {@code trails} (the trails Panther saw)
 *       and, from its {@code GlobalEventSelectors}/{@code GlobalAdvancedEventSelectors} (the multi-region
 *       trails' selectors), {@code management_events}, {@code s3_data_events}, {@code lambda_data_events};
 *   <li>{@code AWS.Config.Recorder.Meta} → {@code aws.config.summary}: {@code recorder_regions},
 *       {@code global_recorder_count};
 *   <li>{@code AWS.GuardDuty.Detector.Meta} → {@code aws.guardduty.summary}: {@code detector_regions}.
 * </ul>
 *
 * A summary says where something exists, not whether it is logging, recording or enabled.
 */
public final class PantherLoggingMapper implements PantherMapper {
  private static final Set<String> TYPES = Set.of("AWS.CloudTrail", "AWS.CloudTrail.Meta", "AWS.Config.Recorder",
      "AWS.Config.Recorder.Meta", "AWS.GuardDuty.Detector", "AWS.GuardDuty.Detector.Meta");

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public Resource map(String type, JsonObject s, String origin) {
    return switch (type) {
      case "AWS.CloudTrail" -> trail(s, origin);
      case "AWS.CloudTrail.Meta" -> trailSummary(s, origin);
      case "AWS.Config.Recorder" -> recorder(s, origin);
      case "AWS.Config.Recorder.Meta" -> summary(s, origin, "aws.config.summary", "Recorders", "recorder_regions");
      case "AWS.GuardDuty.Detector" -> detector(s, origin);
      case "AWS.GuardDuty.Detector.Meta" ->
          summary(s, origin, "aws.guardduty.summary", "Detectors", "detector_regions");
      default -> throw new IllegalArgumentException("not a logging resource type: " + type);
    };
  }

  private static Resource trail(JsonObject s, String origin) {
    String arn = string(s, "TrailARN");
    if (arn == null) {
      arn = string(s, "Arn");
    }
    if (arn == null) {
      throw new IllegalArgumentException("missing TrailARN");
    }
    String name = string(s, "Name");
    Facts.Builder f = Facts.builder();
    JsonObject status = object(s, "Status");
    if (status != null) {
      f.put("logging", bool(status, "IsLogging"));
    }
    f.put("multi_region", bool(s, "IsMultiRegionTrail"));
    String home = string(s, "HomeRegion");
    f.put("home_region", home);
    f.put("organization_trail", bool(s, "IsOrganizationTrail"));
    // a described trail always carries these two; JSON null means "not set": validation off, no key
    if (s.has("LogFileValidationEnabled")) {
      f.put("log_validation", Boolean.TRUE.equals(bool(s, "LogFileValidationEnabled")));
    }
    if (s.has("KmsKeyId")) {
      String key = string(s, "KmsKeyId");
      f.put("kms_key", key == null ? "" : key);
    }
    if (s.has("CloudWatchLogsLogGroupArn")) {
      f.put("cloudwatch_logs", string(s, "CloudWatchLogsLogGroupArn") != null);
    }
    EventSelectors.put(s, "EventSelectors", "AdvancedEventSelectors", f);
    String region = region(s, arn);
    return new Resource(Provider.AWS, "aws.cloudtrail.trail", arn, name != null ? name : PantherFields.lastPart(arn),
        account(s, arn), region.isEmpty() && home != null ? home : region, f.build(), origin);
  }

  private static Resource trailSummary(JsonObject s, String origin) {
    String account = account(s, null);
    Facts.Builder f = Facts.builder();
    List<String> trails = strings(s, "Trails");
    f.put("trails", trails == null ? List.of() : trails);
    EventSelectors.put(s, "GlobalEventSelectors", "GlobalAdvancedEventSelectors", f);
    if (!f.has("management_events")) {
      f.put("management_events", false); // the summary lists no multi-region selectors at all
      f.put("s3_data_events", List.of());
      f.put("lambda_data_events", List.of());
    }
    return new Resource(Provider.AWS, "aws.cloudtrail.summary", summaryId(s, account, "AWS.CloudTrail.Meta"),
        "AWS.CloudTrail.Meta", account, "", f.build(), origin);
  }

  private static Resource summary(JsonObject s, String origin, String kind, String field, String fact) {
    String account = account(s, null);
    String type = kind.equals("aws.config.summary") ? "AWS.Config.Recorder.Meta" : "AWS.GuardDuty.Detector.Meta";
    Facts.Builder f = Facts.builder();
    f.put(fact, regionsOf(strings(s, field)));
    f.put("global_recorder_count", kind.equals("aws.config.summary") ? number(s, "GlobalRecorderCount") : null);
    return new Resource(Provider.AWS, kind, summaryId(s, account, type), type, account, "", f.build(), origin);
  }

  private static String summaryId(JsonObject s, String account, String type) {
    String id = string(s, "ResourceId");
    return id != null ? id : account + "::" + type;
  }

  private static Resource recorder(JsonObject s, String origin) {
    // Panther writes the recorder either flat (Name, RecordingGroup, RoleARN) or under "Recorder"
    JsonObject nested = object(s, "Recorder");
    JsonObject rec = nested != null ? nested : s;
    JsonObject status = object(s, "Status");
    String name = string(rec, "Name");
    if (name == null && status != null) {
      name = string(status, "Name");
    }
    String role = string(rec, "RoleARN");
    String account = account(s, role);
    String region = region(s, null);
    String id = string(s, "ResourceId");
    if (id == null) {
      id = "arn:aws:config:" + region + ":" + account + ":config-recorder/" + (name == null ? "default" : name);
    }
    Facts.Builder f = Facts.builder();
    if (status != null) {
      f.put("recording", bool(status, "Recording"));
    }
    JsonObject group = object(rec, "RecordingGroup");
    if (group != null) {
      f.put("all_supported", bool(group, "AllSupported"));
      f.put("include_global", bool(group, "IncludeGlobalResourceTypes"));
    }
    return new Resource(Provider.AWS, "aws.config.recorder", id, name == null ? "default" : name, account, region,
        f.build(), origin);
  }

  private static Resource detector(JsonObject s, String origin) {
    String detectorId = string(s, "Id");
    String account = account(s, null);
    String region = region(s, null);
    String id = string(s, "ResourceId");
    if (id == null) {
      if (detectorId == null) {
        throw new IllegalArgumentException("missing Id");
      }
      id = "arn:aws:guardduty:" + region + ":" + account + ":detector/" + detectorId;
    }
    Facts.Builder f = Facts.builder();
    String status = string(s, "Status");
    f.put("enabled", status == null ? null : Boolean.valueOf(status.equalsIgnoreCase("ENABLED")));
    return new Resource(Provider.AWS, "aws.guardduty.detector", id, nameOr(detectorId, id), account, region,
        f.build(), origin);
  }

  private static String nameOr(@Nullable String name, String id) {
    return name != null ? name : id;
  }
}
