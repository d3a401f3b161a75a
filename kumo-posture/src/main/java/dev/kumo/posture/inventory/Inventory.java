package dev.kumo.posture.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Every resource read from one or more exports, deduplicated by provider and id (a later export of the same
 * resource wins, its facts merged over the earlier ones), sorted by {@link Resource#ORDER}, plus the
 * problems met while reading.
 *
 * <p>It also offers one synthetic <em>scope</em> resource per account ({@code aws.account},
 * {@code azure.subscription}, {@code gcp.project}) and per account and region in use ({@code aws.region},
 * ...), so checks about something missing ("no trail logs this region") have a resource to report on. A
 * region is in use when a resource that is not itself a logging or monitoring configuration lives there.
 */
public final class Inventory {
  /** Kinds that configure monitoring; they do not put a region in use. */
  private static final Set<String> MONITORING_SERVICES = Set.of("cloudtrail", "config", "guardduty",
      "securityhub", "budgets", "cloudwatch", "monitor", "logging", "insights", "security", "access_analyzer");

  private static final Set<String> SCOPE_KINDS = Set.of("aws.account", "aws.region", "azure.subscription",
      "azure.region", "gcp.project", "gcp.region");

  private final List<Resource> resources;
  private final List<InventoryProblem> problems;
  private final Map<String, List<Resource>> byKind = new HashMap<>();
  private final Map<String, Resource> byId = new HashMap<>();

  /** Builds an inventory; see the class comment for deduplication and order. */
  public Inventory(Collection<Resource> resources, List<InventoryProblem> problems) {
    Map<String, Resource> merged = new LinkedHashMap<>();
    for (Resource r : resources) {
      String key = r.provider().id() + "|" + r.id();
      Resource old = merged.get(key);
      merged.put(key, old == null ? r : new Resource(r.provider(), r.kind(), r.id(), r.name(),
          r.account().isEmpty() ? old.account() : r.account(), r.region().isEmpty() ? old.region() : r.region(),
          Facts.builder().putAll(old.facts()).putAll(r.facts()).build(), r.origin()));
    }
    List<Resource> all = new ArrayList<>(merged.values());
    all.addAll(scopes(all));
    all.sort(Resource.ORDER);
    this.resources = List.copyOf(all);
    this.problems = List.copyOf(problems);
    for (Resource r : this.resources) {
      byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      byId.putIfAbsent(r.id(), r);
    }
  }

  /** Merges loads in order. */
  public static Inventory of(List<InventoryLoad> loads) {
    List<Resource> rs = new ArrayList<>();
    List<InventoryProblem> ps = new ArrayList<>();
    for (InventoryLoad l : loads) {
      rs.addAll(l.resources());
      ps.addAll(l.problems());
    }
    return new Inventory(rs, ps);
  }

  /** Every resource, scopes included, in report order. */
  public List<Resource> resources() {
    return resources;
  }

  public List<InventoryProblem> problems() {
    return problems;
  }

  /** Resources of one kind, in report order; empty when none. */
  public List<Resource> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The resource with this id (ARN, resource id), or null. */
  public @Nullable Resource byId(String id) {
    return byId.get(id);
  }

  /** Resources of {@code kind} in the same provider and account as {@code scope}. */
  public List<Resource> inAccount(String kind, Resource scope) {
    return ofKind(kind).stream().filter(r -> r.provider() == scope.provider()
        && (r.account().isEmpty() || scope.account().isEmpty() || r.account().equals(scope.account()))).toList();
  }

  /** Distinct kinds present (scopes included), sorted. */
  public Set<String> kinds() {
    return new TreeSet<>(byKind.keySet());
  }

  /** Number of resources read (scopes not counted). */
  public int size() {
    return (int) resources.stream().filter(r -> !isScope(r.kind())).count();
  }

  /** True for the synthetic account and region kinds. */
  public static boolean isScope(String kind) {
    return SCOPE_KINDS.contains(kind);
  }

  /** The account scope kind of a provider. */
  public static String accountKind(Provider p) {
    return switch (p) {
      case AWS -> "aws.account";
      case AZURE -> "azure.subscription";
      case GCP -> "gcp.project";
    };
  }

  private static List<Resource> scopes(List<Resource> all) {
    Map<String, Resource> out = new TreeMap<>();
    for (Resource r : all) {
      if (isScope(r.kind()) || r.account().isEmpty()) {
        continue;
      }
      String accountKind = accountKind(r.provider());
      out.putIfAbsent(accountKind + "|" + r.account(), new Resource(r.provider(), accountKind,
          scopeId(r.provider(), r.account(), ""), r.account(), r.account(), "", Facts.EMPTY, "inventory"));
      if (!r.region().isEmpty() && !r.region().equals("global") && !MONITORING_SERVICES.contains(r.service())) {
        String regionKind = r.provider().id() + ".region";
        out.putIfAbsent(regionKind + "|" + r.account() + "|" + r.region(), new Resource(r.provider(), regionKind,
            scopeId(r.provider(), r.account(), r.region()), r.region(), r.account(), r.region(), Facts.EMPTY,
            "inventory"));
      }
    }
    // a scope the export carried itself (e.g. an account password policy read as aws.account) keeps its facts
    Set<String> present = new TreeSet<>();
    for (Resource r : all) {
      present.add(r.provider().id() + "|" + r.id());
    }
    return out.values().stream().filter(s -> !present.contains(s.provider().id() + "|" + s.id())).toList();
  }

  /** The id of the account scope ({@code region} empty) or region scope. */
  public static String scopeId(Provider p, String account, String region) {
    return Objects.requireNonNull(p).id() + ":" + account + (region.isEmpty() ? "" : ":" + region);
  }
}
