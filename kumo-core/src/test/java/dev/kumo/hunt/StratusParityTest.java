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
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parity with Stratus Red Team for AWS: every AWS technique Stratus lists must produce, hunted alone with
 * the built-in pack, a finding tagged with one of the technique's ATT&CK ids. Techniques with a real
 * detonation log are hunted on it; the others on CloudTrail records written for Kumo from the technique's
 * documentation and the APIs it calls ({@code src/test/resources/stratus-fixtures/<technique>.json}).
 */
class StratusParityTest {

  /**
   * The ATT&CK techniques of the Stratus techniques that have no detonation log. A finding tagged with
   * any of them, or a sub-technique of them, counts.
   */
  static final Map<String, Set<String>> EXPECTED_WITHOUT_LOGS = Map.ofEntries(
      Map.entry("aws.defense-evasion.cloudtrail-lifecycle-rule", Set.of("T1562.008")),
      Map.entry("aws.discovery.ec2-enumerate-from-instance", Set.of("T1580", "T1087.004", "T1526")),
      Map.entry("aws.discovery.ses-enumerate", Set.of("T1526", "T1580")),
      Map.entry("aws.execution.sagemaker-update-lifecycle-config", Set.of("T1059.009", "T1548.005")),
      Map.entry("aws.exfiltration.s3-backdoor-bucket-policy", Set.of("T1537")),
      Map.entry("aws.impact.ec2-deregister-ami", Set.of("T1485")),
      Map.entry("aws.impact.s3-ransomware-batch-deletion", Set.of("T1485")),
      Map.entry("aws.impact.s3-ransomware-client-side-encryption", Set.of("T1486", "T1485")),
      Map.entry("aws.impact.s3-ransomware-individual-deletion", Set.of("T1485")));

  @Test
  void hunt_everyStratusAwsTechnique_builtinPackTagsItsAttackTechnique() throws Exception {
    Path stratus = SharedData.require("data/stratus-red-team-detonation-logs");
    Path logs = stratus.resolve("detonation-logs");
    Path fixtures = fixtures();
    Set<String> techniques = awsTechniques(stratus.resolve("index.yaml"));
    assertThat(techniques).hasSize(44);

    Map<String, Set<String>> expected = new HashMap<>(StratusCoverageTest.EXPECTED);
    expected.putAll(EXPECTED_WITHOUT_LOGS);
    assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(techniques);
    // a fixture only where Stratus has no log, and one for each such technique
    assertThat(fileNames(fixtures)).isEqualTo(new TreeSet<>(EXPECTED_WITHOUT_LOGS.keySet()));
    assertThat(fileNames(logs)).isEqualTo(new TreeSet<>(StratusCoverageTest.EXPECTED.keySet()));

    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    assertThat(rules.errorCount()).isZero();
    Map<String, Set<String>> tagged = new TreeMap<>();
    for (String t : techniques) {
      Path real = logs.resolve(t + ".json");
      Path events = Files.exists(real) ? real : fixtures.resolve(t + ".json");
      tagged.put(t, hunt(rules, events, expected.get(t)));
    }

    System.out.printf("Stratus Red Team AWS techniques with a finding tagged with their ATT&CK technique: %d/%d%n",
        tagged.values().stream().filter(s -> !s.isEmpty()).count(), techniques.size());
    for (Map.Entry<String, Set<String>> e : tagged.entrySet()) {
      String source = Files.exists(logs.resolve(e.getKey() + ".json")) ? "log    " : "fixture";
      System.out.printf("  %-8s %s %-62s %s%n", e.getValue().isEmpty() ? "MISSED" : "found", source, e.getKey(),
          String.join("; ", e.getValue()));
    }
    assertThat(tagged.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList())
        .as("techniques without a tagged finding").isEmpty();
  }

  /** Titles (with level) of the findings, hunting {@code events} alone, tagged with one of {@code expected}. */
  private static Set<String> hunt(LoadedRules rules, Path events, Set<String> expected) {
    Set<String> out = new LinkedHashSet<>();
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), Clock.systemUTC())
        .run(Inputs.expand(List.of(events)).files(), new Progress())) {
      assertThat(r.summary().problems()).as("problems reading " + events).isZero();
      Iterator<Finding> it = r.findings();
      while (it.hasNext()) {
        Finding f = it.next();
        if (f.techniques().stream().anyMatch(id -> expected.stream().anyMatch(e -> id.equals(e)
            || id.startsWith(e + ".")))) {
          out.add(f.ruleTitle() + " [" + f.level().name().toLowerCase(java.util.Locale.ROOT) + "]");
        }
      }
    }
    return out;
  }

  /** The unique AWS technique ids of Stratus's index (a technique is listed under each of its tactics). */
  private static Set<String> awsTechniques(Path index) throws Exception {
    Set<String> ids = new TreeSet<>();
    try (Reader in = Files.newBufferedReader(index)) {
      YNode root = new YamlReader().readAll(in).get(0).root();
      YMap aws = (YMap) ((YMap) root).get("AWS");
      for (YNode tactic : aws.entries().values()) {
        for (YNode technique : ((YList) tactic).items()) {
          ids.add(((YMap) technique).string("id"));
        }
      }
    }
    return ids;
  }

  private static Path fixtures() throws URISyntaxException {
    return Path.of(StratusParityTest.class.getResource("/stratus-fixtures").toURI());
  }

  private static Set<String> fileNames(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString().replace(".json", "")).toList());
    }
  }
}
