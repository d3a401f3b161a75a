package dev.kumo.bench;

import dev.kumo.event.NormalizedEvent;
import dev.kumo.intel.Indicator;
import dev.kumo.intel.IndicatorType;
import dev.kumo.intel.IntelHit;
import dev.kumo.intel.IntelMatcher;
import dev.kumo.intel.IntelStore;
import java.util.List;
import java.util.SplittableRandom;
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

/**
 * Looking up every value of a CloudTrail event in an intel store of 1,000,000 mixed indicators
 * (addresses, networks of 6 prefix lengths, domains, URLs, hashes, keys, accounts, ARNs, wallets) that
 * the events do not hit: the cost every event pays in a hunt with intel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class IntelMatchBenchmark {
  IntelStore store;
  NormalizedEvent[] events;
  int i;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(7);
    IntelStore.Builder b = IntelStore.builder();
    int[] prefixes = {16, 20, 22, 24, 26, 28};
    for (int n = 0; n < 1_000_000; n++) {
      int kind = n % 20;
      String v;
      IndicatorType t;
      if (kind < 9) {
        t = IndicatorType.IP;
        v = ip(rnd);
      } else if (kind == 9) {
        t = IndicatorType.IP;
        int p = prefixes[rnd.nextInt(prefixes.length)];
        v = dev.kumo.intel.Indicators.canonical(t, ip(rnd) + "/" + p);
      } else if (kind < 15) {
        t = IndicatorType.DOMAIN;
        v = "host" + n + ".example" + (n % 97) + ".net";
      } else if (kind == 15) {
        t = IndicatorType.URL;
        v = "http://u" + n + ".example.org/p/" + n;
      } else if (kind == 16) {
        t = IndicatorType.FILE_HASH;
        v = String.format("%064x", (long) n);
      } else if (kind == 17) {
        t = IndicatorType.ACCESS_KEY;
        v = "AKIA" + String.format("%016d", n);
      } else if (kind == 18) {
        t = IndicatorType.ARN;
        v = "arn:aws:iam::" + String.format("%012d", n) + ":role/r" + n;
      } else {
        t = IndicatorType.ACCOUNT;
        v = String.format("%012d", 100_000_000_000L + n);
      }
      b.add(Indicator.of(t, v, "synthetic"));
    }
    store = b.build();
    events = BenchData.events(1024);
  }

  private static String ip(SplittableRandom rnd) {
    return (1 + rnd.nextInt(223)) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256);
  }

  @Benchmark
  public List<IntelHit> lookupEvent() {
    NormalizedEvent e = events[i++ & (events.length - 1)];
    return IntelMatcher.hits(store, e);
  }

  @Benchmark
  public List<IntelHit> emptyStore() {
    NormalizedEvent e = events[i++ & (events.length - 1)];
    return IntelMatcher.hits(IntelStore.empty(), e);
  }
}
