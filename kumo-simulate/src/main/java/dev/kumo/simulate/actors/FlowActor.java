package dev.kumo.simulate.actors;

import dev.kumo.simulate.engine.Arrivals;
import dev.kumo.simulate.engine.Pick;
import dev.kumo.simulate.engine.WorkWeek;
import dev.kumo.simulate.org.AccountKind;
import dev.kumo.simulate.org.Addresses;
import dev.kumo.simulate.org.Estate;
import dev.kumo.simulate.org.Instance;
import dev.kumo.simulate.vpcflow.FlowRecord;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * Network flows of each VPC's instances and load balancers, as their interfaces log them (each
 * accepted flow in both directions): visitors reaching the load balancers on 443, load balancers
 * reaching instances on 8080, east-west calls to the databases, egress to AWS endpoints and package
 * mirrors, DNS to the shared resolvers, NTP, and internet scanners rejected at public instances.
 */
final class FlowActor implements Actor {
  private static final ZoneId CUSTOMERS = ZoneId.of("America/New_York");
  private static final double PEAK_PER_HOUR = 700;

  private final SplittableRandom random;

  FlowActor(SplittableRandom random) {
    this.random = random;
  }

  private static double peak(Estate e) {
    double p = e.account().kind() == AccountKind.PRODUCTION ? PEAK_PER_HOUR : PEAK_PER_HOUR * 0.25;
    return e.home() ? p : p * 0.5;
  }

  @Override
  public double scaledEventsPerDay(World w) {
    double sum = 0;
    for (Estate e : w.org().estates()) {
      if (!e.instances().isEmpty()) {
        sum += peak(e) * 24 * WorkWeek.trafficMean() * 1.95;
      }
    }
    return sum;
  }

  @Override
  public void start(World w) {
    for (Estate e : w.org().estates()) {
      if (!e.instances().isEmpty()) {
        next(w, e, random.split(), w.timeline().now());
      }
    }
  }

  private void next(World w, Estate e, SplittableRandom r, long now) {
    long t = Arrivals.next(now, peak(e) * w.scale(), x -> WorkWeek.traffic(x, CUSTOMERS), r);
    if (t != Long.MAX_VALUE) {
      w.timeline().at(t, time -> {
        flow(w, e, r, time);
        next(w, e, r, time);
      });
    }
  }

  private void flow(World w, Estate e, SplittableRandom r, long t) {
    long start = t / 1000;
    long end = start + 30 + r.nextInt(40);
    Instance i = Pick.one(e.instances(), r);
    String sharedPrefix = w.org().estates().stream().filter(x -> x.account().kind() == AccountKind.SHARED_SERVICES)
        .findFirst().orElseThrow().vpc().cidrPrefix();
    int k = r.nextInt(100);
    if (k < 40 && !e.vpc().albEnis().isEmpty()) {
      int n = r.nextInt(e.vpc().albEnis().size());
      pair(w, e, e.vpc().albEnis().get(n), Addresses.inAny(Addresses.VISITORS, r), e.vpc().albIps().get(n),
          1024 + r.nextInt(64_000), 443, 6, r, start, end, 8, 20_000);
    } else if (k < 58 && !e.vpc().albEnis().isEmpty() && i.purpose().equals("web")) {
      pair(w, e, i.eni(), e.vpc().albIps().get(r.nextInt(e.vpc().albIps().size())), i.privateIp(),
          1024 + r.nextInt(64_000), 8080, 6, r, start, end, 6, 12_000);
    } else if (k < 68) {
      pair(w, e, i.eni(), i.privateIp(), e.vpc().cidrPrefix() + "3." + (100 + r.nextInt(20)),
          32_768 + r.nextInt(28_000), 5432, 6, r, start, end, 20, 30_000);
    } else if (k < 83) {
      String dst = r.nextInt(3) == 0 ? Pick.one(Addresses.PACKAGE_MIRRORS, r) : Addresses.awsEndpoint(e.region(), r);
      pair(w, e, i.eni(), i.privateIp(), dst, 32_768 + r.nextInt(28_000), 443, 6, r, start, end, 15, 60_000);
    } else if (k < 93) {
      pair(w, e, i.eni(), i.privateIp(), sharedPrefix + "2." + (10 + r.nextInt(2)), 32_768 + r.nextInt(28_000), 53, 17,
          r, start, end, 1, 90);
    } else if (k < 96) {
      pair(w, e, i.eni(), i.privateIp(), Pick.one(Addresses.NTP, r), 123, 123, 17, r, start, end, 1, 76);
    } else if (i.publicIp() != null) {
      int port = Pick.one(r, 22, 23, 3389, 445, 8080, 6379, 9200, 2375);
      w.emit(new FlowRecord(e.accountId(), e.region(), e.vpc().flowLogId(), i.eni(),
          Addresses.inAny(Addresses.SCANNERS, r), i.privateIp(), 1024 + r.nextInt(64_000), port, 6, 1 + r.nextInt(2),
          40 + r.nextInt(40), start, end, false));
    } else {
      pair(w, e, i.eni(), i.privateIp(), Addresses.awsEndpoint(e.region(), r), 32_768 + r.nextInt(28_000), 443, 6,
          r, start, end, 10, 8_000);
    }
  }

  /** A flow from {@code src} to {@code dst}, logged in both directions by {@code eni}. */
  private static void pair(World w, Estate e, String eni, String src, String dst, int srcPort, int dstPort, int protocol,
      SplittableRandom r, long start, long end, int packets, int bytes) {
    long p = 1 + r.nextInt(packets * 2);
    long b = p * (60 + r.nextInt(Math.max(1, bytes / Math.max(1, packets))));
    w.emit(new FlowRecord(e.accountId(), e.region(), e.vpc().flowLogId(), eni, src, dst, srcPort, dstPort, protocol,
        p, b, start, end, true));
    long rp = 1 + r.nextInt(packets * 3);
    w.emit(new FlowRecord(e.accountId(), e.region(), e.vpc().flowLogId(), eni, dst, src, dstPort, srcPort, protocol,
        rp, rp * (60 + r.nextInt(1400)), start, end, true));
  }
}
