package dev.kumo.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.detect.PackOptions;
import dev.kumo.exercise.drill.PackCoverage;
import dev.kumo.posture.check.BuiltinChecks;
import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.deadspot.ControlCatalog;
import dev.kumo.posture.deadspot.DeadSpot;
import dev.kumo.posture.deadspot.DeadSpotAnalyzer;
import dev.kumo.posture.deadspot.DeadSpotReport;
import dev.kumo.posture.deadspot.Owners;
import dev.kumo.posture.deadspot.Reason;
import dev.kumo.posture.rank.DetectionCoverage;
import dev.kumo.posture.rank.RankedResult;
import dev.kumo.posture.rank.Visibility;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: a sample AWS organisation (account 111122223333, us-east-1 and eu-west-1), exported as an AWS
 * Config snapshot plus AWS CLI outputs, is well configured except for three planted gaps, and the dead-spot
 * analysis reports exactly those:
 * <ol>
 *   <li>IVS-02 (spend watched for surprises, shared for every service model) has no owner in owners.yml;</li>
 *   <li>the only trail is a single-region trail in us-east-1, while eu-west-1 runs workloads;</li>
 *   <li>EBS snapshot snap-0e7f1a2b3c4d5e6f7 in eu-west-1 is publicly restorable and, with no trail there,
 *       nobody would see it being copied. AWS cannot make an encrypted snapshot public, so it is also
 *       unencrypted, which the encryption-at-rest control reports as well.</li>
 * </ol>
 * The {@code fixed/} CLI outputs (read last, so they win) make the trail multi-region and the snapshot an
 * encrypted, privately shared copy.
 */
class SampleOrganisationTest {
  private static final Path ORG = Path.of("src/test/resources/posture/sample-org");
  private static final String EU_WEST_1 = "aws:111122223333:eu-west-1";
  private static final String PLANTED_SNAPSHOT = "arn:aws:ec2:eu-west-1::snapshot/snap-0e7f1a2b3c4d5e6f7";
  private static final LocalDate DAY = LocalDate.parse("2026-11-26");
  private static DetectionCoverage coverage;

  @BeforeAll
  static void loadBuiltinPack() {
    coverage = DetectionCoverage.of(PackCoverage.of(LoadedRules.load(
        PackOptions.of(true, List.of(), CompileOptions.defaults()))));
  }

  private record Run(PostureInputs.Loaded loaded, PostureResult scan, DeadSpotReport report) {}

  private static Run run(List<Path> exports, Owners owners) throws IOException {
    PostureInputs.Loaded loaded = new PostureInputs().load(exports, null);
    PostureResult scan = new PostureScanner(BuiltinChecks.all(), coverage,
        Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC)).scan(loaded.inventory(), loaded.imported());
    DeadSpotReport report = new DeadSpotAnalyzer(ControlCatalog.bundled(), owners, coverage, null, DAY)
        .analyse(loaded.inventory(), scan.results());
    return new Run(loaded, scan, report);
  }

  private static Owners owners() throws IOException {
    return Owners.read(ORG.resolve("owners.yml"));
  }

  private static List<String> failing(PostureResult scan) {
    return scan.results().stream().filter(r -> r.status() == Status.FAIL)
        .map(r -> r.check().id() + " " + r.resource().id()).sorted().toList();
  }

  private static List<String> controlsWithCheck(String check) {
    return ControlCatalog.bundled().controls().stream().filter(c -> c.checks().contains(check))
        .map(c -> c.id()).sorted().toList();
  }

  private static List<String> describe(DeadSpotReport report) {
    return report.deadSpots().stream().map(d -> d.control().id() + " " + d.reasons() + " " + d.failing().stream()
        .map(f -> f.result().check().id() + " " + f.result().resource().id() + " " + f.visibility()).toList())
        .toList();
  }

  @Test
  void deadSpots_sampleOrganisation_areExactlyThePlantedGaps() throws IOException {
    Run run = run(List.of(ORG.resolve("config"), ORG.resolve("cli")), owners());

    assertThat(run.loaded().read()).containsExactly(ORG.resolve("config") + " (aws-config)",
        ORG.resolve("cli") + " (aws-cli)");
    assertThat(run.loaded().inventory().problems()).isEmpty();
    assertThat(run.report().unclassified()).isEmpty();
    assertThat(run.report().warnings()).isEmpty();
    assertThat(run.report().servicesInUse()).containsExactly("aws.backup", "aws.budgets", "aws.cloudtrail",
        "aws.cloudwatch", "aws.config", "aws.ec2", "aws.eks", "aws.guardduty", "aws.iam", "aws.kms", "aws.lambda",
        "aws.rds", "aws.s3");
    // the planted failures; AWS refuses to make an encrypted snapshot public, so the public one is also unencrypted
    assertThat(failing(run.scan())).containsExactly(
        "aws-cloudtrail-region-off " + EU_WEST_1,
        "aws-ec2-snapshot-public " + PLANTED_SNAPSHOT,
        "aws-ec2-snapshot-unencrypted " + PLANTED_SNAPSHOT);

    List<String> trailControls = controlsWithCheck("aws-cloudtrail-region-off");
    List<String> snapshotControls = controlsWithCheck("aws-ec2-snapshot-public");
    List<String> encryptionControls = controlsWithCheck("aws-ec2-snapshot-unencrypted");
    assertThat(trailControls).containsExactly("LOG-03", "LOG-07");
    assertThat(snapshotControls).containsExactly("DSP-17");
    assertThat(encryptionControls).containsExactly("CEK-03");
    Map<String, DeadSpot> spots = new HashMap<>();
    run.report().deadSpots().forEach(d -> spots.put(d.control().id(), d));
    List<String> expected = new java.util.ArrayList<>(List.of("IVS-02"));
    expected.addAll(trailControls);
    expected.addAll(snapshotControls);
    expected.addAll(encryptionControls);
    assertThat(spots.keySet()).as("dead spots: %s", describe(run.report()))
        .containsExactlyInAnyOrderElementsOf(expected);

    DeadSpot unowned = spots.get("IVS-02");
    assertThat(unowned.reasons()).containsExactly(Reason.NO_OWNER);
    assertThat(unowned.unowned()).contains("aws.ec2", "aws.budgets", "aws.cloudwatch");
    assertThat(unowned.failing()).isEmpty();

    for (String id : trailControls) {
      DeadSpot d = spots.get(id);
      assertThat(d.reasons()).as(id).containsExactly(Reason.FAILING_EVIDENCE);
      assertThat(d.failing()).as(id).extracting(f -> f.result().check().id() + " " + f.result().resource().id())
          .containsExactly("aws-cloudtrail-region-off " + EU_WEST_1);
    }

    for (String id : snapshotControls) {
      DeadSpot d = spots.get(id);
      assertThat(d.reasons()).as(id).containsExactly(Reason.FAILING_EVIDENCE);
      assertThat(d.failing()).as(id).singleElement().satisfies(f -> {
        assertThat(f.result().check().id()).isEqualTo("aws-ec2-snapshot-public");
        assertThat(f.result().resource().id()).isEqualTo(PLANTED_SNAPSHOT);
        assertThat(f.visibility()).isEqualTo(Visibility.BLIND);
        assertThat(f.exposedAndBlind()).isTrue();
      });
      assertThat(d.blind()).isTrue();
    }
    for (String id : encryptionControls) {
      DeadSpot d = spots.get(id);
      assertThat(d.reasons()).as(id).containsExactly(Reason.FAILING_EVIDENCE);
      assertThat(d.failing()).as(id).extracting(f -> f.result().check().id() + " " + f.result().resource().id())
          .containsExactly("aws-ec2-snapshot-unencrypted " + PLANTED_SNAPSHOT);
    }
    // the same snapshot, seen by the posture ranking: first in line
    RankedResult first = run.scan().ranked().get(0);
    assertThat(first.visibility()).isEqualTo(Visibility.BLIND);
    assertThat(first.result().resource().id()).isEqualTo(PLANTED_SNAPSHOT);
  }

  @Test
  void deadSpots_plantedGapsFixed_noneLeft() throws IOException {
    Owners planted = owners();
    Map<String, String> controls = new HashMap<>(planted.controls());
    controls.put("IVS-02", "finops");
    Owners fixed = new Owners(controls, planted.services(), planted.domains(), planted.attestations());

    Run run = run(List.of(ORG.resolve("config"), ORG.resolve("cli"), ORG.resolve("fixed")), fixed);

    assertThat(run.loaded().inventory().problems()).isEmpty();
    // the vendor export is now an encrypted copy shared privately
    assertThat(failing(run.scan())).isEmpty();
    assertThat(run.report().warnings()).isEmpty();
    assertThat(run.report().deadSpots()).as("dead spots: %s", describe(run.report())).isEmpty();
  }

  @Test
  void deadSpots_ownerAddedOnly_leavesTheExposures() throws IOException {
    Owners planted = owners();
    Map<String, String> controls = new HashMap<>(planted.controls());
    controls.put("IVS-02", "finops");

    Run run = run(List.of(ORG.resolve("config"), ORG.resolve("cli")),
        new Owners(controls, planted.services(), planted.domains(), planted.attestations()));

    assertThat(run.report().deadSpots()).extracting(d -> d.control().id())
        .containsExactlyInAnyOrder("LOG-03", "LOG-07", "DSP-17", "CEK-03");
    assertThat(run.report().deadSpots()).allSatisfy(d ->
        assertThat(d.reasons()).containsExactly(Reason.FAILING_EVIDENCE));
  }
}
