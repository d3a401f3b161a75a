package dev.kumo.ingest.elb;

import dev.kumo.ingest.InvalidRecordException;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.TextLogSource;
import dev.kumo.ingest.netlogs.FieldSplitter;
import dev.kumo.json.JsonObject;
import dev.kumo.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * Parses load balancer access log lines into records. The kind of each line is told by its first
 * field, so a file may mix them: an ALB request type ({@code http}, {@code https}, {@code h2},
 * {@code grpcs}, {@code ws}, {@code wss}), {@code tls} for a Network Load Balancer, or a timestamp
 * for a Classic Load Balancer. Fields AWS added over time may be missing at the end of a line; fields
 * newer than Kumo knows are ignored. {@code client:port} and {@code target:port} become
 * {@code client_ip}/{@code client_port} and {@code target_ip}/{@code target_port} (Classic's backend
 * is named target too), and the request line becomes {@code request_method}, {@code request_url} and
 * {@code request_protocol}. Not thread-safe.
 */
final class ElbLineParser implements TextLogSource.LineParser {
  /** ALB fields after the user agent, in log order. */
  private static final String[] ALB_TAIL = {"ssl_cipher", "ssl_protocol", "target_group_arn", "trace_id", "domain_name",
      "chosen_cert_arn", "matched_rule_priority", "request_creation_time", "actions_executed", "redirect_url",
      "error_reason", "target_port_list", "target_status_code_list", "classification", "classification_reason",
      "conn_trace_id"};
  /** NLB fields after the destination, in log order. */
  private static final String[] NLB_TAIL = {"connection_time", "tls_handshake_time", "received_bytes", "sent_bytes",
      "incoming_tls_alert", "chosen_cert_arn", "chosen_cert_serial", "tls_cipher", "tls_protocol_version",
      "tls_named_group", "domain_name", "alpn_fe_protocol", "alpn_be_protocol", "alpn_client_preference_list",
      "tls_connection_creation_time"};
  private static final int ALB_MIN_FIELDS = 13;
  private static final int CLB_MIN_FIELDS = 12;
  private static final int NLB_MIN_FIELDS = 11;

  private final FieldSplitter f = FieldSplitter.spaces(false);

  /** Whether {@code line} is a load balancer access log line (used to sniff a file). */
  static boolean looksLikeElb(String line) {
    FieldSplitter f = FieldSplitter.spaces(false);
    if (!f.split(line) || f.count() < NLB_MIN_FIELDS) {
      return false;
    }
    if (isAlbType(f)) {
      return f.count() >= ALB_MIN_FIELDS && isTime(f, 1) && f.enclosed(12) && isHostPort(f, 3)
          && (f.startsWith(2, "app/") || f.startsWith(2, "net/"));
    }
    if (f.is(0, "tls")) {
      return isTime(f, 2) && f.startsWith(3, "net/") && isHostPort(f, 5);
    }
    return f.count() >= CLB_MIN_FIELDS && isTime(f, 0) && f.enclosed(11) && isHostPort(f, 2)
        && (f.isEmpty(3) || isHostPort(f, 3));
  }

  /** Whether field {@code i} is {@code address:port} (an IPv6 address possibly in brackets). */
  private static boolean isHostPort(FieldSplitter f, int i) {
    int colon = f.lastIndexOf(i, ':');
    if (colon <= 0 || f.partNumber(i, colon + 1, f.length(i)) == Long.MIN_VALUE) {
      return false;
    }
    boolean bracketed = f.charAt(i, 0) == '[' && f.charAt(i, colon - 1) == ']';
    return IpAddress.isAddress(bracketed ? f.part(i, 1, colon - 1) : f.part(i, 0, colon));
  }

  private static boolean isAlbType(FieldSplitter f) {
    return f.is(0, "https") || f.is(0, "h2") || f.is(0, "http") || f.is(0, "grpcs") || f.is(0, "wss") || f.is(0, "ws");
  }

  private static boolean isTime(FieldSplitter f, int i) {
    return i < f.count() && f.length(i) >= 19 && f.charAt(i, 4) == '-' && f.charAt(i, 10) == 'T';
  }

  @Override
  public @Nullable JsonObject parse(String line) {
    if (!f.split(line)) {
      throw malformed("a quoted field is not closed");
    }
    if (f.count() == 0) {
      return null;
    }
    if (isAlbType(f)) {
      return alb();
    }
    if (f.is(0, "tls")) {
      return nlb();
    }
    if (isTime(f, 0)) {
      return clb();
    }
    throw malformed("it starts with neither a request type, 'tls' nor a time");
  }

  private JsonObject alb() {
    if (f.count() < ALB_MIN_FIELDS) {
      throw malformed("an Application Load Balancer line has at least " + ALB_MIN_FIELDS + " fields, this one "
          + f.count());
    }
    JsonObject.Builder b = JsonObject.builder();
    text(b, "type", 0);
    text(b, "time", 1);
    text(b, "elb", 2);
    hostPort(b, "client_ip", "client_port", 3);
    hostPort(b, "target_ip", "target_port", 4);
    text(b, "request_processing_time", 5);
    text(b, "target_processing_time", 6);
    text(b, "response_processing_time", 7);
    number(b, "elb_status_code", 8);
    number(b, "target_status_code", 9);
    number(b, "received_bytes", 10);
    number(b, "sent_bytes", 11);
    request(b, 12);
    text(b, "user_agent", 13);
    for (int k = 0; k < ALB_TAIL.length && 14 + k < f.count(); k++) {
      if (k == 6) {
        number(b, ALB_TAIL[k], 14 + k);
      } else {
        text(b, ALB_TAIL[k], 14 + k);
      }
    }
    return b.build();
  }

  private JsonObject clb() {
    if (f.count() < CLB_MIN_FIELDS) {
      throw malformed("a Classic Load Balancer line has at least " + CLB_MIN_FIELDS + " fields, this one " + f.count());
    }
    JsonObject.Builder b = JsonObject.builder();
    text(b, "time", 0);
    text(b, "elb", 1);
    hostPort(b, "client_ip", "client_port", 2);
    hostPort(b, "target_ip", "target_port", 3);
    text(b, "request_processing_time", 4);
    text(b, "target_processing_time", 5);
    text(b, "response_processing_time", 6);
    number(b, "elb_status_code", 7);
    number(b, "target_status_code", 8);
    number(b, "received_bytes", 9);
    number(b, "sent_bytes", 10);
    request(b, 11);
    text(b, "user_agent", 12);
    text(b, "ssl_cipher", 13);
    text(b, "ssl_protocol", 14);
    return b.build();
  }

  private JsonObject nlb() {
    if (f.count() < NLB_MIN_FIELDS) {
      throw malformed("a Network Load Balancer line has at least " + NLB_MIN_FIELDS + " fields, this one " + f.count());
    }
    JsonObject.Builder b = JsonObject.builder();
    text(b, "type", 0);
    text(b, "version", 1);
    text(b, "time", 2);
    text(b, "elb", 3);
    text(b, "listener", 4);
    hostPort(b, "client_ip", "client_port", 5);
    hostPort(b, "destination_ip", "destination_port", 6);
    for (int k = 0; k < NLB_TAIL.length && 7 + k < f.count(); k++) {
      if (k == 2 || k == 3) {
        number(b, NLB_TAIL[k], 7 + k);
      } else {
        text(b, NLB_TAIL[k], 7 + k);
      }
    }
    return b.build();
  }

  private void text(JsonObject.Builder b, String key, int i) {
    if (i < f.count()) {
      b.put(key, f.value(i));
    }
  }

  private void number(JsonObject.Builder b, String key, int i) {
    if (i < f.count()) {
      b.put(key, f.numberOrText(i));
    }
  }

  /** {@code ip:port}, {@code [v6]:port} or {@code -}. */
  private void hostPort(JsonObject.Builder b, String ipKey, String portKey, int i) {
    if (f.isEmpty(i)) {
      return;
    }
    int len = f.length(i);
    int colon = f.lastIndexOf(i, ':');
    if (colon <= 0 || colon == len - 1) {
      b.put(ipKey, f.text(i));
      return;
    }
    boolean bracketed = f.charAt(i, 0) == '[' && f.charAt(i, colon - 1) == ']';
    b.put(ipKey, bracketed ? f.part(i, 1, colon - 1) : f.part(i, 0, colon));
    long port = f.partNumber(i, colon + 1, len);
    b.put(portKey, port == Long.MIN_VALUE ? f.part(i, colon + 1, len) : (Object) port);
  }

  /** {@code "METHOD url PROTOCOL"}; {@code "- - - "} (no HTTP request, e.g. TCP listeners) adds nothing. */
  private void request(JsonObject.Builder b, int i) {
    String r = f.text(i).trim();
    int first = r.indexOf(' ');
    if (first < 0) {
      if (!r.isEmpty() && !r.equals("-")) {
        b.put("request_url", r);
      }
      return;
    }
    int last = r.lastIndexOf(' ');
    String method = r.substring(0, first);
    boolean hasProtocol = last > first && r.startsWith("HTTP/", last + 1);
    String url = (hasProtocol ? r.substring(first + 1, last) : r.substring(first + 1)).trim();
    if (!method.equals("-")) {
      b.put("request_method", method);
    }
    if (!url.isEmpty() && !url.equals("-") && !url.equals("- -")) {
      b.put("request_url", url);
    }
    if (hasProtocol) {
      b.put("request_protocol", r.substring(last + 1));
    }
  }

  private static InvalidRecordException malformed(String why) {
    return new InvalidRecordException(ProblemKind.MALFORMED_RECORD, "not a load balancer access log line: " + why
        + "; skipped");
  }

  /** Whether a record parsed by this class or exported in its layout is a Network Load Balancer's. */
  static boolean isNlb(JsonObject r) {
    return r.has("listener") || "tls".equals(r.get("type"));
  }
}
