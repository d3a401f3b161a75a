package dev.kumo.detector.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detector.Alert;
import dev.kumo.detector.Alerts;
import dev.kumo.detector.Combine;
import dev.kumo.detector.Detector;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.detector.DetectorState;
import dev.kumo.detector.FileDetector;
import dev.kumo.detector.Observation;
import dev.kumo.detector.Observer;
import dev.kumo.detector.Setting;
import dev.kumo.detector.SnapshotReplay;
import dev.kumo.detector.StreamReplay;
import dev.kumo.event.NormalizedEvent;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.FileFacts;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.intel.Intel;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.RuleMeta;
import dev.kumo.testing.DetectorHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hunts over CloudTrail delivery trees written like CloudTrail writes them, then tampered with. */
class CloudTrailLogIntegrityDetectorTest {
  private static final Intel INTEL = Intel.builtin();
  private static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");
  private static final Instant END1 = Instant.parse("2026-03-10T01:00:31Z");

  @TempDir
  Path dir;
  private TrailTree tree;
  private HuntResult lastHunt;

  /** Eight hours of log files every 10 minutes, and the nine hourly digests that cover them. */
  @BeforeEach
  void cleanTree() {
    tree = new TrailTree(dir, "org/", "111122223333", "us-east-1", "nw-trail");
    tree.logs(T0, Duration.ofMinutes(10), 49).digests(END1, 9);
  }

  private List<Finding> hunt() {
    return hunt(DetectorConfig.DEFAULTS);
  }

  private List<Finding> hunt(DetectorConfig config) {
    return hunt(new CloudTrailLogIntegrityDetector(config, INTEL));
  }

  private List<Finding> hunt(Detector detector) {
    var engine = DetectorHarness.of(detector).engine();
    List<Finding> out = new ArrayList<>();
    try (HuntResult r = new Hunter(engine, LogSources.defaults(), HuntOptions.defaults().withThreads(2),
        Clock.systemUTC()).run(Inputs.expand(List.of(dir)).files(), new Progress())) {
      r.findings().forEachRemaining(out::add);
      lastHunt = r;
    }
    return out;
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2026-03-10T" + hhmm + ":00Z");
  }

  @Test
  void untouchedTree_hasNoFindings() {
    tree.write();

    assertThat(hunt()).isEmpty();
    assertThat(lastHunt.summary().digestFiles()).isEqualTo(9);
    assertThat(lastHunt.summary().events()).isEqualTo(98);
  }

  @Test
  void decompressedCopiesUnderAnotherFolder_stillValidate() throws Exception {
    tree.write();
    for (TrailTree.Log l : tree.logs) {
      Path gz = tree.path(l.key());
      Path plain = dir.resolve("copy").resolve(l.key().replace(".json.gz", ".json"));
      Files.createDirectories(plain.getParent());
      Files.writeString(plain, l.content());
      Files.delete(gz);
    }

    assertThat(hunt()).isEmpty();
  }

  @Test
  void logFileModifiedAfterDelivery_firesCritical() {
    tree.write();
    TrailTree.Log l = tree.logAt(at("03:20"));
    tree.write(l.key(), l.content().replace("GetCallerIdentity", "ListBuckets"));

    List<Finding> f = hunt();

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.CRITICAL);
      assertThat(x.reason()).isEqualTo("log file 111122223333_CloudTrail_us-east-1_20260310T0320Z_u000000000000021"
          + ".json.gz was modified after delivery: the SHA-256 of its content is "
          + TrailTree.sha256(l.content().replace("GetCallerIdentity", "ListBuckets")).substring(0, 12)
          + "…, the digest of trail nw-trail ending 2026-03-10T04:00:31Z lists "
          + TrailTree.sha256(l.content()).substring(0, 12) + "…");
      assertThat(x.event().source()).isEqualTo("aws.cloudtrail.digest");
      assertThat(x.event().principal()).isNull();
      assertThat(x.event().file()).isEqualTo(tree.path(l.key()).toString());
      assertThat(x.event().resources()).containsExactly("s3://" + TrailTree.BUCKET + "/" + l.key());
      assertThat(x.time()).isEqualTo(Instant.parse("2026-03-10T04:00:31Z"));
      assertThat(x.evidence()).hasSize(2);
      assertThat(x.threats()).containsExactly("log-tampering");
      assertThat(x.techniques()).contains("T1070", "T1562.008");
    });
  }

  @Test
  void logFileDeletedBetweenOthers_firesHigh() throws Exception {
    tree.write();
    TrailTree.Log l = tree.logAt(at("04:20"));
    Files.delete(tree.path(l.key()));

    List<Finding> f = hunt();

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("log file 111122223333_CloudTrail_us-east-1_20260310T0420Z_u000000000000027"
          + ".json.gz listed in the digest of trail nw-trail ending 2026-03-10T05:00:31Z is missing (deleted?), "
          + "while log files of 111122223333 us-east-1 before and after it are present");
      assertThat(x.event().file()).isEqualTo(tree.path(tree.digestAt(Instant.parse("2026-03-10T05:00:31Z")).key())
          .toString());
    });
  }

  @Test
  void lastLogFilesDeleted_stillFireWhenTheNextHourIsPresent() throws Exception {
    // the digest of 04:00-05:00 is read before the files after it: the decision waits for them
    tree.write();
    for (String t : List.of("04:10", "04:20", "04:30", "04:40", "04:50", "05:00")) {
      Files.delete(tree.path(tree.logAt(at(t)).key()));
    }

    assertThat(hunt()).hasSize(6).allSatisfy(x -> assertThat(x.reason()).contains("is missing (deleted?)"));
  }

  @Test
  void logFilesListedBeyondTheExportedOnes_areNotReportedMissing() throws Exception {
    // an export that starts late and ends early: digests list files before and after it
    tree.write();
    for (TrailTree.Log l : tree.logs) {
      if (l.time().isBefore(at("02:00")) || l.time().isAfter(at("06:00"))) {
        Files.delete(tree.path(l.key()));
      }
    }

    assertThat(hunt()).isEmpty();
  }

  @Test
  void logFileAddedInsideTheDigestsTime_firesMedium() {
    TrailTree.Log extra = new TrailTree(dir, "org/", "111122223333", "us-east-1", "x").log(at("03:33"));
    tree.write();
    tree.write(extra.key(), extra.content());

    List<Finding> f = hunt();

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.MEDIUM);
      assertThat(x.reason()).isEqualTo("log file 111122223333_CloudTrail_us-east-1_20260310T0333Z_u000000000000001"
          + ".json.gz is not listed in any digest, although digests of 111122223333 us-east-1 cover "
          + "2026-03-10T03:33:00Z to 2026-03-10T05:33:00Z (added after delivery?)");
      assertThat(x.time()).isEqualTo(at("03:33"));
    });
  }

  @Test
  void logFileOutsideTheDigestsTime_isNotReported() {
    TrailTree.Log late = new TrailTree(dir, "org/", "111122223333", "us-east-1", "x").log(at("11:40"));
    tree.write();
    tree.write(late.key(), late.content());

    assertThat(hunt()).isEmpty();
  }

  @Test
  void digestDeletedFromTheChain_firesChainBroken() throws Exception {
    tree.write();
    Files.delete(tree.path(tree.digestAt(Instant.parse("2026-03-10T04:00:31Z")).key()));

    List<Finding> f = hunt();

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.HIGH);
      assertThat(x.reason()).isEqualTo("digest chain of trail nw-trail in us-east-1 (account 111122223333) is broken: "
          + "the digest ending 2026-03-10T05:00:31Z follows one ending 2026-03-10T04:00:31Z, which is missing "
          + "(the previous digest present ends 2026-03-10T03:00:31Z)");
    });
  }

  @Test
  void logFileAndItsDigestRewrittenConsistently_firesDigestModified() {
    tree.write();
    TrailTree.Log l = tree.logAt(at("03:20"));
    String forged = l.content().replace("GetCallerIdentity", "ListBuckets");
    tree.write(l.key(), forged);
    TrailTree.Digest d = tree.digestAt(Instant.parse("2026-03-10T04:00:31Z"));
    tree.write(d.key(), d.content().replace(TrailTree.sha256(l.content()), TrailTree.sha256(forged)));

    List<Finding> f = hunt();

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.CRITICAL);
      assertThat(x.reason()).isEqualTo("the digest of trail nw-trail ending 2026-03-10T04:00:31Z was modified after "
          + "delivery: its SHA-256 is " + TrailTree.sha256(d.content().replace(TrailTree.sha256(l.content()),
          TrailTree.sha256(forged))).substring(0, 12) + "…, the next digest (ending 2026-03-10T05:00:31Z) records "
          + TrailTree.sha256(d.content()).substring(0, 12) + "…");
    });
  }

  @Test
  void loggingStoppedAndRestarted_newChainIsReportedLow() {
    TrailTree t = new TrailTree(dir, "", "444455556666", "eu-west-1", "dev-trail");
    t.logs(T0, Duration.ofMinutes(10), 18).digests(END1, 3); // 00:00-03:00
    t.logs(at("05:00"), Duration.ofMinutes(10), 12).digest(Instant.parse("2026-03-10T06:00:31Z"), false);
    t.write();

    List<Finding> f = hunt();

    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.level()).isEqualTo(Level.LOW);
      assertThat(x.reason()).isEqualTo("digest chain of trail dev-trail in eu-west-1 (account 444455556666) restarts "
          + "at the digest ending 2026-03-10T06:00:31Z: no digests from 2026-03-10T03:00:31Z to 2026-03-10T05:00:31Z "
          + "(2h; logging or log file validation was off)");
    });
  }

  @Test
  void withoutDigestFiles_nothingIsHashedOrReported() throws Exception {
    tree.write();
    for (TrailTree.Digest d : tree.digests) {
      Files.delete(tree.path(d.key()));
    }
    TrailTree.Log l = tree.logAt(at("03:20"));
    tree.write(l.key(), "{\"Records\":[]}");

    var engine = DetectorHarness.of(new CloudTrailLogIntegrityDetector(DetectorConfig.DEFAULTS, INTEL)).engine();
    assertThat(engine.fileDetectors(Inputs.expand(List.of(dir)).files().stream().map(f -> f.name()).toList()))
        .isEmpty();
    assertThat(hunt()).isEmpty();
  }

  @Test
  void manyLogFilesWithoutListings_stateStaysWithinItsLimit() {
    // a year's worth of hourly files for one day's digests: files wait, then are dropped
    TrailTree big = new TrailTree(dir, "", "111122223333", "eu-west-1", "t");
    big.logs(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(5), 3000);
    big.write();
    tree.write();
    DetectorConfig small = new DetectorConfig(Map.of(CloudTrailLogIntegrityDetector.NAME,
        Map.of("max-pending-files", "20", "max-streams", "10")), "test");

    assertThat(hunt(small)).isEmpty();
    assertThat(lastHunt.summary().detectorStateEvicted()).isPositive();
  }

  @Test
  void keys_parseLayoutsWithPrefixesOrganizationsAndBackfill() {
    assertThat(CloudTrailKeys.log("/data/b/p/x/AWSLogs/o-ab12cd34ef/111122223333/CloudTrail/ap-southeast-3/2026/03/10/"
        + "111122223333_CloudTrail_ap-southeast-3_20260310T2355Z_AbC123.json.gz")).satisfies(k -> {
          assertThat(k.key()).startsWith("AWSLogs/o-ab12cd34ef/").endsWith(".json");
          assertThat(k.stream()).isEqualTo("o-ab12cd34ef/111122223333/ap-southeast-3");
          assertThat(k.time()).isEqualTo(Instant.parse("2026-03-10T23:55:00Z"));
        });
    assertThat(CloudTrailKeys.digest("AWSLogs/111122223333/CloudTrail-Digest/us-gov-west-1/2026/03/10/111122223333_"
        + "CloudTrail-Digest_us-gov-west-1_my_trail_us-east-1_20260310T010031Z_backfill.json.gz")).satisfies(k -> {
          assertThat(k.trail()).isEqualTo("my_trail");
          assertThat(k.backfill()).isTrue();
          assertThat(k.end()).isEqualTo(Instant.parse("2026-03-10T01:00:31Z"));
        });
    assertThat(CloudTrailKeys.log("C:\\logs\\AWSLogs\\111122223333\\CloudTrail\\us-east-1\\2026\\03\\10\\"
        + "111122223333_CloudTrail_us-east-1_20260310T0005Z_a.json")).isNotNull();
    assertThat(CloudTrailKeys.log("logs/111122223333_CloudTrail_us-east-1_20260310T0005Z_a.json.gz")).isNull();
    assertThat(CloudTrailKeys.log("MyAWSLogs/111122223333/CloudTrail/us-east-1/2026/03/10/"
        + "111122223333_CloudTrail_us-east-1_20260310T0005Z_a.json.gz")).isNull();
  }

  /** The observations a hunt feeds the detector for a tree with a file modified, three deleted and two added. */
  private List<Observation> tamperedTreeObservations() throws Exception {
    TrailTree.Log extra = new TrailTree(dir, "org/", "111122223333", "us-east-1", "x").log(at("03:33"));
    TrailTree.Log late = new TrailTree(dir, "org/", "111122223333", "us-east-1", "y").log(at("11:40"));
    tree.write();
    TrailTree.Log modified = tree.logAt(at("02:20"));
    tree.write(modified.key(), modified.content().replace("GetCallerIdentity", "ListBuckets"));
    tree.write(extra.key(), extra.content());
    tree.write(late.key(), late.content());
    for (String t : List.of("04:20", "06:10", "07:50")) {
      Files.delete(tree.path(tree.logAt(at(t)).key()));
    }
    Recording recording = new Recording(new CloudTrailLogIntegrityDetector(DetectorConfig.DEFAULTS, INTEL));
    assertThat(hunt(recording)).hasSize(5);
    return recording.fed;
  }

  @Test
  void advance_betweenAndPastObservations_raisesWhatFinishRaises() throws Exception {
    List<Observation> fed = tamperedTreeObservations();
    CloudTrailLogIntegrityDetector detector = new CloudTrailLogIntegrityDetector(DetectorConfig.DEFAULTS, INTEL);

    List<Alert> batch = StreamReplay.batch(detector.start(), fed);

    assertThat(batch).hasSize(5);
    assertThat(StreamReplay.streamed(detector.start(), fed, true)).containsExactlyInAnyOrderElementsOf(batch);
  }

  @Test
  void snapshot_restoredMidRun_raisesWhatTheUninterruptedRunRaises() throws Exception {
    assertThat(SnapshotReplay.assertSnapshotMidwayChangesNothing(
        new CloudTrailLogIntegrityDetector(DetectorConfig.DEFAULTS, INTEL), tamperedTreeObservations())).hasSize(5);
  }

  @Test
  void advance_whileAFileMayStillBeListed_raisesNothing_andOnceItWaitedLongEnough_reportsIt() {
    TrailTree.Log extra = new TrailTree(dir, "org/", "111122223333", "us-east-1", "x").log(at("03:33"));
    tree.write();
    tree.write(extra.key(), extra.content());
    Recording recording = new Recording(new CloudTrailLogIntegrityDetector(DetectorConfig.DEFAULTS, INTEL));
    hunt(recording);
    DetectorState state = new CloudTrailLogIntegrityDetector(DetectorConfig.DEFAULTS, INTEL).start();
    recording.fed.stream().filter(o -> o.time().isBefore(at("06:30"))).forEach(o -> state.accept(o, a -> { }));
    List<Alert> raised = new ArrayList<>();

    state.advance(at("07:33"), raised::add); // listing delay and a digest's span after the file: still waiting
    assertThat(raised).isEmpty();
    state.advance(at("07:34"), raised::add);
    assertThat(raised).singleElement().satisfies(x -> assertThat(x.reason()).contains("is not listed in any digest"));
  }

  /** The detector, its states recording the observations a hunt feeds them, to replay them. */
  private static final class Recording implements FileDetector {
    private static final long serialVersionUID = 1L;
    private final CloudTrailLogIntegrityDetector detector;
    final transient List<Observation> fed = new ArrayList<>();

    Recording(CloudTrailLogIntegrityDetector detector) {
      this.detector = detector;
    }

    @Override
    public RuleMeta meta() {
      return detector.meta();
    }

    @Override
    public Set<String> sources() {
      return detector.sources();
    }

    @Override
    public List<Setting.Value> settings() {
      return detector.settings();
    }

    @Override
    public void observe(NormalizedEvent event, Observer out) {
      detector.observe(event, out);
    }

    @Override
    public Combine combine(int kind) {
      return detector.combine(kind);
    }

    @Override
    public boolean wantsFiles(List<String> inputNames) {
      return detector.wantsFiles(inputNames);
    }

    @Override
    public boolean wantsHash(String inputName) {
      return detector.wantsHash(inputName);
    }

    @Override
    public void observeFile(FileFacts file, FileObserver out) {
      detector.observeFile(file, out);
    }

    @Override
    public DetectorState start() {
      DetectorState state = detector.start();
      return new DetectorState() {
        @Override
        public void accept(Observation observation, Alerts alerts) {
          fed.add(observation);
          state.accept(observation, alerts);
        }

        @Override
        public void finish(Alerts alerts) {
          state.finish(alerts);
        }

        @Override
        public long size() {
          return state.size();
        }
      };
    }
  }
}
