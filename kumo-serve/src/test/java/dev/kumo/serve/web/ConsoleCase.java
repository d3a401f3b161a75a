package dev.kumo.serve.web;

import dev.kumo.casestore.CaseOptions;
import dev.kumo.casestore.CaseWriter;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.Inputs;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.simulate.Simulation;
import dev.kumo.simulate.SimulationOptions;
import dev.kumo.simulate.Source;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test support: one case per test JVM, built by hunting a simulated attack (web app exploited, instance credentials
 * stolen) plus planted CloudTrail records whose principal, user agent and request parameters carry markup that
 * would run if a page failed to escape it.
 */
final class ConsoleCase {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  static final String SCENARIO = "app-exploit-instance-credentials";
  /** Each payload sets {@code window.__pwned} and the page title if it ever runs. */
  static final String PRINCIPAL_NAME = "<script>window.__pwned=1;document.title='pwned'</script>";
  static final String PRINCIPAL = "arn:aws:iam::111122223333:user/" + PRINCIPAL_NAME;
  static final String USER_AGENT = "<img src=x onerror=\"window.__pwned=2;document.title='pwned'\">";
  static final String TRAIL = "<svg onload=\"window.__pwned=3\">";
  static final String PLANTED_IP = "203.0.113.66";

  private static Path dir;

  private ConsoleCase() {}

  /** The case folder (built on first use). */
  static synchronized Path caseDir() {
    if (dir == null) {
      try {
        Path d = Files.createTempDirectory("kumo-console-case-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d)));
        build(d);
        dir = d;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir.resolve("case");
  }

  private static void build(Path d) throws IOException {
    Path logs = d.resolve("logs");
    Simulation.run(new SimulationOptions(11, 2_000, START, 3, EnumSet.of(Source.CLOUDTRAIL, Source.ALB), logs,
        List.of(ScenarioLibrary.byId(SCENARIO).orElseThrow())));
    Files.writeString(logs.resolve("planted-cloudtrail.json"), planted(), StandardCharsets.UTF_8);
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    try (CaseWriter w = CaseWriter.open(d.resolve("case"), CaseOptions.DEFAULTS)) {
      try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), clock, w)
          .run(Inputs.expand(List.of(logs)).files(), new Progress())) {
        Iterator<Finding> it = r.findings();
        while (it.hasNext()) {
          w.finding(it.next());
        }
      }
      w.finish();
    }
  }

  /** CloudTrail records by the planted principal: stops logging, deletes the trail, lists buckets. */
  private static String planted() {
    StringBuilder sb = new StringBuilder("{\"Records\":[");
    String[][] calls = {{"StopLogging", "cloudtrail"}, {"DeleteTrail", "cloudtrail"}, {"ListBuckets", "s3"}};
    for (int i = 0; i < calls.length; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",")
          .append("\"principalId\":\"AIDAPLANTED0000000001\",\"arn\":").append(json(PRINCIPAL))
          .append(",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAPLANTED000000001\",\"userName\":")
          .append(json(PRINCIPAL_NAME)).append("},\"eventTime\":\"2026-03-02T10:0").append(i)
          .append(":00Z\",\"eventSource\":\"").append(calls[i][1]).append(".amazonaws.com\",\"eventName\":\"")
          .append(calls[i][0]).append("\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"").append(PLANTED_IP)
          .append("\",\"userAgent\":").append(json(USER_AGENT)).append(",\"requestParameters\":{\"name\":")
          .append(json(TRAIL)).append("},\"responseElements\":null,\"eventID\":\"00000000-0000-4000-8000-00000000000")
          .append(i).append("\",\"readOnly\":false,\"eventType\":\"AwsApiCall\",\"managementEvent\":true,")
          .append("\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Management\"}");
    }
    return sb.append("]}").toString();
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void delete(Path d) {
    try (Stream<Path> files = Files.walk(d)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort at exit
    }
  }
}
