package dev.kumo.posture.inventory.azure;

import static dev.kumo.posture.inventory.ExportJson.array;
import static dev.kumo.posture.inventory.ExportJson.string;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader.JsonFormatException;
import dev.kumo.posture.inventory.ExportFiles;
import dev.kumo.posture.inventory.ExportJson;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.InventoryReader;
import dev.kumo.posture.inventory.NetworkRule;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Azure Resource Graph results: the output of {@code az graph query -q "..." -o json} (an object with
 * {@code count}, {@code data}, {@code skip_token}, {@code total_records}; older CLI versions print the bare
 * list), the portal's "Download as JSON" (a list) or an ARM-style {@code {"value": [...]}} page, from the
 * {@code resources}, {@code securityresources} and {@code authorizationresources} tables. A folder is read as
 * every {@code *.json} file in it, in name order.
 *
 * <p>Each record becomes a {@link Resource} of the kind its {@code type} maps to (see {@code
 * docs/posture-facts.md}); unknown types become facts-less resources. SQL server firewall rules are folded
 * into their server's {@code firewall_open_to_world}. Region is the {@code location} ("" when absent or
 * {@code global}). Records without {@code id} or {@code type} are problems, as is a {@code skip_token} (a
 * partial result).
 */
public final class ResourceGraphReader implements InventoryReader {
  @Override
  public String format() {
    return "azure-resource-graph";
  }

  @Override
  public InventoryLoad read(Path path) throws IOException {
    List<Resource> resources = new ArrayList<>();
    List<InventoryProblem> problems = new ArrayList<>();
    Map<String, ServerFirewall> firewalls = new LinkedHashMap<>();
    for (Path f : ExportFiles.of(path, ".json")) {
      readFile(f, resources, problems, firewalls);
    }
    fold(firewalls, resources);
    return new InventoryLoad(resources, problems);
  }

  private void readFile(Path file, List<Resource> resources, List<InventoryProblem> problems,
      Map<String, ServerFirewall> firewalls) throws IOException {
    String name = file.toString();
    Object root;
    try {
      root = ExportJson.READER.read(ExportFiles.text(file));
    } catch (JsonFormatException e) {
      problems.add(new InventoryProblem(name, "", "not JSON: " + e.getMessage()));
      return;
    }
    JsonArray records;
    String prefix;
    if (root instanceof JsonArray a) {
      records = a;
      prefix = "";
    } else if (array(root, "data") != null) {
      records = array(root, "data");
      prefix = "data";
    } else if (array(root, "value") != null) {
      records = array(root, "value");
      prefix = "value";
    } else {
      problems.add(new InventoryProblem(name, "", "not a Resource Graph result: expected a list or an object"
          + " with a 'data' list"));
      return;
    }
    if (root instanceof JsonObject o && string(o, "skip_token") != null) {
      problems.add(new InventoryProblem(name, "", "partial result: skip_token is set, so more pages exist"
          + " (query again with --skip-token and read every page)"));
    }
    for (int i = 0; i < records.size(); i++) {
      String where = prefix + "[" + i + "]";
      if (!(records.get(i) instanceof JsonObject record)) {
        problems.add(new InventoryProblem(name, where, "record is not a JSON object"));
        continue;
      }
      String id = string(record, "id");
      String type = string(record, "type");
      if (id == null || id.isBlank() || type == null || type.isBlank()) {
        problems.add(new InventoryProblem(name, where, "record has no " + (id == null || id.isBlank() ? "id" : "type")
            + " (project id and type in the query)"));
        continue;
      }
      String account = string(record, "subscriptionId");
      if (account == null || account.isBlank()) {
        account = AzureKinds.subscriptionOf(id);
      }
      String origin = name + " " + where;
      if (type.trim().equalsIgnoreCase(AzureKinds.SQL_FIREWALL_RULE_TYPE)) {
        firewallRule(id, account, record, origin, firewalls, problems, name, where);
        continue;
      }
      String kind = AzureKinds.kind(type);
      Facts facts = AzureFacts.of(kind, record, reason -> problems.add(new InventoryProblem(name, where, reason)));
      String shortName = string(record, "name");
      String location = string(record, "location");
      resources.add(new Resource(Provider.AZURE, kind, id, shortName == null ? lastSegment(id) : shortName,
          account, location == null || location.equalsIgnoreCase("global") ? "" : location, facts, origin));
    }
  }

  private static void firewallRule(String id, String account, JsonObject record, String origin,
      Map<String, ServerFirewall> firewalls, List<InventoryProblem> problems, String file, String where) {
    int at = id.toLowerCase(Locale.ROOT).indexOf("/firewallrules/");
    String start = string(record, "properties", "startIpAddress");
    String end = string(record, "properties", "endIpAddress");
    if (at < 0 || start == null || end == null) {
      problems.add(new InventoryProblem(file, where, "SQL firewall rule without server id or start/end address"));
      return;
    }
    String server = id.substring(0, at);
    ServerFirewall fw = firewalls.computeIfAbsent(server.toLowerCase(Locale.ROOT),
        k -> new ServerFirewall(server, account, origin));
    fw.open |= opensToWorld(start.trim(), end.trim());
  }

  /** A range from 0.0.0.0 (or 0.0.0.1) to 255.255.255.255: the whole internet. */
  private static boolean opensToWorld(String start, String end) {
    return (start.equals("0.0.0.0") || start.equals("0.0.0.1") || NetworkRule.isWorld(start))
        && end.equals("255.255.255.255");
  }

  private static void fold(Map<String, ServerFirewall> firewalls, List<Resource> resources) {
    if (firewalls.isEmpty()) {
      return;
    }
    for (int i = 0; i < resources.size(); i++) {
      Resource r = resources.get(i);
      ServerFirewall fw = r.kind().equals(AzureKinds.SQL_SERVER)
          ? firewalls.remove(r.id().toLowerCase(Locale.ROOT)) : null;
      if (fw != null) {
        resources.set(i, new Resource(r.provider(), r.kind(), r.id(), r.name(), r.account(), r.region(),
            Facts.builder().putAll(r.facts()).put("firewall_open_to_world", fw.open).build(), r.origin()));
      }
    }
    for (ServerFirewall fw : firewalls.values()) {
      resources.add(new Resource(Provider.AZURE, AzureKinds.SQL_SERVER, fw.serverId, lastSegment(fw.serverId),
          fw.account, "", Facts.builder().put("firewall_open_to_world", fw.open).build(), fw.origin));
    }
  }

  private static String lastSegment(String id) {
    String t = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    return t.substring(t.lastIndexOf('/') + 1);
  }

  /** The firewall rules seen for one SQL server. */
  private static final class ServerFirewall {
    final String serverId;
    final String account;
    final String origin;
    boolean open;

    ServerFirewall(String serverId, String account, String origin) {
      this.serverId = serverId;
      this.account = account;
      this.origin = origin;
    }
  }
}
