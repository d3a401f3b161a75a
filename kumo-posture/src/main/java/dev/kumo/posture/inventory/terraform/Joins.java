package dev.kumo.posture.inventory.terraform;

import dev.kumo.posture.inventory.InventoryProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds the resource a settings resource belongs to (the bucket of an {@code aws_s3_bucket_versioning}, the
 * group of an {@code aws_security_group_rule}): by the attribute's value when known, else by the reference the
 * configuration writes for it. What cannot be joined becomes a problem.
 */
final class Joins {
  private final String file;
  private final List<InventoryProblem> problems;
  private final Map<String, Draft> byAddress = new HashMap<>();
  private final Map<String, Draft> byKey = new HashMap<>();
  private final List<Draft> drafts = new ArrayList<>();

  Joins(String file, List<InventoryProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** Registers a resource, findable by its address and by {@code keys} (id, ARN, name...). */
  void add(Draft d, @Nullable String... keys) {
    drafts.add(d);
    byAddress.put(d.tf.address(), d);
    for (String k : keys) {
      if (k != null && !k.isEmpty()) {
        byKey.putIfAbsent(d.kind + "|" + k, d);
      }
    }
  }

  List<Draft> drafts() {
    return drafts;
  }

  /** The resource of {@code kind} that {@code sub.attr} names, or null after recording why not. */
  @Nullable Draft find(String kind, TfResource sub, String attr) {
    Draft d = quiet(kind, sub, attr);
    if (d == null) {
      String v = sub.text(attr);
      problems.add(new InventoryProblem(file, sub.address(), v != null
          ? attr + " '" + v + "' is not a " + kind + " in this file; its settings are not applied"
          : attr + " is unknown until apply and the configuration names no " + kind
              + " of this file; its settings are not applied"));
    }
    return d;
  }

  /** As {@link #find} without recording a problem. */
  @Nullable Draft quiet(String kind, TfResource sub, String attr) {
    String v = sub.text(attr);
    if (v != null) {
      Draft d = byKey.get(kind + "|" + v);
      if (d != null) {
        return d;
      }
    }
    for (String ref : sub.references(attr)) {
      Draft d = byAddress.get(ref);
      if (d != null && d.kind.equals(kind)) {
        return d;
      }
      Draft only = null;
      int n = 0;
      for (Draft c : drafts) {
        if (c.kind.equals(kind) && c.tf.address().startsWith(ref + "[")) {
          only = c;
          n++;
        }
      }
      if (n == 1) {
        return only;
      }
    }
    return null;
  }
}
