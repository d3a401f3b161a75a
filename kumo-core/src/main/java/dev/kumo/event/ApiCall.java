package dev.kumo.event;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The operation performed (OCSF {@code api}).
 *
 * @param service e.g. {@code s3.amazonaws.com}
 * @param operation e.g. {@code PutBucketPolicy}
 * @param readOnly whether the operation only reads, when the log says
 */
public record ApiCall(@Nullable String service, @Nullable String operation, @Nullable String requestId,
    @Nullable String errorCode, @Nullable String errorMessage, @Nullable Boolean readOnly) implements Serializable {

  public static final ApiCall UNKNOWN = new ApiCall(null, null, null, null, null, null);

  public boolean failed() {
    return errorCode != null && !errorCode.isEmpty();
  }
}
