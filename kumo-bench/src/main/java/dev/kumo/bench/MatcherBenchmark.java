package dev.kumo.bench;

import dev.kumo.sigma.value.SigmaString;
import dev.kumo.sigma.value.StringMatcher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Case-insensitive Sigma string matching on a typical user agent. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatcherBenchmark {
  final String userAgent = "aws-sdk-java/2.25.0 Linux/6.1.0 OpenJDK_64-Bit_Server_VM/17.0.9+9-LTS Java/17.0.9 vendor/Amazon.com";
  final StringMatcher contains = StringMatcher.of(SigmaString.parse("*openjdk*"), false);
  final StringMatcher glob = StringMatcher.of(SigmaString.parse("aws-sdk-*/2.*java/1?.*"), false);
  final StringMatcher exact = StringMatcher.of(SigmaString.parse("DescribeInstances"), false);

  @Benchmark
  public boolean contains() {
    return contains.matches(userAgent);
  }

  @Benchmark
  public boolean glob() {
    return glob.matches(userAgent);
  }

  @Benchmark
  public boolean exactMiss() {
    return exact.matches(userAgent);
  }
}
