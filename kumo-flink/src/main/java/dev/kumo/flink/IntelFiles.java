package dev.kumo.flink;

import dev.kumo.intel.Intel;
import dev.kumo.intel.IntelFeeds;
import dev.kumo.intel.IntelProblem;
import dev.kumo.intel.IntelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Threat intel for the job: Kumo's built-in lists plus the indicators of the given files and folders
 * (every format {@code kumo hunt --intel} reads: STIX 2.1, MISP, warninglists, plain lists, CSV).
 * Strict: a file with problems is refused, naming the first, so a job never runs on half its intel.
 */
final class IntelFiles {
  private IntelFiles() {}

  static Intel load(List<Path> paths) {
    IntelStore.Builder b = IntelStore.builder();
    List<IntelProblem> problems = new ArrayList<>();
    try {
      for (Path p : paths) {
        for (IntelFeeds.Feed f : IntelFeeds.read(p)) {
          b.add(f.load());
          problems.addAll(f.load().problems());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read intel: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("intel has " + problems.size() + " problem(s), the first: " + problems.get(0));
    }
    return Intel.builtin().withIocs(b.build());
  }
}
