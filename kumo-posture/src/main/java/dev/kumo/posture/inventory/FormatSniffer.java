package dev.kumo.posture.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Tells an export's format from its first 64 KiB (gzip undone): the JSON members each format is known by.
 * Folders holding AWS CLI output names are {@code aws-cli}.
 */
public final class FormatSniffer {
  /** Bytes looked at. */
  static final int HEAD = 64 * 1024;
  private static final Pattern CLI_NAME = Pattern.compile(
      "(ec2|s3api|s3control|iam|cloudtrail|configservice|guardduty|kms|rds|lambda|eks|backup|budgets|cloudwatch"
          + "|redshift|ecr|sts)-[a-z0-9-]+(\\..+)?\\.json");

  private FormatSniffer() {}

  /** The format of {@code path}, or null when it is none Kumo reads. */
  public static @Nullable String detect(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.walk(path, 4)) {
        return s.anyMatch(p -> CLI_NAME.matcher(p.getFileName().toString()).matches()) ? "aws-cli" : null;
      }
    }
    return detect(head(path));
  }

  /** The format of an export whose beginning is {@code head}, or null. */
  public static @Nullable String detect(String head) {
    if (has(head, "configurationItems") || has(head, "configSnapshotId") || has(head, "configurationItem")
        || has(head, "baseConfigurationItems") || has(head, "configurationItemCaptureTime")) {
      return "aws-config";
    }
    if (has(head, "format_version") && (has(head, "planned_values") || has(head, "values")
        || has(head, "resource_changes"))) {
      return "terraform";
    }
    if (has(head, "asset_type")) {
      return "gcp-asset-inventory";
    }
    if (has(head, "class_uid") && head.toLowerCase(Locale.ROOT).contains("prowler")) {
      return "prowler";
    }
    if (has(head, "ResourceType") && head.contains("\"AWS.")) {
      return "panther";
    }
    if (head.toLowerCase(Locale.ROOT).contains("\"microsoft.") && has(head, "subscriptionId")) {
      return "azure-resource-graph";
    }
    return null;
  }

  private static boolean has(String head, String member) {
    return head.contains("\"" + member + "\"");
  }

  private static String head(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = raw;
      if (file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(raw);
      }
      return new String(in.readNBytes(HEAD), StandardCharsets.UTF_8);
    }
  }
}
