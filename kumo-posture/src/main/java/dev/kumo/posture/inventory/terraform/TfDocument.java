package dev.kumo.posture.inventory.terraform;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.posture.inventory.InventoryProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The managed resources of one {@code terraform show -json} document and what its configuration says about
 * providers.
 *
 * <p>For a plan, the resources are those of {@code planned_values} (what exists after apply: resources being
 * destroyed are not there, {@code no-op} ones are), completed from {@code resource_changes} (its
 * {@code after_unknown}, and {@code change.after} for resources missing from {@code planned_values}). For
 * state, {@code values.root_module}. Data sources are left out: they are reads, not resources.
 *
 * @param plan true for a saved plan
 * @param regions region of each provider configuration key (constants only), e.g. {@code aws → eu-west-1}
 * @param created addresses the plan creates (no prior object)
 */
record TfDocument(boolean plan, List<TfResource> resources, Map<String, String> regions, Set<String> created) {

  /** Reads a parsed document; problems name {@code file} and the JSON path. */
  static TfDocument of(String file, JsonObject doc, List<InventoryProblem> problems) {
    boolean plan = doc.has("planned_values") || doc.has("resource_changes");
    Map<String, JsonObject> config = new HashMap<>();
    Map<String, String> regions = new TreeMap<>();
    if (doc.get("configuration") instanceof JsonObject c) {
      if (c.get("root_module") instanceof JsonObject root) {
        configModule(root, "", config);
      }
      if (c.get("provider_config") instanceof JsonObject pc) {
        for (int i = 0; i < pc.size(); i++) {
          if (pc.valueAt(i) instanceof JsonObject p && p.get("expressions") instanceof JsonObject e
              && e.get("region") instanceof JsonObject r && r.get("constant_value") instanceof String region) {
            regions.put(pc.keyAt(i), region);
          }
        }
      }
    }
    Map<String, JsonObject> unknown = new HashMap<>();
    Map<String, JsonObject> after = new LinkedHashMap<>();
    Map<String, String> types = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    Set<String> created = new TreeSet<>();
    if (doc.get("resource_changes") instanceof JsonArray changes) {
      for (int i = 0; i < changes.size(); i++) {
        String where = "resource_changes[" + i + "]";
        if (!(changes.get(i) instanceof JsonObject rc) || !(rc.get("address") instanceof String addr)
            || !(rc.get("change") instanceof JsonObject ch) || !(ch.get("actions") instanceof JsonArray actions)) {
          problems.add(new InventoryProblem(file, where, "not a resource change with address and change.actions"));
          continue;
        }
        if (!"managed".equals(rc.getString("mode"))) {
          continue;
        }
        if (actions.size() == 1 && "delete".equals(actions.get(0))) {
          deleted.add(addr);
          continue;
        }
        if (actions.contains("create") && !actions.contains("delete")) {
          created.add(addr);
        }
        if (ch.get("after_unknown") instanceof JsonObject au) {
          unknown.put(addr, au);
        }
        if (ch.get("after") instanceof JsonObject a && rc.get("type") instanceof String t) {
          after.put(addr, a);
          types.put(addr, t);
        }
      }
    }
    Map<String, TfResource> out = new LinkedHashMap<>();
    JsonObject valuesRoot = null;
    String rootPath;
    if (plan) {
      rootPath = "planned_values.root_module";
      if (doc.get("planned_values") instanceof JsonObject pv && pv.get("root_module") instanceof JsonObject r) {
        valuesRoot = r;
      }
    } else {
      rootPath = "values.root_module";
      if (doc.get("values") instanceof JsonObject v && v.get("root_module") instanceof JsonObject r) {
        valuesRoot = r;
      } else if (!doc.has("values")) {
        problems.add(new InventoryProblem(file, "", "neither a plan (planned_values) nor state (values)"));
      }
    }
    if (valuesRoot != null) {
      valuesModule(file, valuesRoot, rootPath, config, unknown, deleted, out, problems);
    }
    for (Map.Entry<String, JsonObject> e : after.entrySet()) {
      String addr = e.getKey();
      if (!out.containsKey(addr)) {
        out.put(addr, resource(addr, types.get(addr), e.getValue(), unknown, config));
      }
    }
    return new TfDocument(plan, List.copyOf(out.values()), Map.copyOf(regions), Set.copyOf(created));
  }

  private static void valuesModule(String file, JsonObject module, String path, Map<String, JsonObject> config,
      Map<String, JsonObject> unknown, Set<String> deleted, Map<String, TfResource> out,
      List<InventoryProblem> problems) {
    if (module.get("resources") instanceof JsonArray rs) {
      for (int i = 0; i < rs.size(); i++) {
        String where = path + ".resources[" + i + "]";
        if (!(rs.get(i) instanceof JsonObject r) || !(r.get("address") instanceof String addr)
            || !(r.get("type") instanceof String type)) {
          problems.add(new InventoryProblem(file, where, "not a resource with address and type"));
          continue;
        }
        if (!"managed".equals(r.getString("mode")) || deleted.contains(addr)) {
          continue;
        }
        JsonObject values = r.get("values") instanceof JsonObject v ? v : JsonObject.EMPTY;
        out.put(addr, resource(addr, type, values, unknown, config));
      }
    }
    if (module.get("child_modules") instanceof JsonArray cm) {
      for (int i = 0; i < cm.size(); i++) {
        if (cm.get(i) instanceof JsonObject child) {
          valuesModule(file, child, path + ".child_modules[" + i + "]", config, unknown, deleted, out, problems);
        } else {
          problems.add(new InventoryProblem(file, path + ".child_modules[" + i + "]", "not a module object"));
        }
      }
    }
  }

  private static TfResource resource(String addr, String type, JsonObject values, Map<String, JsonObject> unknown,
      Map<String, JsonObject> config) {
    JsonObject c = config.get(TfResource.configAddress(addr));
    JsonObject expressions = c != null && c.get("expressions") instanceof JsonObject e ? e : JsonObject.EMPTY;
    String providerKey = c != null && c.get("provider_config_key") instanceof String k ? k : "";
    return new TfResource(addr, TfResource.moduleOf(addr), type, values,
        unknown.getOrDefault(addr, JsonObject.EMPTY), expressions, providerKey);
  }

  private static void configModule(JsonObject module, String prefix, Map<String, JsonObject> out) {
    if (module.get("resources") instanceof JsonArray rs) {
      for (Object o : rs) {
        if (o instanceof JsonObject r && r.get("address") instanceof String a) {
          out.put(prefix + a, r);
        }
      }
    }
    if (module.get("module_calls") instanceof JsonObject calls) {
      for (int i = 0; i < calls.size(); i++) {
        if (calls.valueAt(i) instanceof JsonObject call && call.get("module") instanceof JsonObject m) {
          configModule(m, prefix + "module." + calls.keyAt(i) + ".", out);
        }
      }
    }
  }

  /** The region of the provider configuration {@code key}, falling back to the root {@code aws}-style key. */
  @Nullable String region(String providerKey, String providerName) {
    String r = regions.get(providerKey);
    if (r == null && providerKey.contains(":")) {
      r = regions.get(providerKey.substring(providerKey.lastIndexOf(':') + 1));
    }
    return r != null ? r : regions.get(providerName);
  }
}
