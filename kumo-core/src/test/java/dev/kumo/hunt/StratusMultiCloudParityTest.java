package dev.kumo.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.sigma.yaml.YList;
import dev.kumo.sigma.yaml.YMap;
import dev.kumo.sigma.yaml.YNode;
import dev.kumo.sigma.yaml.YamlReader;
import dev.kumo.testing.SharedData;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity with Stratus Red Team outside AWS (GCP, Azure, Entra ID, Kubernetes, EKS): hunted alone with the
 * built-in pack, the logs of every technique must produce a finding tagged with one of the technique's ATT&CK
 * ids, except the few listed in {@link #NOT_COVERED} with the reason. Stratus publishes no detonation logs for
 * these platforms, so each technique has a fixture written for Kumo from the technique's documentation and the
 * API calls it makes, in the export format of the source that reads it
 * ({@code src/test/resources/stratus-fixtures-multicloud/<platform>/<technique>.json}): Cloud Audit Logs as
 * {@code gcloud logging read} writes them, Activity Log and Entra ID audit records as diagnostic settings write
 * them, Kubernetes audit events as JSON Lines, CloudTrail as delivered to S3.
 */
class StratusMultiCloudParityTest {

  /** The ATT&CK techniques whose findings count for each covered technique (sub-techniques count too). */
  static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
      // GCP
      Map.entry("gcp.credential-access.secretmanager-retrieve-secrets", Set.of("T1555.006")),
      Map.entry("gcp.defense-evasion.delete-dns-logs", Set.of("T1562.008")),
      Map.entry("gcp.defense-evasion.delete-logging-sink", Set.of("T1562.008")),
      Map.entry("gcp.defense-evasion.disable-audit-logs", Set.of("T1562.008")),
      Map.entry("gcp.defense-evasion.disable-logging-sink", Set.of("T1562.008")),
      Map.entry("gcp.defense-evasion.remove-project-from-organization", Set.of("T1666")),
      Map.entry("gcp.defense-evasion.remove-vpc-flow-logs", Set.of("T1562.008")),
      Map.entry("gcp.discovery.enumerate-permissions", Set.of("T1069.003", "T1087.004")),
      Map.entry("gcp.execution.modify-vertex-notebook-startup", Set.of("T1059.009")),
      Map.entry("gcp.exfiltration.share-compute-disk", Set.of("T1537")),
      Map.entry("gcp.exfiltration.share-compute-image", Set.of("T1537")),
      Map.entry("gcp.exfiltration.share-compute-snapshot", Set.of("T1537")),
      Map.entry("gcp.impact.create-gpu-vm", Set.of("T1496")),
      Map.entry("gcp.impact.create-instances-in-multiple-zones", Set.of("T1496")),
      Map.entry("gcp.impact.gcs-ransomware-client-side-encryption", Set.of("T1486")),
      Map.entry("gcp.impact.gcs-ransomware-individual-deletion", Set.of("T1485", "T1486")),
      Map.entry("gcp.initial-access.use-compute-sa-outside-gcp", Set.of("T1078.004", "T1552.005")),
      Map.entry("gcp.lateral-movement.add-sshkey-instance-metadata", Set.of("T1098.004")),
      Map.entry("gcp.persistence.backdoor-service-account-policy", Set.of("T1098.003")),
      Map.entry("gcp.persistence.create-admin-service-account", Set.of("T1098.003")),
      Map.entry("gcp.persistence.create-service-account-key", Set.of("T1098.001")),
      Map.entry("gcp.persistence.invite-external-user", Set.of("T1098.003")),
      Map.entry("gcp.privilege-escalation.impersonate-service-accounts", Set.of("T1548.005")),
      // Azure
      Map.entry("azure.credential-access.app-service-publishing-credentials", Set.of("T1552")),
      Map.entry("azure.execution.vm-custom-script-extension", Set.of("T1651")),
      Map.entry("azure.execution.vm-run-command", Set.of("T1651")),
      Map.entry("azure.exfiltration.disk-export", Set.of("T1567")),
      Map.entry("azure.exfiltration.storage-public-access", Set.of("T1530")),
      Map.entry("azure.exfiltration.storage-sas-export", Set.of("T1552")),
      Map.entry("azure.impact.blob-ransomware-client-encryption-scope", Set.of("T1486")),
      Map.entry("azure.impact.blob-ransomware-cpek", Set.of("T1486")),
      Map.entry("azure.impact.blob-ransomware-individual-file-deletion", Set.of("T1485", "T1486")),
      Map.entry("azure.impact.blob-ransomware-service-storage-cmk", Set.of("T1486")),
      Map.entry("azure.impact.resource-lock", Set.of("T1485")),
      Map.entry("azure.persistence.backdoor-managed-identity-fic", Set.of("T1098.001")),
      Map.entry("azure.persistence.create-bastion-shareable-link", Set.of("T1133")),
      Map.entry("azure.persistence.exfiltrate-foundry-key", Set.of("T1556", "T1552")),
      Map.entry("azure.privilege-escalation.root-user-access-administrator", Set.of("T1098.003")),
      // Entra ID
      Map.entry("entra-id.persistence.backdoor-application", Set.of("T1098.001")),
      Map.entry("entra-id.persistence.backdoor-application-fic", Set.of("T1098.001")),
      Map.entry("entra-id.persistence.backdoor-application-sp", Set.of("T1098.001")),
      Map.entry("entra-id.persistence.guest-user", Set.of("T1136.003")),
      Map.entry("entra-id.persistence.hidden-au", Set.of("T1098")),
      Map.entry("entra-id.persistence.new-application", Set.of("T1098.003")),
      Map.entry("entra-id.persistence.restricted-au", Set.of("T1098")),
      // Kubernetes
      Map.entry("k8s.credential-access.dump-secrets", Set.of("T1552.007")),
      Map.entry("k8s.credential-access.steal-serviceaccount-token", Set.of("T1528", "T1552.007")),
      Map.entry("k8s.persistence.create-admin-clusterrole", Set.of("T1098.006")),
      Map.entry("k8s.persistence.create-client-certificate", Set.of("T1098.001")),
      Map.entry("k8s.persistence.create-token", Set.of("T1098.001", "T1528")),
      Map.entry("k8s.privilege-escalation.hostpath-volume", Set.of("T1611")),
      Map.entry("k8s.privilege-escalation.nodes-proxy", Set.of("T1611")),
      Map.entry("k8s.privilege-escalation.privileged-pod", Set.of("T1611")),
      // EKS
      Map.entry("eks.lateral-movement.create-access-entry", Set.of("T1098.006")),
      Map.entry("eks.persistence.backdoor-aws-auth-configmap", Set.of("T1098.006")));

  /** Techniques deliberately left without a rule, and why; their fixtures must raise no tagged finding. */
  static final Map<String, String> NOT_COVERED = Map.of(
      "gcp.defense-evasion.reduce-sink-log-retention",
      "Cloud Storage logs storage.buckets.update without the new lifecycle configuration, and nothing in the "
          + "entry says the bucket receives a log sink: a one-day deletion rule on a sink bucket reads like any "
          + "other bucket update",
      "gcp.discovery.download-instance-metadata",
      "compute.instances.list/get are the reads every console page, gcloud command and Terraform plan makes; "
          + "without a per-principal baseline of Compute readers a rule would only add noise");

  /** The ATT&CK techniques of NOT_COVERED techniques, to check that no finding claims them. */
  private static final Map<String, Set<String>> NOT_COVERED_TECHNIQUES = Map.of(
      "gcp.defense-evasion.reduce-sink-log-retention", Set.of("T1562"),
      "gcp.discovery.download-instance-metadata", Set.of("T1580", "T1552.005"));

  private static final List<String> PLATFORMS = List.of("gcp", "azure", "entra-id", "kubernetes", "eks");

  private static LoadedRules rules;

  @BeforeAll
  static void loadPack() {
    rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    assertThat(rules.errorCount()).isZero();
  }

  @Test
  void hunt_everyStratusTechniqueOutsideAws_builtinPackTagsItsAttackTechnique() throws Exception {
    Map<String, Path> fixtures = fixtures();
    Set<String> all = new TreeSet<>(EXPECTED.keySet());
    all.addAll(NOT_COVERED.keySet());
    assertThat(EXPECTED.keySet()).doesNotContainAnyElementsOf(NOT_COVERED.keySet());
    assertThat(fixtures.keySet()).as("one fixture per technique").isEqualTo(all);

    Map<String, Map<String, Set<String>>> byPlatform = new TreeMap<>();
    for (Map.Entry<String, Path> e : fixtures.entrySet()) {
      String technique = e.getKey();
      Set<String> ids = EXPECTED.getOrDefault(technique, NOT_COVERED_TECHNIQUES.get(technique));
      byPlatform.computeIfAbsent(platform(e.getValue()), p -> new TreeMap<>()).put(technique, hunt(e.getValue(), ids));
    }

    System.out.println("Stratus Red Team techniques outside AWS with a finding tagged with their ATT&CK technique:");
    System.out.printf("  %-10s %7s %5s%n", "platform", "covered", "total");
    for (String p : PLATFORMS) {
      Map<String, Set<String>> t = byPlatform.getOrDefault(p, Map.of());
      System.out.printf("  %-10s %7d %5d%n", p, t.values().stream().filter(s -> !s.isEmpty()).count(), t.size());
    }
    for (String p : PLATFORMS) {
      for (Map.Entry<String, Set<String>> e : byPlatform.getOrDefault(p, Map.of()).entrySet()) {
        String status = NOT_COVERED.containsKey(e.getKey()) ? "skipped" : e.getValue().isEmpty() ? "MISSED" : "found";
        System.out.printf("  %-8s %-62s %s%n", status, e.getKey(), NOT_COVERED.containsKey(e.getKey())
            ? NOT_COVERED.get(e.getKey()) : String.join("; ", e.getValue()));
      }
    }

    Map<String, Set<String>> found = new TreeMap<>();
    byPlatform.values().forEach(found::putAll);
    assertThat(found.entrySet().stream().filter(e -> EXPECTED.containsKey(e.getKey()) && e.getValue().isEmpty())
        .map(Map.Entry::getKey).toList()).as("techniques without a tagged finding").isEmpty();
    assertThat(found.entrySet().stream().filter(e -> NOT_COVERED.containsKey(e.getKey()) && !e.getValue().isEmpty())
        .map(Map.Entry::getKey).toList()).as("techniques listed as not covered that now are: move them to EXPECTED")
        .isEmpty();
  }

  @Test
  void techniqueList_matchesStratusIndexOutsideAws() throws Exception {
    Path index = SharedData.require("data/stratus-red-team-detonation-logs/index.yaml");
    Set<String> ids = new TreeSet<>();
    try (Reader in = Files.newBufferedReader(index)) {
      YMap root = (YMap) new YamlReader().readAll(in).get(0).root();
      for (Map.Entry<String, YNode> platform : root.entries().entrySet()) {
        if (platform.getKey().equals("AWS")) {
          continue;
        }
        for (YNode tactic : ((YMap) platform.getValue()).entries().values()) {
          for (YNode technique : ((YList) tactic).items()) {
            ids.add(((YMap) technique).string("id"));
          }
        }
      }
    }
    Set<String> ours = new TreeSet<>(EXPECTED.keySet());
    ours.addAll(NOT_COVERED.keySet());
    assertThat(ids).hasSize(57).isEqualTo(ours);
  }

  /** Titles (with level) of the findings, hunting {@code events} alone, tagged with one of {@code expected}. */
  private static Set<String> hunt(Path events, Set<String> expected) {
    Set<String> out = new LinkedHashSet<>();
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), Clock.systemUTC())
        .run(Inputs.expand(List.of(events)).files(), new Progress())) {
      assertThat(r.summary().problems()).as("problems reading " + events).isZero();
      assertThat(r.summary().events()).as("events read from " + events).isPositive();
      Iterator<Finding> it = r.findings();
      while (it.hasNext()) {
        Finding f = it.next();
        if (f.techniques().stream().anyMatch(id -> expected.stream().anyMatch(e -> id.equals(e)
            || id.startsWith(e + ".")))) {
          out.add(f.ruleTitle() + " [" + f.level().name().toLowerCase(Locale.ROOT) + "]");
        }
      }
    }
    return out;
  }

  /** Fixture files by technique id. */
  private static Map<String, Path> fixtures() throws Exception {
    Path root = Path.of(StratusMultiCloudParityTest.class.getResource("/stratus-fixtures-multicloud").toURI());
    Map<String, Path> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> {
        Path previous = out.put(p.getFileName().toString().replaceFirst("\\.json$", ""), p);
        assertThat(previous).as("two fixtures for " + p.getFileName()).isNull();
      });
    }
    return out;
  }

  private static String platform(Path fixture) {
    return fixture.getParent().getFileName().toString();
  }
}
