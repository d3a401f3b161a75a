package dev.kumo.testing;

import dev.kumo.detect.DetectionEngine;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Runs real hunts (rules, correlations and detectors) over in-memory logs. */
public final class HuntTesting {
  private HuntTesting() {}

  /** Hunts one in-memory file (any format Kumo reads) on one thread and returns every finding. */
  public static List<Finding> hunt(DetectionEngine engine, String fileName, String content) {
    return hunt(engine, fileName, content, null);
  }

  /** As {@link #hunt(DetectionEngine, String, String)}, reading every record as {@code sourceId}. */
  public static List<Finding> hunt(DetectionEngine engine, String fileName, String content, String sourceId) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    InputFile f = InputFile.ofStream(fileName, () -> new ByteArrayInputStream(bytes));
    List<Finding> out = new ArrayList<>();
    HuntOptions options = HuntOptions.defaults().withThreads(1).withForcedSource(sourceId);
    try (HuntResult r = new Hunter(engine, LogSources.defaults(), options, Clock.systemUTC()).run(List.of(f),
        new Progress())) {
      if (r.summary().problems() > 0) {
        throw new AssertionError(fileName + " did not read cleanly: " + r.summary().problemExamples());
      }
      Iterator<Finding> it = r.findings();
      it.forEachRemaining(out::add);
    }
    return out;
  }
}
