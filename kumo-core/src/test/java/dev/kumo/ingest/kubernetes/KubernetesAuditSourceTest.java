package dev.kumo.ingest.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.event.OcsfClass;
import dev.kumo.ingest.ProblemKind;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonText;
import dev.kumo.testing.PantherRecords;
import dev.kumo.testing.SourceTesting;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kubernetes audit events: API server files, EKS through CloudWatch Logs, Panther, and SigmaHQ's rules. */
class KubernetesAuditSourceTest {
  private static LoadedRules rules;

  @BeforeAll
  static void loadRules() {
    rules = SourceTesting.builtinAndSigmaHq();
  }

  /** An EKS audit event: an IAM role's user execs into a pod. */
  static final String EXEC = """
      {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0c7d2f4e-1a9b-4c3d-8e5f-6a7b8c9d0e1f",\
      "stage":"ResponseStarted","requestURI":"/api/v1/namespaces/payments/pods/api-7d9f8-x2k4l/exec?command=%2Fbin%2Fsh&container=api&stdin=true&stdout=true&tty=true",\
      "verb":"create","user":{"username":"arn:aws:sts::111122223333:assumed-role/eks-admins/mallory","uid":"aws-iam-authenticator:111122223333:AROAEXAMPLE",\
      "groups":["system:authenticated"],"extra":{"accessKeyId":["ASIAEXAMPLE7Q2W"],"arn":["arn:aws:sts::111122223333:assumed-role/eks-admins/mallory"],\
      "canonicalArn":["arn:aws:iam::111122223333:role/eks-admins"],"sessionName":["mallory"]}},"sourceIPs":["203.0.113.45"],\
      "userAgent":"kubectl/v1.29.2 (darwin/arm64) kubernetes/4b8e819","objectRef":{"resource":"pods","namespace":"payments",\
      "name":"api-7d9f8-x2k4l","apiVersion":"v1","subresource":"exec"},"responseStatus":{"metadata":{},"code":101},\
      "requestReceivedTimestamp":"2026-03-14T09:12:44.301223Z","stageTimestamp":"2026-03-14T09:12:44.352118Z",\
      "annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"EKS Access Policy: allowed by ClusterRoleBinding"}}""";

  private static final String HOSTPATH_POD = """
      {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"9d1e2f3a-4b5c-4d6e-8f7a-1b2c3d4e5f60",\
      "stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply","verb":"create",\
      "user":{"username":"system:serviceaccount:ci:deployer","groups":["system:serviceaccounts","system:authenticated"]},\
      "sourceIPs":["10.0.3.44"],"userAgent":"kubectl/v1.28.4 (linux/amd64) kubernetes/bae2c62","objectRef":{"resource":"pods",\
      "namespace":"default","name":"node-debug","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":201},\
      "requestObject":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"node-debug"},"spec":{"hostPID":true,\
      "volumes":[{"name":"host","hostPath":{"path":"/","type":"Directory"}}],"containers":[{"name":"sh","image":"alpine:3.19",\
      "command":["sleep","infinity"],"securityContext":{"privileged":true,"capabilities":{"add":["SYS_ADMIN"]}},\
      "volumeMounts":[{"name":"host","mountPath":"/host"}]}]}},\
      "requestReceivedTimestamp":"2026-03-14T09:14:02.000101Z","stageTimestamp":"2026-03-14T09:14:02.051231Z"}""";

  @Test
  void read_pantherEksAuditTests_allReadWithoutProblems() throws Exception {
    SourceTesting.Read r = SourceTesting.read("eks.jsonl",
        PantherRecords.ofTypes("tests_Amazon.EKS.Audit.jsonl.gz", Set.of("Amazon.EKS.Audit"), true));
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).hasSize(188).allSatisfy(e -> assertThat(e.source()).isEqualTo(KubernetesAuditSource.ID));
  }

  @Test
  void sigmaHq_podRules_fireOnPantherSamples() throws Exception {
    List<JsonObject> recs = PantherRecords.select("tests_Amazon.EKS.Audit.jsonl.gz", Set.of("Amazon.EKS.Audit"), true);
    String hostPath = SourceTesting.ruleFromFile(rules, "kubernetes_audit_hostpath_mount.yml").meta().title();
    String privileged = SourceTesting.ruleFromFile(rules, "kubernetes_audit_privileged_pod_creation.yml").meta().title();
    String exec = SourceTesting.ruleFromFile(rules, "kubernetes_audit_exec_into_container.yml").meta().title();
    List<NormalizedEvent> events = SourceTesting.read("eks.jsonl", PantherRecords.asJsonLines(recs)).events();
    NormalizedEvent kubeletMount = events.stream().filter(e -> "test".equals(e.field("objectRef.name"))
        && "/var/lib/kubelet".equals(e.field("kumo.hostPath"))).findFirst().orElseThrow();
    assertThat(SourceTesting.matchingRuleTitles(rules, kubeletMount)).contains(hostPath);
    NormalizedEvent privilegedPod = events.stream().filter(e -> "test-privileged-pod".equals(e.field("objectRef.name")))
        .findFirst().orElseThrow();
    assertThat(privilegedPod.field("kumo.capabilities")).isEqualTo("privileged");
    assertThat(SourceTesting.matchingRuleTitles(rules, privilegedPod)).contains(privileged).doesNotContain(hostPath);
    NormalizedEvent podExec = events.stream().filter(e -> "nginx-pod".equals(e.field("objectRef.name"))
        && "exec".equals(e.field("objectRef.subresource"))).findFirst().orElseThrow();
    assertThat(SourceTesting.matchingRuleTitles(rules, podExec)).contains(exec).doesNotContain(privileged, hostPath);
  }

  @Test
  void normalize_podSpec_derivesHostPathsPrivilegesAndImages() {
    NormalizedEvent e = SourceTesting.read("a.jsonl", (HOSTPATH_POD + "\n").getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(JsonText.write(e.raw().getObject("kumo"))).isEqualTo(
        "{\"hostPath\":\"/\",\"capabilities\":[\"hostPID\",\"privileged\",\"SYS_ADMIN\"],\"images\":\"alpine:3.19\"}");
    assertThat(e.actor().identityType()).isEqualTo("ServiceAccount");
    assertThat(e.api().operation()).isEqualTo("create pods");
    assertThat(e.api().readOnly()).isFalse();
    assertThat(e.resources()).singleElement().satisfies(res -> assertThat(res.uid()).isEqualTo("namespaces/default/pods/node-debug"));
  }

  @Test
  void normalize_eksExec_fillsActorSourceAndOperation() {
    NormalizedEvent e = SourceTesting.read("a.jsonl", (EXEC + "\n").getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(e.ocsfClass()).isEqualTo(OcsfClass.API_ACTIVITY);
    assertThat(e.id()).isEqualTo("0c7d2f4e-1a9b-4c3d-8e5f-6a7b8c9d0e1f:ResponseStarted");
    assertThat(e.time()).isEqualTo(Instant.parse("2026-03-14T09:12:44.301223Z"));
    assertThat(e.actor().principal()).isEqualTo("arn:aws:sts::111122223333:assumed-role/eks-admins/mallory");
    assertThat(e.actor().accessKeyId()).isEqualTo("ASIAEXAMPLE7Q2W");
    assertThat(e.actor().identityType()).isEqualTo("User");
    assertThat(e.src().ip()).isEqualTo("203.0.113.45");
    assertThat(e.src().userAgent()).startsWith("kubectl/");
    assertThat(e.api().operation()).isEqualTo("create pods/exec");
    assertThat(e.api().service()).isEqualTo("core");
    assertThat(e.api().failed()).isFalse();
    String denied = EXEC.replace("\"code\":101}", "\"code\":403,\"reason\":\"Forbidden\",\"status\":\"Failure\","
        + "\"message\":\"pods \\\"api-7d9f8-x2k4l\\\" is forbidden\"}");
    NormalizedEvent d = SourceTesting.read("d.jsonl", (denied + "\n").getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(d.api().errorCode()).isEqualTo("Forbidden");
    assertThat(d.api().errorMessage()).contains("is forbidden");
    String unauthorized = SourceTesting.ruleFromFile(rules, "kubernetes_audit_unauthorized_unauthenticated_actions.yml")
        .meta().title();
    assertThat(SourceTesting.matchingRuleTitles(rules, d)).contains(unauthorized);
    assertThat(SourceTesting.matchingRuleTitles(rules, e)).doesNotContain(unauthorized);
  }

  @Test
  void read_cloudWatchFilterLogEventsOutput_readsAuditMessagesAndReportsOthers() {
    // a page of the whole log group: the authenticator's text line comes first
    String page = "{\"events\":["
        + cwEvent("authenticator-5b8c", "time=\"2026-03-14T09:12:44Z\" level=info msg=\"access granted\" arn=\"arn:aws:iam::111122223333:role/eks-admins\"")
        + "," + cwEvent("kube-apiserver-audit-5b8c", EXEC) + ","
        + cwEvent("kube-apiserver-audit-5b8c", HOSTPATH_POD) + "],\"searchedLogStreams\":[]}";
    SourceTesting.Read r = SourceTesting.read("filter-log-events.json", page.getBytes(StandardCharsets.UTF_8));
    assertThat(r.events()).hasSize(2).allSatisfy(e -> assertThat(e.source()).isEqualTo(KubernetesAuditSource.ID));
    assertThat(r.events()).extracting(e -> e.raw().getString("auditID"))
        .containsExactly("0c7d2f4e-1a9b-4c3d-8e5f-6a7b8c9d0e1f", "9d1e2f3a-4b5c-4d6e-8f7a-1b2c3d4e5f60");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.NOT_SOURCE_RECORD);
      assertThat(p.message()).contains("not a Kubernetes audit event");
    });
  }

  @Test
  void read_firehoseSubscriptionRecords_skipsControlMessageAndNamesTheCluster() throws Exception {
    String control = "{\"messageType\":\"CONTROL_MESSAGE\",\"owner\":\"CloudwatchLogs\",\"logGroup\":\"\",\"logStream\":\"\","
        + "\"subscriptionFilters\":[],\"logEvents\":[{\"id\":\"\",\"timestamp\":1773479500000,"
        + "\"message\":\"CWL CONTROL MESSAGE: Checking health of destination Firehose.\"}]}";
    String data = "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"111122223333\",\"logGroup\":\"/aws/eks/payments-prod/cluster\","
        + "\"logStream\":\"kube-apiserver-audit-5b8c\",\"subscriptionFilters\":[\"to-firehose\"],\"logEvents\":["
        + "{\"id\":\"38012345678901234567890123456789012345678901234567890\",\"timestamp\":1773479564301,\"message\":"
        + JsonText.write(EXEC) + "}]}";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write((control + data).getBytes(StandardCharsets.UTF_8));
    }
    SourceTesting.Read r = SourceTesting.read("firehose-1-2026-03-14", gz.toByteArray());
    assertThat(r.problems()).isEmpty();
    assertThat(r.events()).singleElement().satisfies(e -> {
      assertThat(e.cloud().account()).isEqualTo("payments-prod");
      assertThat(e.field("kumo.cluster")).isEqualTo("payments-prod");
      assertThat(e.api().operation()).isEqualTo("create pods/exec");
    });
  }

  @Test
  void read_webhookEventListAndJsonLines_readEveryEvent() {
    String list = "{\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1\",\"metadata\":{},\"items\":[" + EXEC + ","
        + HOSTPATH_POD + "]}";
    assertThat(SourceTesting.read("batch.json", list.getBytes(StandardCharsets.UTF_8)).events()).hasSize(2);
    SourceTesting.Read lines = SourceTesting.read("audit.log", (EXEC + "\n" + HOSTPATH_POD + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(lines.problems()).isEmpty();
    assertThat(lines.events()).hasSize(2);
  }

  @Test
  void read_truncatedCloudWatchMessage_isReportedAsMalformed() {
    String cut = EXEC.substring(0, 300);
    String page = "{\"events\":[" + cwEvent("kube-apiserver-audit-5b8c", cut) + "]}";
    SourceTesting.Read r = SourceTesting.read("cut.json", page.getBytes(StandardCharsets.UTF_8));
    assertThat(r.events()).isEmpty();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED_JSON);
      assertThat(p.message()).startsWith("CloudWatch message is not well-formed JSON");
    });
  }

  @Test
  void recognizes_coreKubernetesEventObject_isNotAnAuditEvent() {
    JsonObject coreEvent = (JsonObject) dev.kumo.json.JsonTreeReader.lenient().read("""
        {"kind":"Event","apiVersion":"v1","metadata":{"name":"api.17b2"},"involvedObject":{"kind":"Pod","name":"api"},\
        "reason":"BackOff","message":"Back-off restarting failed container","type":"Warning"}""");
    assertThat(new KubernetesAuditSource().recognizes(coreEvent)).isFalse();
  }

  private static String cwEvent(String stream, String message) {
    return "{\"logStreamName\":\"" + stream + "\",\"timestamp\":1773479564301,\"message\":" + JsonText.write(message)
        + ",\"ingestionTime\":1773479566012,\"eventId\":\"38012345678901234567890123456789012345678901234567890\"}";
  }
}
