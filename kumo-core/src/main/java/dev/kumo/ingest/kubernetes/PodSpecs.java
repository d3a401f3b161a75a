package dev.kumo.ingest.kubernetes;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a pod specification in an audit event's {@code requestObject} asks of the node: the host
 * paths it mounts, the privileges its containers request and the images they run. The pod spec is
 * found where each workload kind keeps it: {@code spec} (Pod), {@code spec.template.spec}
 * (Deployment, DaemonSet, StatefulSet, ReplicaSet, Job) and
 * {@code spec.jobTemplate.spec.template.spec} (CronJob). Stateless.
 */
final class PodSpecs {
  private PodSpecs() {}

  private static final String[] CONTAINER_LISTS = {"containers", "initContainers", "ephemeralContainers"};
  private static final String[] HOST_NAMESPACES = {"hostNetwork", "hostPID", "hostIPC"};

  /** The findings for one request object. */
  record Findings(List<String> hostPaths, List<String> privileges, List<String> images) {
    boolean isEmpty() {
      return hostPaths.isEmpty() && privileges.isEmpty() && images.isEmpty();
    }
  }

  static final Findings NONE = new Findings(List.of(), List.of(), List.of());

  /** Reads the pod spec of {@code requestObject}, or returns {@link #NONE} when it has none. */
  static Findings of(@Nullable JsonObject requestObject) {
    JsonObject spec = podSpec(requestObject);
    if (spec == null) {
      return NONE;
    }
    List<String> hostPaths = new ArrayList<>(2);
    if (spec.get("volumes") instanceof JsonArray volumes) {
      for (Object v : volumes) {
        if (v instanceof JsonObject vol && vol.get("hostPath") instanceof JsonObject hp && hp.get("path") instanceof String p) {
          hostPaths.add(p);
        }
      }
    }
    List<String> privileges = new ArrayList<>(2);
    for (String ns : HOST_NAMESPACES) {
      if (Boolean.TRUE.equals(spec.get(ns))) {
        privileges.add(ns);
      }
    }
    List<String> images = new ArrayList<>(2);
    for (String list : CONTAINER_LISTS) {
      if (spec.get(list) instanceof JsonArray containers) {
        for (Object c : containers) {
          if (c instanceof JsonObject container) {
            container(container, privileges, images);
          }
        }
      }
    }
    return hostPaths.isEmpty() && privileges.isEmpty() && images.isEmpty() ? NONE
        : new Findings(hostPaths, privileges, images);
  }

  private static void container(JsonObject c, List<String> privileges, List<String> images) {
    if (c.get("image") instanceof String image && !images.contains(image)) {
      images.add(image);
    }
    if (!(c.get("securityContext") instanceof JsonObject sc)) {
      return;
    }
    if (Boolean.TRUE.equals(sc.get("privileged")) && !privileges.contains("privileged")) {
      privileges.add("privileged");
    }
    if (sc.get("capabilities") instanceof JsonObject caps && caps.get("add") instanceof JsonArray add) {
      for (Object cap : add) {
        if (cap instanceof String s && !privileges.contains(s)) {
          privileges.add(s);
        }
      }
    }
  }

  private static @Nullable JsonObject podSpec(@Nullable JsonObject o) {
    JsonObject spec = o == null ? null : o.getObject("spec");
    if (spec == null) {
      return null;
    }
    JsonObject template = spec.getObject("template");
    JsonObject jobSpec = spec.getObject("jobTemplate") == null ? null : spec.getObject("jobTemplate").getObject("spec");
    if (template == null && jobSpec != null) {
      template = jobSpec.getObject("template");
    }
    if (template != null) {
      return template.getObject("spec");
    }
    return spec.has("containers") || spec.has("volumes") || spec.has("initContainers") ? spec : null;
  }
}
