package dev.kumo.respond.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Making one SDK call and recording it: a failure becomes {@link ResponseStepException}, a success a {@link CallRecord}. */
final class SdkCalls {
  private SdkCalls() {}

  static <R extends AwsResponse> R call(String service, String operation, Supplier<R> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw failure(service, operation, e);
    }
  }

  static ResponseStepException failure(String service, String operation, SdkException e) {
    if (e instanceof AwsServiceException aws) {
      return new ResponseStepException(service, operation, errorCode(aws), aws.requestId(),
          aws.awsErrorDetails() == null ? "" : text(aws.awsErrorDetails().errorMessage()), e);
    }
    return new ResponseStepException(service, operation, "ClientError", null, text(e.getMessage()), e);
  }

  static String errorCode(AwsServiceException aws) {
    return aws.awsErrorDetails() == null || aws.awsErrorDetails().errorCode() == null
        ? "HTTP " + aws.statusCode() : aws.awsErrorDetails().errorCode();
  }

  static String requestId(AwsResponse r) {
    String id = r.responseMetadata().requestId();
    return id == null ? "UNKNOWN" : id;
  }

  static CallRecord record(String service, String operation, AwsResponse r, String... outcome) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < outcome.length; i += 2) {
      map.put(outcome[i], text(outcome[i + 1]));
    }
    return new CallRecord(service, operation, requestId(r), map);
  }

  static String text(@Nullable String s) {
    return s == null ? "" : s;
  }
}
