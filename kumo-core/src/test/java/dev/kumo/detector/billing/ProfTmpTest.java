package dev.kumo.detector.billing;

import dev.kumo.detector.*;
import dev.kumo.event.*;
import dev.kumo.ingest.cur.CurSource;
import dev.kumo.json.JsonObject;
import dev.kumo.testing.DetectorHarness;
import java.time.Instant;
import java.util.*;
import org.junit.jupiter.api.Test;

class ProfTmpTest {
  @Test
  void prof() {
    List<NormalizedEvent> events = new ArrayList<>();
    Instant day1 = Instant.parse("2026-02-16T00:00:00Z");
    for (int i = 0; i < 200_000; i++) {
      BillingLine b = new BillingLine("svc-" + i, "Usage", null, null, 60.0, "USD", 1.0, "Hrs", null, "Usage");
      events.add(new NormalizedEvent("f" + i, day1.plusSeconds(i % 2 * 86_400L + i % 3600), CurSource.ID, OcsfClass.BILLING,
          new CloudContext("AWS", "acct-" + (i % 50), "r" + (i % 7)), Actor.UNKNOWN, Endpoint.UNKNOWN, null,
          new ApiCall("s", "Usage", null, null, null, null), List.of(), b, JsonObject.EMPTY, new Origin("c", 2, 1)));
    }
    DetectorHarness h = DetectorHarness.of(new CostSpikeDetector(DetectorConfig.DEFAULTS));
    long t = System.nanoTime();
    List<Observation> obs = new ArrayList<>();
    ObservationCombiner c = new ObservationCombiner(10_000, obs::add);
    for (NormalizedEvent e : events) h.engine().observe(e, c::add);
    c.flush();
    System.err.println("PROF observe " + (System.nanoTime() - t) / 1e6); t = System.nanoTime();
    obs.sort(Observation.ORDER);
    System.err.println("PROF sort " + (System.nanoTime() - t) / 1e6); t = System.nanoTime();
    DetectorRunner r = h.engine().newDetectorRunner();
    int n = 0;
    for (Observation o : obs) { r.accept(o, (x, y) -> {}); if (++n % 50000 == 0) System.err.println("PROF at " + n + " " + (System.nanoTime() - t) / 1e6); }
    System.err.println("PROF accept " + (System.nanoTime() - t) / 1e6); t = System.nanoTime();
    r.finish((x, y) -> {});
    System.err.println("PROF finish " + (System.nanoTime() - t) / 1e6);
  }
}
