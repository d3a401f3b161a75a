package dev.kumo.detector.compute;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What AWS compute launch calls look like in CloudTrail: which calls start compute, which instance types and
 * how many instances a request asks for, and which instance types are accelerated or very large.
 * Stateless and thread-safe.
 */
final class ComputeLaunches {
  private ComputeLaunches() {}

  /**
   * Calls that start (or create something that starts) compute, by operation and then service: EC2
   * instances, fleets and Spot requests, Auto Scaling groups, EMR clusters, EKS clusters and node groups,
   * ECS clusters, tasks and services, Batch compute environments, SageMaker notebooks and jobs, Lightsail.
   */
  private static final Map<String, Set<String>> LAUNCHES = Map.ofEntries(
      Map.entry("RunInstances", Set.of("ec2.amazonaws.com")),
      Map.entry("CreateFleet", Set.of("ec2.amazonaws.com")),
      Map.entry("RequestSpotInstances", Set.of("ec2.amazonaws.com")),
      Map.entry("RequestSpotFleet", Set.of("ec2.amazonaws.com")),
      Map.entry("CreateAutoScalingGroup", Set.of("autoscaling.amazonaws.com")),
      Map.entry("RunJobFlow", Set.of("elasticmapreduce.amazonaws.com")),
      Map.entry("CreateCluster", Set.of("eks.amazonaws.com", "ecs.amazonaws.com")),
      Map.entry("CreateNodegroup", Set.of("eks.amazonaws.com")),
      Map.entry("RunTask", Set.of("ecs.amazonaws.com")),
      Map.entry("CreateService", Set.of("ecs.amazonaws.com")),
      Map.entry("CreateComputeEnvironment", Set.of("batch.amazonaws.com")),
      Map.entry("CreateNotebookInstance", Set.of("sagemaker.amazonaws.com")),
      Map.entry("CreateTrainingJob", Set.of("sagemaker.amazonaws.com")),
      Map.entry("CreateProcessingJob", Set.of("sagemaker.amazonaws.com")),
      Map.entry("CreateInstances", Set.of("lightsail.amazonaws.com")));

  /** Request members (lower case) that give a number of instances, nodes or tasks. */
  private static final Set<String> COUNT_KEYS = Set.of("maxcount", "instancecount", "totaltargetcapacity",
      "targetcapacity", "desiredcapacity", "desiredsize", "count");

  /**
   * GPU, machine-learning accelerator, FPGA and video-transcoding families, with or without a size (Batch
   * takes bare families), after an optional {@code ml.}.
   */
  private static final Pattern ACCELERATED = Pattern.compile(
      "(?:p[2-9]|g[2-9]|gr6|inf[1-9]|trn[1-9]|dl[1-9]|f[1-9]|vt[1-9])[a-z0-9-]*(?:\\..*)?");
  /** Sizes of 16xlarge and up, and bare metal. */
  private static final Pattern VERY_LARGE = Pattern.compile(
      ".*\\.(?:metal.*|(?:1[6-9]|[2-9][0-9]|[1-9][0-9]{2,})xlarge)");

  private static final int MAX_NODES = 2_000;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_TYPES = 8;

  /** Whether {@code service}'s {@code operation} launches compute. Allocation-free. */
  static boolean isLaunch(@Nullable String service, @Nullable String operation) {
    if (operation == null || service == null) {
      return false;
    }
    Set<String> services = LAUNCHES.get(operation);
    return services != null && services.contains(service);
  }

  /** The instance types and instance count a launch request asks for. */
  record Request(Set<String> types, long instances) {}

  /**
   * Reads the instance types (members named {@code *instanceType}, {@code *instanceTypes}, also in the
   * {@code {"value": ...}} form some exports use) and the instance count (per object the largest of
   * maxCount, instanceCount, targetCapacity, desiredCapacity, desiredSize, count; summed over objects, so
   * EMR instance groups add up) from a request. For RunInstances the response's instance list is used
   * when present. At least one instance.
   */
  static Request read(@Nullable JsonObject request, @Nullable JsonObject response, @Nullable String operation) {
    Walk w = new Walk();
    if (request != null) {
      w.visit(request, null, 0);
    }
    long instances = w.instances;
    if ("RunInstances".equals(operation) && response != null
        && response.get("instancesSet") instanceof JsonObject set && set.get("items") instanceof JsonArray items
        && !items.isEmpty()) {
      instances = items.size();
      for (Object item : items) {
        if (item instanceof JsonObject o && o.get("instanceType") instanceof String type) {
          w.addType(type);
        }
      }
    }
    return new Request(Set.copyOf(w.types), Math.max(1, instances));
  }

  /** Whether an instance type is a GPU, ML-accelerator, FPGA or video-transcoding type. */
  static boolean isAccelerated(String type) {
    return ACCELERATED.matcher(family(type)).matches();
  }

  /** Whether an instance type is of size 16xlarge or larger, or bare metal. */
  static boolean isVeryLarge(String type) {
    return VERY_LARGE.matcher(family(type)).matches();
  }

  private static String family(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("ml.") ? t.substring(3) : t;
  }

  /** A bounded depth-first walk of a request. */
  private static final class Walk {
    final Set<String> types = new LinkedHashSet<>();
    long instances;
    int nodes;

    void visit(Object node, @Nullable String key, int depth) {
      if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
        return;
      }
      if (node instanceof JsonObject o) {
        long here = 0;
        for (int i = 0; i < o.size(); i++) {
          String k = o.keyAt(i);
          Object v = o.valueAt(i);
          String lower = k.toLowerCase(Locale.ROOT);
          if (COUNT_KEYS.contains(lower) && number(v) > here) {
            here = number(v);
          } else if (lower.endsWith("instancetype") || lower.endsWith("instancetypes")) {
            types(v, 0);
          } else {
            visit(v, k, depth + 1);
          }
        }
        instances = saturatedAdd(instances, here);
      } else if (node instanceof JsonArray a) {
        for (Object item : a) {
          visit(item, key, depth + 1);
        }
      }
    }

    private void types(Object v, int depth) {
      if (depth > 3) {
        return;
      }
      if (v instanceof String s) {
        addType(s);
      } else if (v instanceof JsonObject o && o.get("value") instanceof String s) {
        addType(s);
      } else if (v instanceof JsonArray a) {
        for (Object item : a) {
          types(item, depth + 1);
        }
      }
    }

    void addType(String type) {
      if (!type.isBlank() && types.size() < MAX_TYPES) {
        types.add(type);
      }
    }

    private static long number(Object v) {
      if (v instanceof BigDecimal d) {
        return d.signum() <= 0 ? 0 : d.compareTo(BigDecimal.valueOf(1_000_000)) > 0 ? 1_000_000 : d.longValue();
      }
      if (v instanceof Number n) {
        return Math.max(0, Math.min(1_000_000, n.longValue()));
      }
      if (v instanceof String s && !s.isEmpty() && s.length() <= 7 && s.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(s);
      }
      return 0;
    }

    private static long saturatedAdd(long a, long b) {
      long r = a + b;
      return r < 0 || r > 1_000_000_000L ? 1_000_000_000L : r;
    }
  }
}
