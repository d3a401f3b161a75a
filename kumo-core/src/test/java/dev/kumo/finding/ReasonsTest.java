package dev.kumo.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReasonsTest {
  private static final Instant T = Instant.parse("2026-03-11T02:31:12Z");

  private static EventSummary event(String principal, String operation, String error) {
    return new EventSummary("e1", T, "aws.cloudtrail", "111122223333", "us-east-1", principal, "IAMUser", null,
        "45.61.136.20", null, "aws-cli/2", "cloudtrail.amazonaws.com", operation, error, java.util.List.of(), "f.json", 1);
  }

  @Test
  void event_apiCall_saysWhatWhoAndFromWhere() {
    Map<String, String> quoted = new LinkedHashMap<>();
    quoted.put("requestParameters.name", "org-trail");

    assertThat(Reasons.event(event("arn:aws:iam::111122223333:user/alice", "StopLogging", null), quoted))
        .isEqualTo("StopLogging (cloudtrail.amazonaws.com) by user/alice from 45.61.136.20: name=org-trail");
  }

  @Test
  void event_failedCall_namesTheError() {
    assertThat(Reasons.event(event("arn:aws:iam::1:user/bob", "DeleteTrail", "AccessDenied"), Map.of()))
        .isEqualTo("DeleteTrail (cloudtrail.amazonaws.com) failed with AccessDenied by user/bob from 45.61.136.20");
  }

  @Test
  void event_quotedValueAlreadySaid_isNotRepeated() {
    Map<String, String> quoted = new LinkedHashMap<>();
    quoted.put("eventName", "StopLogging");
    quoted.put("sourceIPAddress", "45.61.136.20");
    quoted.put("requestParameters.DeleteFlowLogsRequest.FlowLogId.content", "fl-1");

    assertThat(Reasons.event(event(null, "StopLogging", null), quoted))
        .isEqualTo("StopLogging (cloudtrail.amazonaws.com) from 45.61.136.20: FlowLogId=fl-1");
  }

  @Test
  void event_longValue_isCutToTheLimit() {
    String reason = Reasons.event(event(null, "PutBucketPolicy", null), Map.of("p", "x".repeat(500)));

    assertThat(reason).endsWith("p=" + "x".repeat(Reasons.MAX_VALUE - 1) + "\u2026");
  }

  @Test
  void correlation_countsGroupAndSpan() {
    CorrelationInfo c = new CorrelationInfo("event_count", Map.of("userIdentity.arn", "arn:x"), List.of("a", "b"), 400,
        400, T.minus(Duration.ofSeconds(510)));

    assertThat(Reasons.correlation(c, event(null, "DeleteObject", null)))
        .isEqualTo("400 events (event_count) for userIdentity.arn=arn:x within 8m 30s");
  }

  @Test
  void correlation_valueCount_showsTheCountedValue() {
    CorrelationInfo c = new CorrelationInfo("value_count", Map.of("user", "u"), List.of("a"), 12, 7.0, T);

    assertThat(Reasons.correlation(c, event(null, "GetSecretValue", null)))
        .isEqualTo("12 events (value_count 7) for user=u within 0s");
  }

  @Test
  void duration_formatsEachScale() {
    assertThat(Reasons.duration(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(Reasons.duration(Duration.ofSeconds(3600))).isEqualTo("1h");
    assertThat(Reasons.duration(Duration.ofMinutes(125))).isEqualTo("2h 5m");
    assertThat(Reasons.duration(Duration.ofHours(76))).isEqualTo("3d 4h");
  }

  @Test
  void shortPrincipal_keepsNonArnLabels() {
    assertThat(Reasons.shortPrincipal("arn:aws:sts::1:assumed-role/R/s")).isEqualTo("assumed-role/R/s");
    assertThat(Reasons.shortPrincipal("alice@example.com")).isEqualTo("alice@example.com");
  }
}
