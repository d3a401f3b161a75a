package dev.kumo.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kumo.detect.LoadedRules;
import dev.kumo.finding.Finding;
import dev.kumo.flink.testing.KafkaBroker;
import dev.kumo.hunt.HuntOptions;
import dev.kumo.hunt.HuntResult;
import dev.kumo.hunt.Hunter;
import dev.kumo.ingest.InputFile;
import dev.kumo.ingest.LogSources;
import dev.kumo.ingest.Progress;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.simulate.Simulation;
import dev.kumo.simulate.SimulationOptions;
import dev.kumo.simulate.Source;
import dev.kumo.simulate.scenario.ScenarioLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Simulated attack logs, what the CLI finds in them, and their files as Kafka records. */
final class JobFixture {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final JsonFactory JSON = new JsonFactory();

  private JobFixture() {}

  /**
   * Attacks that give findings of every kind (rules, correlations, detectors: upstream movement through
   * SSM, stolen instance credentials, instances used as DDoS bots) in CloudTrail and VPC flow logs, in
   * {@code dir/logs}.
   */
  static Path simulate(Path dir) throws IOException {
    Path logs = dir.resolve("logs");
    Simulation.run(new SimulationOptions(7, 2_000, START, 1, EnumSet.of(Source.CLOUDTRAIL, Source.VPCFLOW), logs,
        ScenarioLibrary.resolve(List.of("ssm-upstream-movement", "app-exploit-instance-credentials",
            "ddos-from-instances"))));
    return logs;
  }

  /** The log files under {@code logs} (not the simulation's labels), in name order. */
  static List<Path> files(Path logs) {
    try (Stream<Path> s = Files.walk(logs)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.startsWith(Simulation.labelsFile(logs).getParent()))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** (rule id, event id) → count of what {@code kumo hunt} finds in {@code files} with the built-in pack. */
  static Map<String, Integer> cliFindings(List<Path> files) {
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    Map<String, Integer> out = new TreeMap<>();
    try (HuntResult r = new Hunter(rules.engine(), LogSources.defaults(), HuntOptions.defaults(), Clock.systemUTC())
        .run(files.stream().map(InputFile::of).toList(), new Progress())) {
      Iterator<Finding> it = r.findings();
      while (it.hasNext()) {
        Finding f = it.next();
        out.merge(f.ruleId() + " " + f.event().id(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** Each file's bytes as one Kafka record (as a shipper forwarding delivered log objects would). */
  static void produceFiles(KafkaBroker kafka, String topic, List<Path> files) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", kafka.bootstrapServers());
    p.setProperty("acks", "all");
    p.setProperty("max.request.size", String.valueOf(64 << 20));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
      for (Path f : files) {
        sent.add(producer.send(new ProducerRecord<>(topic, Files.readAllBytes(f))));
      }
      for (java.util.concurrent.Future<?> s : sent) {
        s.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("producing the logs failed: " + e, e);
    }
  }

  /** (rule id, event id) → count of findings in kumo.finding JSON lines; checks schema and rules_version. */
  static Map<String, Integer> jobFindings(List<String> json, String rulesVersion) {
    Map<String, Integer> out = new TreeMap<>();
    for (String line : json) {
      Map<String, String> f = fields(line);
      if (!"kumo.finding/1.3".equals(f.get("schema")) || !rulesVersion.equals(f.get("rules_version"))) {
        throw new AssertionError("unexpected finding header: " + line);
      }
      out.merge(f.get("rule_id") + " " + f.get("event_id"), 1, Integer::sum);
    }
    return out;
  }

  /** The keys whose counts differ, as "key: expected n, found m" (empty when the maps are equal). */
  static List<String> differences(Map<String, Integer> expected, Map<String, Integer> found) {
    Map<String, int[]> both = new TreeMap<>();
    expected.forEach((k, n) -> both.computeIfAbsent(k, x -> new int[2])[0] = n);
    found.forEach((k, n) -> both.computeIfAbsent(k, x -> new int[2])[1] = n);
    return both.entrySet().stream().filter(e -> e.getValue()[0] != e.getValue()[1])
        .map(e -> e.getKey() + ": expected " + e.getValue()[0] + ", found " + e.getValue()[1]).toList();
  }

  /** The top-level string fields of a JSON object. */
  static Map<String, String> fields(String json) {
    Map<String, String> out = new TreeMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.VALUE_STRING) {
          out.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
