package dev.kumo.ocsf;

import static dev.kumo.json.JsonFields.field;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.event.Actor;
import dev.kumo.event.ApiCall;
import dev.kumo.event.Authentication;
import dev.kumo.event.BillingLine;
import dev.kumo.event.CloudContext;
import dev.kumo.event.Details;
import dev.kumo.event.DnsQuery;
import dev.kumo.event.Endpoint;
import dev.kumo.event.FileActivity;
import dev.kumo.event.FindingDetails;
import dev.kumo.event.HttpRequest;
import dev.kumo.event.NetworkTraffic;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.event.ResourceRef;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes one normalized event per line as an OCSF 1.1.0 event of its class (API Activity 6003,
 * Authentication 3002, Network Activity 4001, HTTP Activity 4002, DNS Activity 4003, File System
 * Activity 1001, Detection Finding 2004; cost lines as Base Event 0 with the details in
 * {@code unmapped.billing} and the line's label in {@code message}; a finding's numeric product
 * severity goes to {@code unmapped.product_severity}). Attributes Kumo does not know are left out
 * rather than guessed. {@code aws.securitylake} reads this output back.
 */
public final class OcsfWriter {
  /** The OCSF schema version written in {@code metadata.version}. */
  public static final String OCSF_VERSION = "1.1.0";

  private static final JsonFactory JSON = new JsonFactory();
  private final Writer out;
  private final boolean rawData;

  /**
   * @param rawData whether to include the original record as {@code raw_data}
   */
  public OcsfWriter(Writer out, boolean rawData) {
    this.out = out;
    this.rawData = rawData;
  }

  public void write(NormalizedEvent e) throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    OcsfClass c = e.ocsfClass();
    int activity = activityId(e);
    g.writeStartObject();
    g.writeNumberField("class_uid", c.uid());
    g.writeStringField("class_name", c.caption());
    g.writeNumberField("category_uid", c.categoryUid());
    g.writeStringField("category_name", c.category());
    g.writeNumberField("activity_id", activity);
    if (activity == 99 && e.details() instanceof FileActivity f) {
      g.writeStringField("activity_name", capitalize(f.activity()));
    }
    g.writeNumberField("type_uid", c.uid() * 100L + activity);
    g.writeNumberField("severity_id", severityId(e));
    g.writeNumberField("time", e.time().toEpochMilli());
    status(g, e);
    metadata(g, e);
    cloud(g, e.cloud());
    actor(g, e.actor(), e.details() instanceof FileActivity f ? f.user() : null);
    endpoint(g, "src_endpoint", e.src());
    if (e.dst() != null) {
      endpoint(g, "dst_endpoint", e.dst());
    }
    if (c == OcsfClass.API_ACTIVITY || c == OcsfClass.DETECTION_FINDING) {
      api(g, e.api());
    }
    if (c == OcsfClass.BILLING && e.api().operation() != null) {
      g.writeStringField("message", e.api().operation());
    }
    if (e.src().userAgent() != null && !(e.details() instanceof HttpRequest)) {
      g.writeObjectFieldStart("http_request");
      g.writeStringField("user_agent", e.src().userAgent());
      g.writeEndObject();
    }
    resources(g, e);
    details(g, e);
    if (rawData) {
      g.writeStringField("raw_data", e.raw().toJson());
    }
    g.writeEndObject();
    g.close();
    out.write('\n');
  }

  private static int activityId(NormalizedEvent e) {
    Details d = e.details();
    if (d instanceof FileActivity f) {
      return switch (f.activity()) {
        case "create" -> 1;
        case "read" -> 2;
        case "write" -> 3;
        case "chmod" -> 7; // Set Security
        case "delete" -> 4;
        case "rename" -> 5;
        default -> 99;
      };
    }
    if (d instanceof NetworkTraffic) {
      return 6; // Traffic
    }
    if (d instanceof HttpRequest h && h.method() != null) {
      return switch (h.method().toUpperCase(Locale.ROOT)) {
        case "CONNECT" -> 1;
        case "DELETE" -> 2;
        case "GET" -> 3;
        case "HEAD" -> 4;
        case "OPTIONS" -> 5;
        case "POST" -> 6;
        case "PUT" -> 7;
        case "TRACE" -> 8;
        default -> 99;
      };
    }
    if (d instanceof DnsQuery) {
      return 6; // Traffic (query and response in one record)
    }
    if (d instanceof FindingDetails) {
      return 1; // Create
    }
    if (d instanceof Authentication) {
      return 1; // Logon
    }
    if (e.ocsfClass() == OcsfClass.API_ACTIVITY && e.api().operation() != null) {
      String op = e.api().operation();
      if (op.startsWith("Create") || op.startsWith("Put") || op.startsWith("Run") || op.startsWith("Add")) {
        return 1;
      }
      if (op.startsWith("Get") || op.startsWith("Describe") || op.startsWith("List") || op.startsWith("Lookup")) {
        return 2;
      }
      if (op.startsWith("Update") || op.startsWith("Modify") || op.startsWith("Set") || op.startsWith("Attach")) {
        return 3;
      }
      if (op.startsWith("Delete") || op.startsWith("Remove") || op.startsWith("Detach") || op.startsWith("Terminate")) {
        return 4;
      }
    }
    return 0; // Unknown
  }

  private static int severityId(NormalizedEvent e) {
    if (e.details() instanceof FindingDetails f) {
      return switch (f.severityLabel()) {
        case "informational" -> 1;
        case "low" -> 2;
        case "medium" -> 3;
        case "high" -> 4;
        case "critical" -> 5;
        case "fatal" -> 6;
        default -> 0; // Unknown
      };
    }
    return 1; // Informational
  }

  private static void status(JsonGenerator g, NormalizedEvent e) throws IOException {
    Boolean failed = null;
    if (e.api().failed()) {
      failed = true;
    } else if (e.details() instanceof Authentication a) {
      failed = !"success".equalsIgnoreCase(a.result());
    } else if (e.details() instanceof FileActivity f) {
      failed = !f.success();
    } else if (e.ocsfClass() == OcsfClass.API_ACTIVITY) {
      failed = false;
    }
    if (failed != null) {
      g.writeStringField("status", failed ? "Failure" : "Success");
      g.writeNumberField("status_id", failed ? 2 : 1);
    }
  }

  private static void metadata(JsonGenerator g, NormalizedEvent e) throws IOException {
    g.writeObjectFieldStart("metadata");
    g.writeStringField("version", OCSF_VERSION);
    g.writeStringField("uid", e.id());
    g.writeStringField("log_name", e.source());
    g.writeObjectFieldStart("product");
    g.writeStringField("name", e.source());
    g.writeStringField("vendor_name", vendor(e.cloud().provider()));
    g.writeEndObject();
    if (e.time().equals(NormalizedEvent.UNKNOWN_TIME)) {
      // the record carried no time: OCSF requires 'time', so it stays 0, and the label says it is unknown
      g.writeArrayFieldStart("labels");
      g.writeString("kumo:time-unknown");
      g.writeEndArray();
    } else {
      g.writeStringField("original_time", e.time().toString());
    }
    g.writeStringField("processed_by", "kumo");
    g.writeEndObject();
  }

  private static String vendor(String provider) {
    return switch (provider) {
      case "AWS" -> "AWS";
      case "Azure" -> "Microsoft";
      case "GCP" -> "Google";
      default -> provider;
    };
  }

  private static void cloud(JsonGenerator g, CloudContext c) throws IOException {
    g.writeObjectFieldStart("cloud");
    g.writeStringField("provider", c.provider());
    if (c.region() != null) {
      g.writeStringField("region", c.region());
    }
    if (c.account() != null) {
      g.writeObjectFieldStart("account");
      g.writeStringField("uid", c.account());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /**
   * @param fileUser the user of a file event, written as the actor's name when the actor has none
   */
  private static void actor(JsonGenerator g, Actor a, @Nullable String fileUser) throws IOException {
    if (a.equals(Actor.UNKNOWN) && fileUser == null) {
      return;
    }
    g.writeObjectFieldStart("actor");
    g.writeObjectFieldStart("user");
    field(g, "uid", a.principal());
    field(g, "uid_alt", a.principalId());
    field(g, "name", a.userName() != null ? a.userName() : fileUser);
    field(g, "type", a.identityType());
    field(g, "credential_uid", a.accessKeyId());
    g.writeEndObject();
    if (a.sessionIssuer() != null || a.mfa() != null || a.sourceIdentity() != null) {
      g.writeObjectFieldStart("session");
      field(g, "issuer", a.sessionIssuer());
      if (a.mfa() != null) {
        g.writeBooleanField("is_mfa", a.mfa());
      }
      field(g, "uid_alt", a.sourceIdentity());
      g.writeEndObject();
    }
    field(g, "invoked_by", a.invokedBy());
    g.writeEndObject();
  }

  private static void endpoint(JsonGenerator g, String name, Endpoint p) throws IOException {
    if (p.ip() == null && p.name() == null && p.port() == null) {
      return;
    }
    g.writeObjectFieldStart(name);
    field(g, "ip", p.ip());
    if (p.cloudService()) {
      field(g, "svc_name", p.name());
    } else {
      field(g, "hostname", p.name());
    }
    if (p.port() != null) {
      g.writeNumberField("port", p.port());
    }
    g.writeEndObject();
  }

  private static void api(JsonGenerator g, ApiCall a) throws IOException {
    g.writeObjectFieldStart("api");
    field(g, "operation", a.operation());
    if (a.service() != null) {
      g.writeObjectFieldStart("service");
      g.writeStringField("name", a.service());
      g.writeEndObject();
    }
    if (a.requestId() != null) {
      g.writeObjectFieldStart("request");
      g.writeStringField("uid", a.requestId());
      g.writeEndObject();
    }
    if (a.failed() || a.errorMessage() != null && !a.errorMessage().isEmpty()) {
      g.writeObjectFieldStart("response");
      field(g, "error", a.errorCode());
      field(g, "error_message", a.errorMessage());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void resources(JsonGenerator g, NormalizedEvent e) throws IOException {
    if (e.resources().isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("resources");
    for (ResourceRef r : e.resources()) {
      g.writeStartObject();
      field(g, "uid", r.uid());
      field(g, "type", r.type());
      if (r.account() != null) {
        g.writeObjectFieldStart("owner");
        g.writeStringField("account_uid", r.account());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void details(JsonGenerator g, NormalizedEvent e) throws IOException {
    Details d = e.details();
    if (d instanceof NetworkTraffic n) {
      g.writeObjectFieldStart("connection_info");
      field(g, "protocol_name", n.protocol());
      field(g, "direction", n.direction());
      if (n.tcpFlags() != null) {
        g.writeNumberField("tcp_flags", n.tcpFlags());
      }
      g.writeEndObject();
      traffic(g, n.bytes(), n.packets(), null, null);
      if (n.action() != null) {
        boolean allowed = n.action().equalsIgnoreCase("accept");
        g.writeStringField("disposition", allowed ? "Allowed" : "Blocked");
        g.writeNumberField("disposition_id", allowed ? 1 : 2);
      }
      if (n.endTime() != null) {
        g.writeNumberField("end_time", n.endTime().toEpochMilli());
      }
      if (n.instanceId() != null || n.interfaceId() != null || n.vpcId() != null) {
        g.writeObjectFieldStart("device");
        field(g, "instance_uid", n.instanceId());
        field(g, "interface_uid", n.interfaceId());
        field(g, "vpc_uid", n.vpcId());
        g.writeEndObject();
      }
    } else if (d instanceof HttpRequest h) {
      g.writeObjectFieldStart("http_request");
      field(g, "http_method", h.method());
      if (h.url() != null) {
        g.writeObjectFieldStart("url");
        g.writeStringField("url_string", h.url());
        g.writeEndObject();
      }
      field(g, "user_agent", e.src().userAgent());
      field(g, "version", h.httpVersion());
      g.writeEndObject();
      if (h.status() != null) {
        g.writeObjectFieldStart("http_response");
        g.writeNumberField("code", h.status());
        g.writeEndObject();
      }
      traffic(g, null, null, h.bytesIn(), h.bytesOut());
      if (h.action() != null) {
        boolean blocked = h.action().equalsIgnoreCase("block");
        g.writeStringField("disposition", blocked ? "Blocked" : "Allowed");
        g.writeNumberField("disposition_id", blocked ? 2 : 1);
      }
      if (h.rule() != null) {
        g.writeObjectFieldStart("firewall_rule");
        g.writeStringField("name", h.rule());
        g.writeEndObject();
      }
    } else if (d instanceof DnsQuery q) {
      g.writeObjectFieldStart("query");
      g.writeStringField("hostname", q.hostname());
      field(g, "type", q.type());
      g.writeEndObject();
      if (!q.answers().isEmpty()) {
        g.writeArrayFieldStart("answers");
        for (String a : q.answers()) {
          g.writeStartObject();
          g.writeStringField("rdata", a);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      field(g, "rcode", q.rcode());
      if (q.transport() != null) {
        g.writeObjectFieldStart("connection_info");
        g.writeStringField("protocol_name", q.transport().toLowerCase(Locale.ROOT));
        g.writeEndObject();
      }
    } else if (d instanceof FileActivity f) {
      // OCSF: file is the target of the activity; for a rename, the original name, and file_result the new one
      boolean rename = f.oldPath() != null;
      file(g, "file", rename ? f.oldPath() : f.path());
      if (rename) {
        file(g, "file_result", f.path());
      }
      if (f.process() != null || f.pid() != null) {
        g.writeObjectFieldStart("process");
        if (f.pid() != null) {
          g.writeNumberField("pid", f.pid());
        }
        if (f.process() != null) {
          g.writeObjectFieldStart("file");
          g.writeStringField("path", f.process());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      if (f.host() != null) {
        g.writeObjectFieldStart("device");
        g.writeStringField("hostname", f.host());
        g.writeEndObject();
      }
    } else if (d instanceof FindingDetails f) {
      g.writeObjectFieldStart("finding_info");
      g.writeStringField("uid", e.id());
      field(g, "title", f.title() == null ? f.type() : f.title());
      field(g, "desc", f.description());
      g.writeArrayFieldStart("types");
      g.writeString(f.type());
      g.writeEndArray();
      g.writeObjectFieldStart("product");
      g.writeStringField("name", f.product());
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("severity", capitalize(f.severityLabel()));
      if (f.severity() != null) {
        g.writeObjectFieldStart("unmapped");
        g.writeNumberField("product_severity", f.severity());
        g.writeEndObject();
      }
    } else if (d instanceof Authentication a) {
      field(g, "status_detail", a.reason());
      field(g, "auth_protocol", a.method());
      if (a.application() != null) {
        g.writeObjectFieldStart("service");
        g.writeStringField("name", a.application());
        g.writeEndObject();
      }
    } else if (d instanceof BillingLine b) {
      g.writeObjectFieldStart("unmapped");
      g.writeObjectFieldStart("billing");
      field(g, "service", b.service());
      field(g, "usage_type", b.usageType());
      field(g, "operation", b.operation());
      field(g, "resource_id", b.resourceId());
      if (b.cost() != null) {
        g.writeNumberField("cost", b.cost());
      }
      field(g, "currency", b.currency());
      if (b.usageAmount() != null) {
        g.writeNumberField("usage_amount", b.usageAmount());
      }
      field(g, "usage_unit", b.usageUnit());
      if (b.periodEnd() != null) {
        g.writeStringField("period_end", b.periodEnd().toString());
      }
      field(g, "charge_type", b.chargeType());
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  private static void file(JsonGenerator g, String name, @Nullable String path) throws IOException {
    if (path != null) {
      g.writeObjectFieldStart(name);
      g.writeStringField("path", path);
      g.writeStringField("name", path.substring(path.lastIndexOf('/') + 1));
      g.writeEndObject();
    }
  }

  private static void traffic(JsonGenerator g, @Nullable Long bytes, @Nullable Long packets, @Nullable Long in,
      @Nullable Long out) throws IOException {
    if (bytes == null && packets == null && in == null && out == null) {
      return;
    }
    g.writeObjectFieldStart("traffic");
    if (bytes != null) {
      g.writeNumberField("bytes", bytes);
    }
    if (packets != null) {
      g.writeNumberField("packets", packets);
    }
    if (in != null) {
      g.writeNumberField("bytes_in", in);
    }
    if (out != null) {
      g.writeNumberField("bytes_out", out);
    }
    g.writeEndObject();
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
