package dev.kumo.ingest.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.ingest.gworkspace.GoogleWorkspaceSource;
import dev.kumo.testing.PantherRecords;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Google Cloud Audit Logs: every layout, Panther's and plaso's samples, SigmaHQ's GCP rules. */
class GcpAuditSourceTest {
  private static LoadedRules rules;

  @BeforeAll
  static void loadRules() {
    rules = SourceTesting.builtinAndSigmaHq();
  }

  /** An admin-activity entry as a Cloud Storage sink writes it. */
  static final String FIREWALL = """
      {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog","status":{},\
      "authenticationInfo":{"principalEmail":"ops@acme.example","principalSubject":"user:ops@acme.example"},\
      "requestMetadata":{"callerIp":"198.51.100.14","callerSuppliedUserAgent":"google-cloud-sdk gcloud/468.0.0,gzip(gfe)"},\
      "serviceName":"compute.googleapis.com","methodName":"v1.compute.firewalls.insert",\
      "authorizationInfo":[{"permission":"compute.firewalls.create","granted":true,"permissionType":"ADMIN_WRITE"}],\
      "resourceName":"projects/acme-prod-7731/global/firewalls/allow-ssh-any",\
      "request":{"name":"allow-ssh-any","sourceRanges":["0.0.0.0/0"],"allowed":[{"IPProtocol":"tcp","ports":["22"]}]}},\
      "insertId":"-7sw3k1e2b4q","resource":{"type":"gce_firewall_rule","labels":{"project_id":"acme-prod-7731",\
      "firewall_rule_id":"5566778899001122334"}},"timestamp":"2026-03-14T09:12:44.318841Z","severity":"NOTICE",\
      "logName":"projects/acme-prod-7731/logs/cloudaudit.googleapis.com%2Factivity",\
      "operation":{"id":"operation-1773479564-abc","producer":"compute.googleapis.com","first":true},\
      "receiveTimestamp":"2026-03-14T09:12:45.102Z"}""";

  @Test
  void read_pantherGcpAuditLogTests_allReadWithoutProblems() throws Exception {
    byte[] lines = PantherRecords.ofTypes("tests_GCP.AuditLog.jsonl.gz", Set.of("GCP.AuditLog"), true);
    SourceTesting.Read r = SourceTesting.read("gcp.jsonl", lines);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(168);
    // Workspace entries shared into Cloud Logging go to the Workspace source
    assertThat(r.events()).filteredOn(e -> e.source().equals(GoogleWorkspaceSource.ID)).hasSize(5)
        .allSatisfy(e -> assertThat(e.raw().getObject("protoPayload").getString("serviceName")).isEqualTo("admin.googleapis.com"));
    assertThat(r.events()).filteredOn(e -> e.source().equals(GcpAuditSource.ID)).hasSize(163);
  }

  @Test
  void read_gcpRecordsOfPantherEksTests_readAsGcp() throws Exception {
    byte[] lines = PantherRecords.ofTypes("tests_Amazon.EKS.Audit.jsonl.gz", Set.of("GCP.AuditLog"), false);
    SourceTesting.Read r = SourceTesting.read("gke.jsonl", lines);
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(34).allSatisfy(e -> assertThat(e.source()).isEqualTo(GcpAuditSource.ID));
    assertThat(r.events()).anySatisfy(e -> assertThat(e.api().service()).isEqualTo("k8s.io"));
  }

  @Test
  void read_plasoCloudLoggingExport_readsAuditAndApplicationEntries() {
    SourceTesting.Read r = SourceTesting.read(SharedData.require("data/plaso-cloud-test-data/gcp_logging.jsonl"));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(11).allSatisfy(e -> assertThat(e.source()).isEqualTo(GcpAuditSource.ID));
    NormalizedEvent first = r.events().get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2021-10-19T02:57:47.339377Z"));
    assertThat(first.actor().principal()).isEqualTo("fakeemailxyz@gmail.com");
    assertThat(first.actor().identityType()).isEqualTo("User");
    assertThat(first.src().ip()).isEqualTo("1.1.1.1");
    assertThat(first.src().userAgent()).isEqualTo("UserAgent");
    assertThat(first.cloud().account()).isEqualTo("fake-project");
    assertThat(first.api().operation()).isEqualTo("beta.compute.networks.insert");
    assertThat(first.api().readOnly()).isFalse();
    // the application log entries of the same export: named after their log
    assertThat(r.events()).filteredOn(e -> e.raw().has("textPayload")).singleElement()
        .satisfies(e -> assertThat(e.api().operation()).isEqualTo("testlog"));
  }

  @Test
  void sigmaHq_firewallRuleRule_firesOnPlasoFirewallInsertOnly() {
    SourceTesting.Read r = SourceTesting.read(SharedData.require("data/plaso-cloud-test-data/gcp_logging.jsonl"));
    String title = SourceTesting.ruleFromFile(rules, "gcp_firewall_rule_modified_or_deleted.yml").meta().title();
    List<NormalizedEvent> firing = r.events().stream()
        .filter(e -> SourceTesting.matchingRuleTitles(rules, e).contains(title)).toList();
    assertThat(firing).hasSize(2).allSatisfy(e -> assertThat(e.api().operation()).isEqualTo("v1.compute.firewalls.insert"));
  }

  @Test
  void sigmaHq_dataPrefixedNames_resolveOnTheEntry() {
    String entry = """
        {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",\
        "authenticationInfo":{"principalEmail":"mallory@acme.example"},\
        "requestMetadata":{"callerIp":"203.0.113.45"},"serviceName":"accesscontextmanager.googleapis.com",\
        "methodName":"google.identity.accesscontextmanager.v1.AccessContextManager.DeleteAccessPolicy",\
        "authorizationInfo":[{"resource":"accessPolicies/771122","permission":"accesscontextmanager.accessPolicies.delete",\
        "granted":true}],"resourceName":"accessPolicies/771122"},"insertId":"1h2j3k4l","resource":\
        {"type":"audited_resource","labels":{"service":"accesscontextmanager.googleapis.com"}},\
        "timestamp":"2026-03-14T09:30:00.100Z","logName":"organizations/4455667788/logs/cloudaudit.googleapis.com%2Factivity"}""";
    NormalizedEvent e = SourceTesting.read("acm.jsonl", entry.getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(e.cloud().account()).isEqualTo("organizations/4455667788");
    String title = SourceTesting.ruleFromFile(rules, "gcp_access_policy_deleted.yml").meta().title();
    assertThat(SourceTesting.matchingRuleTitles(rules, e)).contains(title);
    NormalizedEvent denied = SourceTesting.read("acm.jsonl", entry.replace("\"granted\":true", "\"granted\":false")
        .getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(SourceTesting.matchingRuleTitles(rules, denied)).doesNotContain(title);
  }

  /**
   * SigmaHQ's break-glass rule compares data.protoPayload.logName with the decoded log id and
   * data.protoPayload.resource.type with the entry's resource type; its keyword (searched in values)
   * never occurs in GKE entries, which write the break-glass marker as a label key, so the rule's
   * selection is checked here on its own.
   */
  @Test
  void mapping_breakGlassSelectionNames_resolveToLogIdAndResourceType() {
    String pod = """
        {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",\
        "authenticationInfo":{"principalEmail":"oncall@acme.example"},"serviceName":"k8s.io",\
        "methodName":"io.k8s.core.v1.pods.create","resourceName":"core/v1/namespaces/payments/pods/debug-shell"},\
        "insertId":"a1b2c3","resource":{"type":"k8s_cluster","labels":{"project_id":"acme-prod-7731",\
        "location":"us-central1","cluster_name":"payments"}},"timestamp":"2026-03-14T10:00:00Z",\
        "labels":{"imagepolicywebhook.image-policy.k8s.io/break-glass":"true"},\
        "logName":"projects/acme-prod-7731/logs/cloudaudit.googleapis.com%2Factivity"}""";
    String rule = """
        title: break-glass selection
        id: 0b9e1f3a-5c2d-4e6f-8a7b-9c0d1e2f3a4b
        logsource: {product: gcp, service: gcp.audit}
        detection:
            selection:
                data.protoPayload.resource.type: 'k8s_cluster'
                data.protoPayload.logName:
                    - 'cloudaudit.googleapis.com/activity'
                    - 'cloudaudit.googleapis.com%2Factivity'
                data.protoPayload.methodName: 'io.k8s.core.v1.pods.create'
            condition: selection
        level: low
        """;
    var loaded = new dev.kumo.sigma.RuleLoader().loadText(rule, "t.yml", false);
    var engine = dev.kumo.detect.EngineBuilder.defaults(dev.kumo.sigma.compile.CompileOptions.defaults())
        .build(loaded.rules()).engine();
    NormalizedEvent e = SourceTesting.read("gke.jsonl", pod.getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(e.field("kumo.logId")).isEqualTo("cloudaudit.googleapis.com/activity");
    assertThat(e.cloud().region()).isEqualTo("us-central1");
    boolean[] hit = new boolean[1];
    engine.match(e, r -> hit[0] = true);
    assertThat(hit[0]).isTrue();
    NormalizedEvent dataAccess = SourceTesting.read("gke.jsonl", pod.replace("%2Factivity", "%2Fdata_access")
        .getBytes(StandardCharsets.UTF_8)).events().get(0);
    hit[0] = false;
    engine.match(dataAccess, r -> hit[0] = true);
    assertThat(hit[0]).isFalse();
  }

  @Test
  void normalize_pantherLowerCasedEntry_readsCallerIpAndSpaceSeparatedTime() throws Exception {
    List<dev.kumo.json.JsonObject> recs = PantherRecords.select("tests_GCP.AuditLog.jsonl.gz", Set.of("GCP.AuditLog"), true);
    dev.kumo.json.JsonObject lower = recs.stream().filter(o -> o.has("logname") && o.has("insertid")
        && "NOTICE".equals(o.getString("severity"))).findFirst().orElseThrow();
    NormalizedEvent e = SourceTesting.read("p.jsonl", PantherRecords.asJsonLines(List.of(lower))).events().get(0);
    assertThat(e.id()).isEqualTo(lower.getString("insertid"));
    assertThat(e.time()).isNotEqualTo(NormalizedEvent.UNKNOWN_TIME);
    assertThat(e.src().ip()).isNotNull();
    assertThat(e.field("kumo.logId")).startsWith("cloudaudit.googleapis.com/");
  }

  @Test
  void normalize_deniedCallAndServiceAccountKey_fillErrorAndKey() {
    String denied = FIREWALL.replace("\"status\":{}", "\"status\":{\"code\":7,\"message\":\"Required 'compute.firewalls.create' permission\"}")
        .replace("\"principalEmail\":\"ops@acme.example\",\"principalSubject\":\"user:ops@acme.example\"",
            "\"principalEmail\":\"ci@acme-prod-7731.iam.gserviceaccount.com\",\"serviceAccountKeyName\":"
                + "\"//iam.googleapis.com/projects/acme-prod-7731/serviceAccounts/ci@acme-prod-7731.iam.gserviceaccount.com/keys/abc123\","
                + "\"serviceAccountDelegationInfo\":[{\"firstPartyPrincipal\":{\"principalEmail\":\"dev@acme.example\"}}]");
    NormalizedEvent e = SourceTesting.read("d.jsonl", denied.getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(e.api().errorCode()).isEqualTo("PERMISSION_DENIED");
    assertThat(e.api().errorMessage()).contains("compute.firewalls.create");
    assertThat(e.api().failed()).isTrue();
    assertThat(e.actor().identityType()).isEqualTo("ServiceAccount");
    assertThat(e.actor().sourceIdentity()).isEqualTo("dev@acme.example");
    assertThat(e.actor().accessKeyId()).endsWith("/keys/abc123");
    assertThat(e.field("kumo.serviceAccountKeyId")).isEqualTo("abc123");
    assertThat(e.resources()).singleElement().satisfies(res -> {
      assertThat(res.uid()).isEqualTo("projects/acme-prod-7731/global/firewalls/allow-ssh-any");
      assertThat(res.type()).isEqualTo("gce_firewall_rule");
    });
  }

  @Test
  void read_gcloudJsonArray_readsEveryEntry() {
    String array = "[\n  " + FIREWALL + ",\n  " + FIREWALL.replace("-7sw3k1e2b4q", "-7sw3k1e2b4r") + "\n]\n";
    SourceTesting.Read r = SourceTesting.read("gcloud.json", array.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).extracting(NormalizedEvent::id).containsExactly("-7sw3k1e2b4q", "-7sw3k1e2b4r");
  }

  @Test
  void read_pubSubMessages_decodeTheEntryAndRouteWorkspaceEntries() {
    String workspace = """
        {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",\
        "authenticationInfo":{"principalEmail":"admin@acme.example"},"requestMetadata":{"callerIp":"198.51.100.9"},\
        "serviceName":"admin.googleapis.com","methodName":"google.admin.AdminService.assignRole",\
        "resourceName":"organizations/4455667788/userSettings","metadata":{"@type":\
        "type.googleapis.com/ccc_hosted_reporting.ActivityProto","activityId":{"timeUsec":"1773479600000000",\
        "uniqQualifier":"-88112233"},"event":[{"eventName":"ASSIGN_ROLE","eventType":"DELEGATED_ADMIN_SETTINGS",\
        "parameter":[{"name":"ROLE_NAME","value":"_SEED_ADMIN_ROLE","type":"TYPE_STRING"}]}]}},\
        "insertId":"ws1","resource":{"type":"audited_resource","labels":{"service":"admin.googleapis.com"}},\
        "timestamp":"2026-03-14T09:13:20Z","logName":"organizations/4455667788/logs/cloudaudit.googleapis.com%2Factivity"}""";
    String push = pubSub(FIREWALL, true);
    String pull = "[" + pubSub(workspace, false) + "]";
    SourceTesting.Read r = SourceTesting.read("push.jsonl", (push + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(GcpAuditSource.ID);
      assertThat(e.api().operation()).isEqualTo("v1.compute.firewalls.insert");
      assertThat(e.raw().has("message")).isFalse();
    });
    SourceTesting.Read w = SourceTesting.read("pull.json", pull.getBytes(StandardCharsets.UTF_8));
    assertThat(w.problems()).isEmpty();
    assertThat(w.events()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(GoogleWorkspaceSource.ID);
      assertThat(e.api().operation()).isEqualTo("ASSIGN_ROLE");
    });
  }

  private static String pubSub(String entry, boolean push) {
    String data = Base64.getEncoder().encodeToString(entry.getBytes(StandardCharsets.UTF_8));
    String message = "{\"attributes\":{\"logging.googleapis.com/timestamp\":\"2026-03-14T09:12:44.318841Z\"},"
        + "\"data\":\"" + data + "\",\"messageId\":\"10582749316\",\"publishTime\":\"2026-03-14T09:12:46.001Z\"}";
    return push ? "{\"message\":" + message + ",\"subscription\":\"projects/acme-sec/subscriptions/audit-push\"}"
        : "{\"ackId\":\"UAYWLF1GSFE3GQhoUQ5PXiM_NSAoRRIJB08CKF15MEorQVh0Dk\",\"message\":" + message + "}";
  }

  @Test
  void read_loggingApiEntriesPage_readsEntries() {
    String page = "{\"entries\":[" + FIREWALL + "," + FIREWALL.replace("-7sw3k1e2b4q", "-x") + "],\"nextPageToken\":\"EAA4\"}";
    SourceTesting.Read r = SourceTesting.read("page.json", page.getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(2);
  }

  @Test
  void read_badPubSubData_reportsEachMessageAndGoesOn() {
    String notBase64 = "{\"message\":{\"data\":\"%%%not base64%%%\",\"messageId\":\"1\"},\"subscription\":\"projects/p/subscriptions/s\"}";
    String notJson = "{\"message\":{\"data\":\"" + Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8))
        + "\",\"messageId\":\"2\"},\"subscription\":\"projects/p/subscriptions/s\"}";
    String good = pubSub(FIREWALL, true);
    SourceTesting.Read r = SourceTesting.read("mixed.jsonl", (notBase64 + "\n" + notJson + "\n" + good + "\n")
        .getBytes(StandardCharsets.UTF_8));
    assertThat(r.events()).hasSize(1);
    assertThat(r.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.MALFORMED_RECORD, ProblemKind.MALFORMED_JSON);
    assertThat(r.problems()).extracting(p -> p.line()).containsExactly(1L, 2L);
    assertThat(r.problems().get(0).message()).contains("Pub/Sub message.data is not valid base64");
  }

  @Test
  void recognizes_loadBalancerRequestLog_isNotClaimed() {
    String lb = """
        {"insertId":"1x2y3z","jsonPayload":{"@type":"type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry",\
        "statusDetails":"response_sent_by_backend"},"httpRequest":{"requestMethod":"GET","requestUrl":"https://shop.acme.example/",\
        "status":200,"remoteIp":"192.0.2.10"},"resource":{"type":"http_load_balancer","labels":{"project_id":"acme-prod-7731"}},\
        "timestamp":"2026-03-14T09:12:44Z","logName":"projects/acme-prod-7731/logs/requests"}""";
    GcpAuditSource source = new GcpAuditSource();
    assertThat(source.recognizes(dev.kumo.json.JsonTreeReader.lenient().read(lb) instanceof dev.kumo.json.JsonObject o
        ? o : dev.kumo.json.JsonObject.EMPTY)).isFalse();
  }

  @Test
  void normalize_entryWithoutTime_isKeptWithUnknownTime() {
    SourceTesting.Read r = SourceTesting.read("f.jsonl",
        "{\"methodName\":\"v1.compute.firewalls.patch\"}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.time()).isEqualTo(NormalizedEvent.UNKNOWN_TIME);
      assertThat(e.api().operation()).isEqualTo("v1.compute.firewalls.patch");
      assertThat(e.id()).startsWith("sha256:");
    });
  }
}
