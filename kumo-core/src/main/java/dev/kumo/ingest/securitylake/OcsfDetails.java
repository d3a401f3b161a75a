package dev.kumo.ingest.securitylake;

import static dev.kumo.ingest.values.Values.text;

import dev.kumo.event.Authentication;
import dev.kumo.event.BillingLine;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.FileActivity;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.ingest.values.Values;
import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The class-specific part of OCSF events, read into Kumo's {@code Details} records. */
final class OcsfDetails {
  private OcsfDetails() {}

  /** Authentication 3002: the outcome from {@code status} (else {@code status_id}), and the service. */
  static Authentication authentication(JsonObject r) {
    String status = text(r, "status");
    Long statusId = Values.wholeNumber(r.get("status_id"));
    boolean success = status != null ? status.equalsIgnoreCase("success") : statusId != null && statusId == 1;
    return new Authentication(success ? "success" : "failure", text(r, "status_detail"), text(r, "auth_protocol"),
        text(r.getObject("service"), "name"));
  }

  /** Network Activity 4001; interface, VPC and instance from {@code device}, else the source endpoint. */
  static NetworkTraffic network(JsonObject r) {
    JsonObject conn = r.getObject("connection_info");
    JsonObject traffic = r.getObject("traffic");
    JsonObject device = r.getObject("device");
    JsonObject src = r.getObject("src_endpoint");
    String direction = text(conn, "direction");
    Long flags = conn == null ? null : Values.wholeNumber(conn.get("tcp_flags"));
    Long end = Values.wholeNumber(r.get("end_time"));
    return new NetworkTraffic(protocol(conn), traffic == null ? null : Values.wholeNumber(traffic.get("bytes")),
        traffic == null ? null : Values.wholeNumber(traffic.get("packets")), networkAction(r),
        direction == null ? null : direction.toLowerCase(Locale.ROOT), either(device, src, "interface_uid"),
        either(device, src, "vpc_uid"), either(device, src, "instance_uid"),
        flags == null || flags > Integer.MAX_VALUE ? null : flags.intValue(), end == null ? null : Values.time(end));
  }

  private static @Nullable String protocol(@Nullable JsonObject conn) {
    String name = text(conn, "protocol_name");
    if (name != null) {
      return name.toLowerCase(Locale.ROOT);
    }
    Long num = conn == null ? null : Values.wholeNumber(conn.get("protocol_num"));
    if (num == null) {
      return null;
    }
    return switch (num.intValue()) {
      case 1 -> "icmp";
      case 6 -> "tcp";
      case 17 -> "udp";
      case 58 -> "icmpv6";
      default -> num.toString();
    };
  }

  /** {@code accept} or {@code reject} from the disposition (else the action), or null. */
  private static @Nullable String networkAction(JsonObject r) {
    String d = text(r, "disposition");
    if (d == null) {
      d = text(r, "action");
    }
    if (d == null) {
      return null;
    }
    return d.equalsIgnoreCase("Allowed") ? "accept"
        : d.equalsIgnoreCase("Blocked") || d.equalsIgnoreCase("Denied") || d.equalsIgnoreCase("Dropped") ? "reject"
        : d.toLowerCase(Locale.ROOT);
  }

  /** HTTP Activity 4002: the URL from {@code url_string}, else path and query. */
  static HttpRequest http(JsonObject r) {
    JsonObject req = r.getObject("http_request");
    JsonObject url = req == null ? null : req.getObject("url");
    String full = text(url, "url_string");
    String path = text(url, "path");
    if (full == null && path != null) {
      String query = text(url, "query_string");
      full = query == null ? path : path + "?" + query;
    }
    JsonObject resp = r.getObject("http_response");
    Long code = resp == null ? null : Values.wholeNumber(resp.get("code"));
    JsonObject traffic = r.getObject("traffic");
    String d = text(r, "disposition");
    String action = d == null ? null : d.equalsIgnoreCase("Blocked") ? "block" : d.equalsIgnoreCase("Allowed")
        ? "allow" : d.toLowerCase(Locale.ROOT);
    JsonObject rule = r.getObject("firewall_rule");
    String ruleName = text(rule, "name");
    return new HttpRequest(text(req, "http_method"), full, code == null || code > 999 ? null : code.intValue(),
        traffic == null ? null : Values.wholeNumber(traffic.get("bytes_in")),
        traffic == null ? null : Values.wholeNumber(traffic.get("bytes_out")), text(req, "version"), action,
        ruleName != null ? ruleName : text(rule, "uid"));
  }

  /**
   * DNS Activity 4003: the name without its trailing dot, the response code in upper case
   * ({@code NOERROR}), the transport in lower case as OCSF writes protocol names.
   */
  static DnsQuery dns(JsonObject r) {
    JsonObject query = r.getObject("query");
    String host = text(query, "hostname");
    if (host != null && host.endsWith(".") && host.length() > 1) {
      host = host.substring(0, host.length() - 1);
    }
    List<String> answers = new ArrayList<>();
    if (r.get("answers") instanceof JsonArray a) {
      for (Object o : a) {
        String rdata = o instanceof JsonObject ans ? text(ans, "rdata") : null;
        if (rdata != null) {
          answers.add(rdata);
        }
      }
    }
    String rcode = text(r, "rcode");
    String transport = text(r.getObject("connection_info"), "protocol_name");
    return new DnsQuery(host == null ? "" : host, text(query, "type"),
        rcode == null ? null : rcode.toUpperCase(Locale.ROOT), answers,
        transport == null ? null : transport.toLowerCase(Locale.ROOT));
  }

  /**
   * File System Activity 1001. For renames OCSF names the original in {@code file} and the new name
   * in {@code file_result}.
   */
  static FileActivity file(JsonObject r) {
    Long id = Values.wholeNumber(r.get("activity_id"));
    String activity = activity(id == null ? 0 : id, text(r, "activity_name"));
    JsonObject file = r.getObject("file");
    JsonObject result = r.getObject("file_result");
    String path = text(file, "path");
    String oldPath = null;
    if (activity.equals("rename") && text(result, "path") != null) {
      oldPath = path;
      path = text(result, "path");
    }
    JsonObject process = r.getObject("process");
    JsonObject actor = r.getObject("actor");
    Long status = Values.wholeNumber(r.get("status_id"));
    return new FileActivity(activity, path, oldPath,
        process == null ? null : text(process.getObject("file"), "path"),
        process == null ? null : Values.wholeNumber(process.get("pid")),
        actor == null ? null : text(actor.getObject("user"), "name"), text(r.getObject("device"), "hostname"),
        status == null || status != 2);
  }

  private static String activity(long id, @Nullable String name) {
    return switch ((int) id) {
      case 1 -> "create";
      case 2 -> "read";
      case 3 -> "write";
      case 4 -> "delete";
      case 5 -> "rename";
      case 6, 7 -> "chmod";
      default -> {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        yield n.equals("execute") ? "execute" : "other";
      }
    };
  }

  /** Kumo's cost line, from {@code unmapped.billing} of its own export. */
  static BillingLine billing(@Nullable JsonObject b) {
    String end = text(b, "period_end");
    return new BillingLine(text(b, "service"), text(b, "usage_type"), text(b, "operation"), text(b, "resource_id"),
        b == null ? null : Values.number(b.get("cost")), text(b, "currency"),
        b == null ? null : Values.number(b.get("usage_amount")), text(b, "usage_unit"),
        end == null ? null : Values.time(end), text(b, "charge_type"));
  }

  private static @Nullable String either(@Nullable JsonObject first, @Nullable JsonObject second, String key) {
    String v = text(first, key);
    return v != null ? v : text(second, key);
  }
}
