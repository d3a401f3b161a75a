package dev.kumo.posture.inventory.aws;

import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.ExportJson;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One AWS Config configuration item, its envelope normalised across the delivered files ({@code ARN},
 * {@code awsAccountId}) and the APIs ({@code arn}, {@code accountId}), with {@code configuration} and
 * {@code supplementaryConfiguration} parsed when they came as JSON text.
 *
 * @param where where the item sits in its file, e.g. {@code configurationItems[3]} or {@code line 4}
 * @param arn null when the item has none
 * @param region {@code ""} for global resources (Config writes {@code global})
 * @param captureTime null when absent or unreadable
 * @param defect why {@code configuration} could not be read (it is then empty), or null
 */
record ConfigItem(String where, String resourceType, String resourceId, @Nullable String resourceName,
    @Nullable String arn, String account, String region, String status, @Nullable Instant captureTime,
    JsonObject configuration, JsonObject supplementary, @Nullable String defect) {
  private static final Set<String> NOT_PRESENT = Set.of("resourcedeleted", "resourcedeletednotrecorded",
      "resourcenotrecorded");

  /**
   * Reads the envelope of an item.
   *
   * @throws IllegalArgumentException naming the missing member when there is no resource type or id
   */
  static ConfigItem of(JsonObject item, String where) {
    String type = ConfigShapes.string(item, "resourceType");
    if (type == null) {
      throw new IllegalArgumentException("configuration item has no resourceType");
    }
    String id = ConfigShapes.string(item, "resourceId");
    String arn = ConfigShapes.string(item, "ARN");
    if (id == null && arn == null) {
      throw new IllegalArgumentException("configuration item of type " + type + " has no resourceId");
    }
    String region = ConfigShapes.string(item, "awsRegion");
    String account = ConfigShapes.string(item, "awsAccountId", "accountId");
    String status = ConfigShapes.string(item, "configurationItemStatus");
    return new ConfigItem(where, type, id == null ? arn : id, ConfigShapes.string(item, "resourceName"), arn,
        account == null ? "" : account, region == null || region.equalsIgnoreCase("global") ? "" : region,
        status == null ? "OK" : status, ExportJson.time(ConfigShapes.field(item, "configurationItemCaptureTime")),
        orEmpty(ConfigShapes.object(item, "configuration")),
        orEmpty(ConfigShapes.object(item, "supplementaryConfiguration")), defect(item));
  }

  private static @Nullable String defect(JsonObject item) {
    Object raw = ConfigShapes.field(item, "configuration");
    if (raw == null || raw instanceof JsonObject || raw instanceof String s && s.isBlank()) {
      return null;
    }
    return raw instanceof String ? "configuration is text that is not a JSON object"
        : "configuration is not a JSON object";
  }

  private static JsonObject orEmpty(@Nullable JsonObject o) {
    return o == null ? JsonObject.EMPTY : o;
  }

  /** False for items saying the resource was deleted or is no longer recorded. */
  boolean present() {
    return !NOT_PRESENT.contains(status.toLowerCase(Locale.ROOT));
  }

  /** The key that identifies the resource across items: type, account, region and resource id. */
  String key() {
    return resourceType + "|" + account + "|" + region + "|" + resourceId;
  }

  /** A short label for problems: type and name or id. */
  String label() {
    return resourceType + " " + (resourceName != null ? resourceName : resourceId);
  }
}
