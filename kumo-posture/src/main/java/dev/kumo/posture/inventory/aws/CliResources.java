package dev.kumo.posture.inventory.aws;

import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Resources being assembled from several outputs (a bucket from {@code list-buckets} and its per-bucket
 * calls), keyed by id, and the problems met. Local to one read.
 */
final class CliResources {
  private final Map<String, Entry> byId = new LinkedHashMap<>();
  private final List<InventoryProblem> problems = new ArrayList<>();

  /** A resource under assembly. */
  static final class Entry {
    final String kind;
    final String id;
    String name;
    final String account;
    String region;
    final String origin;
    final Facts.Builder facts = Facts.builder();

    private Entry(String kind, String id, String name, String account, String region, String origin) {
      this.kind = kind;
      this.id = id;
      this.name = name;
      this.account = account;
      this.region = region;
      this.origin = origin;
    }
  }

  /** The facts of the resource {@code id}, created in {@code out}'s account on first mention. */
  Facts.Builder resource(CliOutput out, String kind, String id, String name, String region) {
    Entry e = byId.computeIfAbsent(id, k -> new Entry(kind, id, name, out.account(), region, out.file()));
    if (e.region.isEmpty() && !region.isEmpty()) {
      e.region = region;
    }
    return e.facts;
  }

  /** The resource with this id, or null. */
  @Nullable Entry find(String id) {
    return byId.get(id);
  }

  /** Resources of {@code kind} in {@code account} named {@code name}. */
  List<Entry> named(String kind, String account, String name) {
    return byId.values().stream().filter(e -> e.kind.equals(kind) && e.account.equals(account)
        && e.name.equals(name)).toList();
  }

  /** Resources of {@code kind} in {@code account} and {@code region}. */
  List<Entry> in(String kind, String account, String region) {
    return byId.values().stream().filter(e -> e.kind.equals(kind) && e.account.equals(account)
        && e.region.equals(region)).toList();
  }

  void problem(String file, String where, String reason) {
    problems.add(new InventoryProblem(file, where, reason));
  }

  /**
   * Reads each item; an item whose shape is wrong becomes a problem at {@code where[i]} and the others are
   * still read.
   */
  <T> void each(CliOutput out, String where, List<T> items, Consumer<T> reader) {
    for (int i = 0; i < items.size(); i++) {
      try {
        reader.accept(items.get(i));
      } catch (IllegalArgumentException e) {
        problem(out.file(), where + "[" + i + "]", e.getMessage());
      }
    }
  }

  /** The resources, in report order. */
  List<Resource> resources() {
    return byId.values().stream().map(e -> new Resource(Provider.AWS, e.kind, e.id, e.name, e.account,
        e.region, e.facts.build(), e.origin)).sorted(Resource.ORDER).toList();
  }

  List<InventoryProblem> problems() {
    return List.copyOf(problems);
  }
}
