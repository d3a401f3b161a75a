package dev.kumo.exercise.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.LoadedRules;
import dev.kumo.detect.PackOptions;
import dev.kumo.detector.DetectorConfig;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.tuning.TuningProfile;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {
  static final String STOP_RULE = "kumo_aws_cloudtrail_logging_stopped";
  static final String STOP_ID = "b3859fde-dfa2-4a23-aa1c-ec3b1a265520";
  static LoadedRules builtin;

  @TempDir
  Path dir;

  @BeforeAll
  static void load() {
    builtin = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    assertThat(builtin.errorCount()).isZero();
  }

  private static HuntOptions oneThread() {
    return HuntOptions.defaults().withThreads(1);
  }

  private static StepResult step(ExerciseResult r, String id) {
    return r.steps().stream().filter(s -> s.step().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void score_stepWithFinding_isDetectedWithRuleAndTimeToDetect() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    f.stopLogging("e-2", "2026-03-02T10:05:00Z");
    f.label("e-1", "2026-03-02T10:00:00Z", "blind", "T1562.008", "aws.cloudtrail");
    f.label("e-2", "2026-03-02T10:05:00Z", "blind", "T1562.008", "aws.cloudtrail");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    StepResult s = step(r, "blind");
    assertThat(s.detected()).isTrue();
    assertThat(s.reason()).isNull();
    assertThat(s.rules()).extracting(FiredRule::id).contains(STOP_ID);
    FiredRule fired = s.rules().stream().filter(x -> x.id().equals(STOP_ID)).findFirst().orElseThrow();
    assertThat(fired.level()).isNotNull();
    assertThat(fired.carriesTechnique()).isTrue();
    assertThat(s.timeToDetect()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.claimed()).isTrue();
    assertThat(r.claimedCoveragePercent()).isEqualTo(100.0);
    assertThat(r.falsePositives()).isZero();
  }

  @Test
  void score_labelByFileAndLine_resolvesToTheEventAtThatLine() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    long line = f.stopLogging("e-2", "2026-03-02T10:05:00Z");
    f.labelAt("cloudtrail/trail.json", line, "2026-03-02T10:05:00Z", "blind", "T1562.008");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    assertThat(step(r, "blind").detected()).isTrue();
    assertThat(step(r, "blind").timeToDetect()).isEqualTo(Duration.ZERO);
    assertThat(r.unresolvedLabels()).isZero();
  }

  @Test
  void score_stepWithoutFindings_isMissedWithReason_ruleDidNotFire() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    f.label("e-1", "2026-03-02T10:00:00Z", "quiet", "T1562.008", "aws.cloudtrail");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    StepResult s = step(r, "quiet");
    assertThat(s.detected()).isFalse();
    assertThat(s.reason()).isEqualTo(MissReason.RULE_DID_NOT_FIRE);
    assertThat(s.reasonDetail()).contains(STOP_RULE);
    assertThat(s.claimed()).isTrue();
    assertThat(s.timeToDetect()).isNull();
    assertThat(r.claimedCoveragePercent()).isEqualTo(0.0);
  }

  @Test
  void score_techniqueNoRuleCarries_isMissedWithReason_noRule() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    f.label("e-1", "2026-03-02T10:00:00Z", "obfuscate", "T1001.003", "aws.cloudtrail");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    StepResult s = step(r, "obfuscate");
    assertThat(s.reason()).isEqualTo(MissReason.NO_RULE);
    assertThat(s.reasonDetail()).contains("T1001.003").contains("aws.cloudtrail");
    assertThat(s.claimed()).isFalse();
  }

  @Test
  void score_sourceNeverRead_isMissedWithReason_logSourceAbsent() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    f.label("flow-1", "2026-03-02T10:00:00Z", "scan", "T1046", "aws.vpcflow");
    f.label("not-in-logs", "2026-03-02T10:00:00Z", "lost", "T1562.008", "aws.cloudtrail");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    assertThat(step(r, "scan").reason()).isEqualTo(MissReason.LOG_SOURCE_ABSENT);
    assertThat(step(r, "scan").reasonDetail()).contains("no aws.vpcflow event was read");
    assertThat(step(r, "lost").reason()).isEqualTo(MissReason.LOG_SOURCE_ABSENT);
    assertThat(step(r, "lost").reasonDetail()).contains("labelled event(s) was found");
    assertThat(step(r, "lost").eventsFound()).isZero();
  }

  @Test
  void score_findingBelowMinLevel_isMissedWithReason_ruleMuted() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.stopLogging("e-2", "2026-03-02T10:05:00Z");
    f.label("e-2", "2026-03-02T10:05:00Z", "blind", "T1562.008", "aws.cloudtrail");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread().withMinLevel(Level.CRITICAL))
        .score(logs, dir.resolve("labels.jsonl"));

    StepResult s = step(r, "blind");
    assertThat(s.detected()).isFalse();
    assertThat(s.reason()).isEqualTo(MissReason.RULE_MUTED);
    assertThat(s.reasonDetail()).contains(STOP_RULE).contains("below --min-level critical");
    assertThat(r.findingsMuted()).isPositive();
  }

  @Test
  void score_ruleDisabledByTuning_isMissedWithReason_ruleMuted() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.describeTrails("e-1", "2026-03-02T10:00:00Z");
    f.label("e-1", "2026-03-02T10:00:00Z", "selectors", "T1562.008", "aws.cloudtrail");
    Path logs = f.write(dir);
    // disable every built-in rule that carries T1562.008 for CloudTrail
    StringBuilder yaml = new StringBuilder("tuning:\n");
    PackCoverage.of(builtin).covering("T1562.008", "aws.cloudtrail").stream()
        .filter(m -> m.entry().kind().equals("rule"))
        .forEach(m -> yaml.append("  - rule: ").append(m.entry().id())
            .append("\n    action: disable\n    reason: noisy in this drill\n"));
    java.util.Map<String, java.util.Map<String, String>> off = new java.util.TreeMap<>();
    PackCoverage.of(builtin).covering("T1562.008", "aws.cloudtrail").stream()
        .filter(m -> m.entry().kind().equals("detector"))
        .forEach(m -> off.put(m.entry().name(), java.util.Map.of("enabled", "false")));
    TuningProfile tuning = TuningProfile.builtin().plus(TuningProfile.read(new StringReader(yaml.toString()),
        "drill-tuning.yml"));
    LoadedRules tuned = LoadedRules.load(new PackOptions(true, List.of(), CompileOptions.defaults(),
        new DetectorConfig(off, "drill-settings.yml"), false, tuning));
    PackCoverage coverage = PackCoverage.of(tuned);
    boolean onlyDisabled = coverage.covering("T1562.008", "aws.cloudtrail").stream()
        .allMatch(m -> m.entry().state() != PackCoverage.State.ACTIVE);

    ExerciseResult r = new Scorer(tuned, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    StepResult s = step(r, "selectors");
    assertThat(onlyDisabled).as("only detectors or disabled rules left for T1562.008: %s",
        coverage.covering("T1562.008", "aws.cloudtrail")).isTrue();
    assertThat(s.reason()).isEqualTo(MissReason.RULE_MUTED);
    assertThat(s.reasonDetail()).contains(STOP_RULE).contains("disabled by tuning").contains("noisy in this drill")
        .contains("turned off in the detector settings");
    assertThat(s.claimed()).isFalse();
  }

  @Test
  void score_findingOnUnlabelledEvent_countsAsFalsePositiveByRule() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.stopLogging("e-2", "2026-03-02T10:05:00Z");
    f.stopLogging("background-1", "2026-03-02T11:00:00Z");
    f.label("e-2", "2026-03-02T10:05:00Z", "blind", "T1562.008", "aws.cloudtrail");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    assertThat(step(r, "blind").detected()).isTrue();
    assertThat(r.falsePositives()).isPositive();
    assertThat(r.falsePositivesByRule()).extracting(RuleTally::id).contains(STOP_ID);
    assertThat(r.topFalsePositiveRules(1)).hasSize(1);
  }

  @Test
  void score_badLabelLines_areSkippedCountedAndReportedWithLine() throws Exception {
    DrillFixtures f = new DrillFixtures();
    f.stopLogging("e-2", "2026-03-02T10:05:00Z");
    f.label("e-2", "2026-03-02T10:05:00Z", "blind", "T1562.008", "aws.cloudtrail");
    f.rawLabel("{not json");
    f.rawLabel("{\"schema\":\"kumo.labels/1\",\"event_id\":\"x\",\"source\":\"aws.cloudtrail\","
        + "\"time\":\"yesterday\",\"scenario\":\"s\",\"step\":\"a\",\"technique\":\"T1485\"}");
    f.rawLabel("{\"schema\":\"kumo.labels/1\",\"source\":\"aws.cloudtrail\",\"time\":\"2026-03-02T10:05:00Z\","
        + "\"scenario\":\"s\",\"step\":\"a\",\"technique\":\"T1485\"}");
    f.rawLabel("{\"schema\":\"kumo.labels/1\",\"event_id\":\"x\",\"source\":\"aws.cloudtrail\","
        + "\"time\":\"2026-03-02T10:05:00Z\",\"scenario\":\"s\",\"step\":\"a\",\"technique\":\"delete\"}");
    Path logs = f.write(dir);

    ExerciseResult r = new Scorer(builtin, oneThread()).score(logs, dir.resolve("labels.jsonl"));

    assertThat(r.labelsSkipped()).isEqualTo(4);
    assertThat(r.labels()).isEqualTo(1);
    assertThat(r.labelProblems()).extracting(LabelProblem::line).containsExactly(2L, 3L, 4L, 5L);
    assertThat(r.labelProblems().get(0).reason()).contains("not valid JSON");
    assertThat(r.labelProblems().get(1).reason()).contains("'time'");
    assertThat(r.labelProblems().get(2).reason()).contains("event_id");
    assertThat(r.labelProblems().get(3).reason()).contains("technique");
    assertThat(r.labelProblems().get(0).toString()).startsWith(dir.resolve("labels.jsonl") + ":2: ");
  }
}
