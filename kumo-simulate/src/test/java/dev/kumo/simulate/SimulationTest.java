package dev.kumo.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.ingest.LogSources;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {
  @TempDir
  Path dir;

  private SimulationReport run(Path out, long seed, long events) throws IOException {
    return Simulation.run(new SimulationOptions(seed, events, Instant.parse("2026-03-02T00:00:00Z"), 1,
        EnumSet.allOf(Source.class), out));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void run_sameSeed_writesByteIdenticalFiles() throws IOException {
    run(dir.resolve("a"), 7, 20_000);
    run(dir.resolve("b"), 7, 20_000);
    List<Path> a = files(dir.resolve("a"));
    assertThat(a).isEqualTo(files(dir.resolve("b"))).isNotEmpty();
    for (Path p : a) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(p))).as(p.toString())
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(p)));
    }
  }

  @Test
  void run_writesExactlyTheEventsAskedFor_inEverySource() throws IOException {
    SimulationReport r = run(dir, 3, 30_000);
    assertThat(r.totalEvents()).isBetween(30_000L, 30_010L);
    assertThat(r.counts()).containsKeys("aws.cloudtrail", "aws.vpcflow", "aws.cur");
    assertThat(dir.resolve(".simulate/manifest.json")).exists();
  }

  @Test
  void cloudTrailFiles_areReadByKumoWithoutProblems() throws IOException {
    run(dir, 11, 20_000);
    long events = 0;
    List<Path> files = new ArrayList<>();
    for (Path p : files(dir)) {
      if (p.toString().contains("/CloudTrail/")) {
        files.add(p);
      }
    }
    assertThat(files).allSatisfy(p -> assertThat(p.getFileName().toString())
        .matches("\\d{12}_CloudTrail_[a-z0-9-]+_\\d{8}T\\d{4}Z_[A-Za-z0-9]{16}\\.json\\.gz"));
    for (Path p : files) {
      SourceTesting.Read read = SourceTesting.read(dir.resolve(p));
      assertThat(read.problems()).as(p.toString()).isEmpty();
      events += read.events().size();
    }
    assertThat(events).isGreaterThan(5_000);
  }

  @Test
  void flowAndBillingFiles_areReadWithoutProblems_whenKumoHasTheirSources() throws IOException {
    run(dir, 5, 20_000);
    for (Path p : files(dir)) {
      String s = p.toString();
      String source = s.contains("/vpcflowlogs/") ? "aws.vpcflow" : s.startsWith("billing/") ? "aws.cur" : null;
      if (source == null || LogSources.defaults().byId(source).isEmpty()) {
        continue; // the source is not in this build of kumo-core yet
      }
      assertThat(SourceTesting.read(dir.resolve(p)).problems()).as(s).isEmpty();
    }
  }
}
