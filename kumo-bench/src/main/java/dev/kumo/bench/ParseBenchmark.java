package dev.kumo.bench;

import dev.kumo.event.Origin;
import dev.kumo.ingest.cloudtrail.CloudTrailSource;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of parsing one CloudTrail record into the tree and normalizing it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {
  List<byte[]> records;
  JsonTreeReader reader;
  CloudTrailSource source;
  int next;

  @Setup
  public void setUp() {
    records = BenchData.recordBytes(1024);
    reader = new JsonTreeReader(100, 1 << 24);
    source = new CloudTrailSource();
  }

  @Benchmark
  public Object parseTree() {
    byte[] b = records.get(next++ & 1023);
    return reader.read(b, 0, b.length);
  }

  @Benchmark
  public Object parseAndNormalize() {
    byte[] b = records.get(next++ & 1023);
    return source.normalize((JsonObject) reader.read(b, 0, b.length), new Origin("bench", 1, 1));
  }
}
