package dev.kumo.posture.deadspot;

import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.check.Status;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.rank.DetectionCoverage;
import dev.kumo.posture.rank.ExposureRanker;
import dev.kumo.posture.rank.RankedResult;
import dev.kumo.posture.rank.Telemetry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Computes dead spots (see {@code docs/dead-spots.md}). A control is in scope when some service in use
 * gives it an ownership other than n/a. It is a dead spot when:
 * <ul>
 *   <li>its customer side (customer or shared ownership) has a service with no owner;</li>
 *   <li>its customer side has failing evidence: a failing posture check, or an exercised technique that
 *       was missed;</li>
 *   <li>its customer side has no evidence at all: no passing check, no log source on everywhere with active
 *       rules for its techniques, no detected exercise, no valid customer attestation;</li>
 *   <li>it asks for verification of the provider's side and no valid provider attestation is recorded.</li>
 * </ul>
 */
public final class DeadSpotAnalyzer {
  private final ControlCatalog catalog;
  private final Owners owners;
  private final DetectionCoverage coverage;
  private final @Nullable ExerciseEvidence exercise;
  private final LocalDate day;

  public DeadSpotAnalyzer(ControlCatalog catalog, Owners owners, DetectionCoverage coverage,
      @Nullable ExerciseEvidence exercise, LocalDate day) {
    this.catalog = catalog;
    this.owners = owners;
    this.coverage = coverage;
    this.exercise = exercise;
    this.day = day;
  }

  /** Analyses one inventory and the check results on it (built-in and imported). */
  public DeadSpotReport analyse(Inventory inventory, List<CheckResult> results) {
    TreeSet<String> inUse = new TreeSet<>();
    for (Resource r : inventory.resources()) {
      if (!Inventory.isScope(r.kind())) {
        inUse.add(r.provider().id() + "." + r.service());
      }
    }
    List<Service> services = new ArrayList<>();
    List<String> unclassified = new ArrayList<>();
    for (String id : inUse) {
      Service s = catalog.service(id);
      if (s == null) {
        unclassified.add(id);
      } else {
        services.add(s);
      }
    }
    Map<String, List<CheckResult>> byCheck = new HashMap<>();
    results.forEach(r -> byCheck.computeIfAbsent(r.check().id(), k -> new ArrayList<>()).add(r));
    ExposureRanker ranker = new ExposureRanker(inventory, coverage);
    Telemetry telemetry = new Telemetry(inventory);
    List<DeadSpot> spots = new ArrayList<>();
    List<String> inScope = new ArrayList<>();
    for (Control c : catalog.controls()) {
      DeadSpot d = evaluate(c, services, byCheck, ranker, telemetry);
      if (d != null) {
        inScope.add(c.id());
        if (!d.reasons().isEmpty()) {
          spots.add(d);
        }
      }
    }
    spots.sort(DeadSpot.ORDER);
    inScope.sort(null);
    return new DeadSpotReport(day, spots, inScope, List.copyOf(inUse), unclassified, warnings());
  }

  /** Null when the control is out of scope; else a dead spot whose reasons may be empty (covered). */
  private @Nullable DeadSpot evaluate(Control c, List<Service> services, Map<String, List<CheckResult>> byCheck,
      ExposureRanker ranker, Telemetry telemetry) {
    List<String> scoped = new ArrayList<>();
    List<Service> customer = new ArrayList<>();
    boolean providerPart = false;
    for (Service s : services) {
      Ownership o = c.ownershipFor(s);
      if (o == Ownership.NOT_APPLICABLE) {
        continue;
      }
      scoped.add(s.id() + "=" + o.id());
      if (o.customerSide()) {
        customer.add(s);
      }
      if (o == Ownership.PROVIDER || o == Ownership.SHARED) {
        providerPart = true;
      }
    }
    if (scoped.isEmpty()) {
      return null;
    }
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    TreeSet<String> teams = new TreeSet<>();
    List<String> unowned = new ArrayList<>();
    List<RankedResult> failing = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    if (!customer.isEmpty()) {
      for (Service s : customer) {
        String team = owners.ownerOf(c, s.id());
        if (team == null) {
          unowned.add(s.id());
        } else {
          teams.add(team);
        }
      }
      if (!unowned.isEmpty()) {
        reasons.add(Reason.NO_OWNER);
      }
      Set<Provider> providers = EnumSet.noneOf(Provider.class);
      customer.forEach(s -> providers.add(Provider.parse(s.id().substring(0, s.id().indexOf('.')))));
      int passing = 0;
      for (String check : c.checks()) {
        for (CheckResult r : byCheck.getOrDefault(check, List.of())) {
          if (!providers.contains(r.resource().provider())) {
            continue;
          }
          if (r.status() == Status.FAIL) {
            failing.add(ranker.rankOne(r));
          } else if (r.status() == Status.PASS) {
            passing++;
          }
        }
      }
      if (passing > 0) {
        evidence.add(passing + " passing posture result(s)");
      }
      for (String t : c.telemetry()) {
        if (!providers.contains(Telemetry.providerOf(t))) {
          continue;
        }
        Telemetry.Spread spread = telemetry.spread(t);
        String source = Telemetry.sourceOf(t);
        List<String> rules = source == null ? List.of() : coverage.activeRules(c.attack(), source);
        if (spread.everywhere() && !rules.isEmpty()) {
          evidence.add(t + " on everywhere (" + spread.total() + "), watched by " + rules.size() + " rule(s)");
        }
      }
      if (exercise != null) {
        for (String t : c.attack()) {
          Integer score = exercise.score(t);
          if (score == null) {
            continue;
          }
          if (score > 0) {
            evidence.add("exercise detected " + t + " (" + score + "%)");
          } else {
            missed.add(t);
          }
        }
      }
      for (Attestation a : owners.attested(c.id(), false, day)) {
        evidence.add("attested by " + a.by() + " on " + a.date() + ": " + a.evidence());
      }
      if (!failing.isEmpty() || !missed.isEmpty()) {
        reasons.add(Reason.FAILING_EVIDENCE);
      } else if (evidence.isEmpty()) {
        reasons.add(Reason.NO_EVIDENCE);
      }
    }
    if (c.verify() && providerPart) {
      List<Attestation> verified = owners.attested(c.id(), true, day);
      if (verified.isEmpty()) {
        reasons.add(Reason.UNVERIFIED_PROVIDER);
      } else {
        verified.forEach(a -> evidence.add("provider side verified by " + a.by() + " on " + a.date() + ": "
            + a.evidence()));
      }
    }
    failing.sort(RankedResult.ORDER);
    return new DeadSpot(c, new ArrayList<>(reasons), scoped, new ArrayList<>(teams), unowned, failing, missed,
        evidence);
  }

  private List<String> warnings() {
    Set<String> controlIds = new TreeSet<>();
    Set<String> domains = new TreeSet<>();
    catalog.controls().forEach(c -> {
      controlIds.add(c.id());
      domains.add(c.domain());
    });
    Map<String, String> out = new TreeMap<>();
    owners.controls().keySet().stream().filter(k -> !controlIds.contains(k))
        .forEach(k -> out.put("c" + k, "owners: unknown control '" + k + "'"));
    owners.services().keySet().stream().filter(k -> catalog.service(k) == null)
        .forEach(k -> out.put("s" + k, "owners: unknown service '" + k + "'"));
    owners.domains().keySet().stream().filter(k -> !domains.contains(k))
        .forEach(k -> out.put("d" + k, "owners: unknown domain '" + k + "'"));
    owners.attestations().stream().filter(a -> !controlIds.contains(a.control()))
        .forEach(a -> out.put("a" + a.where(), a.where() + ": attestation for unknown control '" + a.control() + "'"));
    owners.attestations().stream().filter(a -> controlIds.contains(a.control()) && !a.validOn(day))
        .forEach(a -> out.put("e" + a.where(), a.where() + ": attestation of " + a.control() + " not valid on " + day
            + " (dated " + a.date() + (a.expires() == null ? "" : ", expires " + a.expires()) + ")"));
    return List.copyOf(out.values());
  }
}
