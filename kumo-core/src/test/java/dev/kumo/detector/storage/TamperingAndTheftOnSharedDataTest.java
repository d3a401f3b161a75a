package dev.kumo.detector.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.BuiltinDetectors;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.logging.CloudTrailLogIntegrityDetector;
import dev.kumo.detector.logging.LoggingSilenceDetector;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.intel.Intel;
import dev.kumo.testing.DetectorHarness;
import dev.kumo.testing.SharedData;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The log-tampering and data-theft detectors on the real logs in ../shared. */
class TamperingAndTheftOnSharedDataTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Set<String> NAMES = Set.of(CloudTrailLogIntegrityDetector.NAME, LoggingSilenceDetector.NAME,
      S3ReadVolumeDetector.NAME, S3DeleteVolumeDetector.NAME, S3CopyToForeignBucketDetector.NAME);

  private static DetectorHarness group() {
    return DetectorHarness.of(BuiltinDetectors.create(DetectorConfig.DEFAULTS, INTEL).stream()
        .filter(d -> NAMES.contains(d.meta().name())).toArray(Detector[]::new));
  }

  @Test
  void builtins_registerEveryDetectorWithDocumentedDefaults() {
    List<Detector> ours = BuiltinDetectors.create(DetectorConfig.DEFAULTS, INTEL).stream()
        .filter(d -> NAMES.contains(d.meta().name())).toList();

    assertThat(ours).extracting(d -> d.meta().name()).containsExactlyInAnyOrderElementsOf(NAMES);
    for (Detector d : ours) {
      assertThat(d.settings()).allSatisfy(s -> assertThat(s.description()).as(d.meta().name() + " " + s.name())
          .contains("default " + s.defaultValue()));
      assertThat(d.meta().tags()).anyMatch(t -> t.startsWith("kumo.threat."));
    }
  }

  @Test
  void stratusDetonations_noFindings() throws IOException {
    Path logs = SharedData.require("data/stratus-red-team-detonation-logs/detonation-logs");
    List<NormalizedEvent> events = new ArrayList<>();
    try (Stream<Path> s = Files.list(logs)) {
      for (Path p : s.sorted().toList()) {
        events.addAll(SourceTesting.read(p).events());
      }
    }

    assertThat(events).hasSizeGreaterThan(300);
    assertThat(group().run(events)).isEmpty();
  }

  @Test
  void pantherCloudTrailCases_onlyTheCrossAccountCopyFires() throws IOException {
    var read = SourceTesting.read("panther.jsonl", SourceTesting.pantherLogsAsJsonLines(
        "tests_AWS.CloudTrail.jsonl.gz"));
    List<Finding> f = group().run(read.events());

    assertThat(read.events()).hasSizeGreaterThan(400);
    assertThat(f).singleElement().satisfies(x -> assertThat(x.ruleName()).isEqualTo(
        S3CopyToForeignBucketDetector.NAME));
  }

  @Test
  void stratusRansomwareBatchDeletionSample_isCountedAsABatchCallWithoutKeys() throws IOException {
    Path doc = SharedData.require(
        "data/stratus-red-team-detonation-logs/technique-docs/AWS/aws.impact.s3-ransomware-batch-deletion.md");
    String text = Files.readString(doc);
    int at = text.indexOf("\"requestParameters\": {");
    String request = text.substring(at + "\"requestParameters\": ".length(), text.indexOf('}', at) + 1);

    assertThat(request).contains("\"delete\": \"\"");
    assertThat(S3DeleteVolumeDetector.listedKeys((dev.kumo.json.JsonObject) dev.kumo.json.JsonTreeReader.lenient()
        .read(request))).isZero();
  }
}
