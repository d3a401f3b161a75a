package dev.kumo.respond.aws;

import org.jspecify.annotations.Nullable;

/**
 * An AWS call of a response step failed (after the SDK's retries). Names the service, the operation, the
 * AWS error code and the request id so that the failure can go into the ledger and stop later steps.
 */
public final class ResponseStepException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String service;
  private final String operation;
  private final String errorCode;
  private final @Nullable String requestId;

  /**
   * @param errorCode the AWS error code ({@code RequestLimitExceeded}), or a Kumo code for failures that
   *     are not AWS errors ({@code ClientError}, {@code SnapshotError}, {@code Timeout}, …)
   * @param requestId the request id of the failed call; null when no response arrived
   */
  public ResponseStepException(
      String service,
      String operation,
      String errorCode,
      @Nullable String requestId,
      String detail,
      @Nullable Throwable cause) {
    super(
        service + " " + operation + " failed: " + errorCode
            + (requestId == null ? "" : " (request id " + requestId + ")")
            + (detail.isEmpty() ? "" : ": " + detail),
        cause);
    this.service = service;
    this.operation = operation;
    this.errorCode = errorCode;
    this.requestId = requestId;
  }

  public String service() {
    return service;
  }

  public String operation() {
    return operation;
  }

  public String errorCode() {
    return errorCode;
  }

  public @Nullable String requestId() {
    return requestId;
  }
}
