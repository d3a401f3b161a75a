package dev.kumo.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.correlate.CorrelationLimits;
import dev.kumo.detect.DetectionEngine;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.ingest.IngestLimits;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.Level;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.Snapshots;
import dev.kumo.tuning.Mutelist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in pack's stream state, snapshot between two hunts and restored, goes on as the original. */
class StreamStateSnapshotTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private HuntOptions options() {
    return new HuntOptions(2, null, null, Level.INFORMATIONAL, false, IngestLimits.DEFAULTS, null,
        CorrelationLimits.DEFAULTS, 100, dir.resolve("spill"), Mutelist.EMPTY, false);
  }

  private List<Finding> hunt(StreamState state, List<InputFile> batch) throws Exception {
    try (HuntResult r = new Hunter(state.engine(), LogSources.defaults(), options(), CLOCK, null, state)
        .run(batch, new Progress())) {
      List<Finding> out = new ArrayList<>();
      r.findings().forEachRemaining(out::add);
      return out;
    }
  }

  /** The Stratus Red Team fixtures (CloudTrail of nine techniques), in name order. */
  static List<InputFile> stratusFixtures() throws Exception {
    Path fixtures = Path.of(StreamStateSnapshotTest.class.getResource("/stratus-fixtures").toURI());
    try (Stream<Path> s = Files.list(fixtures)) {
      return s.sorted().map(InputFile::of).toList();
    }
  }

  static StreamState builtinState() {
    DetectionEngine engine = LoadedRules.load(true, List.of(), CompileOptions.defaults()).engine();
    return StreamState.start(engine, CorrelationLimits.DEFAULTS, Duration.ofMinutes(15), Duration.ofDays(365));
  }

  @Test
  void builtinPack_snapshotBetweenBatches_restoredStateGivesTheSameFindings() throws Exception {
    List<InputFile> files = stratusFixtures();
    List<InputFile> first = files.subList(0, files.size() / 2);
    List<InputFile> second = files.subList(files.size() / 2, files.size());
    StreamState state = builtinState();
    List<Finding> uninterrupted = new ArrayList<>(hunt(state, first));
    uninterrupted.addAll(hunt(state, second));

    StreamState original = builtinState();
    List<Finding> restored = new ArrayList<>(hunt(original, first));
    assertThat(original.size()).as("state held after the first batch").isPositive();
    StreamState copy = Snapshots.copy(original);
    restored.addAll(hunt(copy, second));

    assertThat(uninterrupted).isNotEmpty();
    assertThat(restored).isEqualTo(uninterrupted);
    assertThat(copy.size()).isEqualTo(state.size());
    assertThat(copy.watermark()).isEqualTo(state.watermark());
  }
}
