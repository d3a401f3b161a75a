package dev.kumo.posture.inventory.aws;

import dev.kumo.json.JsonObject;
import org.jspecify.annotations.Nullable;

/**
 * One AWS CLI output file, placed: the account and region it belongs to, the operation that printed it and,
 * for per-resource calls, the resource named in the file name.
 *
 * @param file path relative to the folder read, with {@code /} separators
 * @param region the region folder, {@code ""} for {@code global/}
 * @param target the resource name of a per-resource file ({@code get-bucket-policy.<bucket>}), else null
 * @param json the parsed output; {@link JsonObject#EMPTY} for an error output
 * @param errorCode the AWS error code when the file holds the CLI's error message instead of JSON
 */
record CliOutput(String file, String account, String region, String operation, @Nullable String target,
    JsonObject json, @Nullable String errorCode) {
  /** The target of a per-resource output. */
  String name() {
    if (target == null) {
      throw new IllegalStateException(operation + " is not a per-resource output");
    }
    return target;
  }

  /** True when the file holds the error {@code code}. */
  boolean failedWith(String code) {
    return code.equals(errorCode);
  }
}
