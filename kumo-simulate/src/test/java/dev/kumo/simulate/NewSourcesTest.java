package dev.kumo.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.testing.SourceTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ALB, auditd and Route 53 Resolver files: read by Kumo as their sources, and deterministic. */
class NewSourcesTest {
  private static final Set<Source> NEW = EnumSet.of(Source.ALB, Source.AUDITD, Source.DNS);

  @TempDir
  Path dir;

  private SimulationReport run(Path out, long seed, long events, Set<Source> sources) throws IOException {
    return Simulation.run(new SimulationOptions(seed, events, Instant.parse("2026-03-02T00:00:00Z"), 1, sources, out));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).filter(p -> !p.startsWith(".simulate")).sorted()
          .toList();
    }
  }

  @Test
  void newSourceFiles_areReadByKumoWithoutProblems_asTheirSources_withEveryEventWritten() throws IOException {
    SimulationReport report = run(dir, 11, 30_000, EnumSet.allOf(Source.class));
    Map<String, Long> read = new TreeMap<>();
    for (Path p : files(dir)) {
      String s = p.toString().replace('\\', '/');
      String expected = s.contains("/elasticloadbalancing/") ? "aws.elb" : s.contains("/vpcdnsquerylogs/")
          ? "aws.route53resolver" : s.startsWith("hosts/") ? "linux.auditd" : null;
      if (expected == null) {
        continue;
      }
      SourceTesting.Read r = SourceTesting.read(dir.resolve(p));
      assertThat(r.problems()).as(s).isEmpty();
      assertThat(r.events()).as(s).isNotEmpty().extracting(NormalizedEvent::source).containsOnly(expected);
      read.merge(expected, (long) r.events().size(), Long::sum);
    }
    for (Source source : NEW) {
      assertThat(report.counts()).containsKey(source.id());
      assertThat(read.get(source.id())).as(source.id()).isEqualTo(report.counts().get(source.id()).events())
          .isGreaterThan(100);
    }
  }

  @Test
  void newSourceFiles_areNamedAsAwsAndAuditdWriteThem() throws IOException {
    run(dir, 5, 10_000, NEW);
    List<String> names = files(dir).stream().map(p -> p.toString().replace('\\', '/')).toList();
    assertThat(names).filteredOn(n -> n.contains("/elasticloadbalancing/")).isNotEmpty().allSatisfy(n -> assertThat(n)
        .matches("AWSLogs/(\\d{12})/elasticloadbalancing/([a-z0-9-]+)/\\d{4}/\\d{2}/\\d{2}/\\1_elasticloadbalancing_\\2"
            + "_app\\.[a-z0-9-]+\\.[0-9a-f]{16}_\\d{8}T\\d{4}Z_\\d+\\.\\d+\\.\\d+\\.\\d+_[a-z0-9]{8}\\.log\\.gz"));
    assertThat(names).filteredOn(n -> n.contains("/vpcdnsquerylogs/")).isNotEmpty().allSatisfy(n -> assertThat(n)
        .matches("AWSLogs/(\\d{12})/vpcdnsquerylogs/(vpc-[0-9a-f]+)/\\d{4}/\\d{2}/\\d{2}/\\2_vpcdnsquerylogs_\\1"
            + "_\\d{8}T\\d{4}Z_[0-9a-f]{8}\\.log\\.gz"));
    assertThat(names).filteredOn(n -> n.startsWith("hosts/")).isNotEmpty().allSatisfy(n -> assertThat(n)
        .matches("hosts/fs\\d{2}/var/log/audit/audit\\.log-\\d{8}T\\d{6}Z\\.gz"));
  }

  @Test
  void run_sameSeed_writesByteIdenticalNewSourceFiles() throws IOException {
    run(dir.resolve("a"), 9, 15_000, NEW);
    run(dir.resolve("b"), 9, 15_000, NEW);
    List<Path> a = files(dir.resolve("a"));
    assertThat(a).isEqualTo(files(dir.resolve("b"))).hasSizeGreaterThan(3);
    for (Path p : a) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(p))).as(p.toString())
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(p)));
    }
  }
}
