package dev.kumo.posture.inventory.gcp;

import static dev.kumo.posture.inventory.ExportJson.object;
import static dev.kumo.posture.inventory.ExportJson.string;
import static dev.kumo.posture.inventory.ExportJson.strings;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader.JsonFormatException;
import dev.kumo.posture.inventory.ExportFiles;
import dev.kumo.posture.inventory.ExportJson;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.InventoryReader;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads Cloud Asset Inventory exports: the JSON Lines files written by {@code gcloud asset export
 * --content-type=resource} and {@code --content-type=iam-policy} (one asset per line with {@code name},
 * {@code asset_type}, {@code resource.data}, {@code iam_policy}, {@code ancestors}, {@code update_time}). A file
 * that is one JSON list (e.g. {@code gcloud asset list --format=json}, camel-case keys) is read too. A folder is
 * read as every {@code *.json}, {@code *.jsonl} and {@code *.ndjson} file in it, in name order.
 *
 * <p>The resource and IAM-policy lines of one asset become one {@link Resource} (id = the asset's full
 * resource name). The account is the project id: from the name, the data, or the {@code ancestors} project
 * number translated through the export's own project assets (else the number). When the load holds an IAM
 * export, assets of IAM-bearing kinds without a policy line get empty {@code iam_members}: the export lists
 * every policy there is. An instance that does not set {@code serial-port-enable} inherits it from its project's
 * {@code compute.googleapis.com/Project} common metadata when the export holds it (else it is off, the
 * default). Each malformed line is a problem naming file and line.
 */
public final class AssetInventoryReader implements InventoryReader {
  private static final Pattern PROJECT_IN_NAME = Pattern.compile("/projects/([^/]+)");
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final String COMPUTE_PROJECT_TYPE = "compute.googleapis.com/Project";

  @Override
  public String format() {
    return "gcp-asset-inventory";
  }

  @Override
  public InventoryLoad read(Path path) throws IOException {
    List<Asset> assets = new ArrayList<>();
    List<InventoryProblem> problems = new ArrayList<>();
    for (Path f : ExportFiles.of(path, ".json", ".jsonl", ".ndjson")) {
      readFile(f, assets, problems);
    }
    return new InventoryLoad(resources(assets, problems), problems);
  }

  /** One parsed asset line. */
  private record Asset(String file, String where, String name, String assetType, JsonObject json) {}

  private static void readFile(Path file, List<Asset> assets, List<InventoryProblem> problems) throws IOException {
    String fileName = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        String t = (n == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
        if (t.isEmpty()) {
          continue;
        }
        if (n == 1 && t.startsWith("[")) {
          readList(fileName, t + "\n" + rest(in), assets, problems);
          return;
        }
        Object json;
        try {
          json = ExportJson.READER.read(t);
        } catch (JsonFormatException e) {
          problems.add(new InventoryProblem(fileName, "line " + n, "not JSON: " + e.getMessage()));
          continue;
        }
        asset(fileName, "line " + n, json, assets, problems);
      }
    } catch (java.nio.charset.MalformedInputException e) {
      problems.add(new InventoryProblem(fileName, "", "not UTF-8 text; the rest of the file is skipped"));
    }
  }

  private static String rest(BufferedReader in) throws IOException {
    StringBuilder sb = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  private static void readList(String file, String text, List<Asset> assets, List<InventoryProblem> problems) {
    Object json;
    try {
      json = ExportJson.READER.read(text);
    } catch (JsonFormatException e) {
      problems.add(new InventoryProblem(file, "", "not JSON Lines nor a JSON list: " + e.getMessage()));
      return;
    }
    JsonArray list = json instanceof JsonArray a ? a : JsonArray.EMPTY;
    for (int i = 0; i < list.size(); i++) {
      asset(file, "[" + i + "]", list.get(i), assets, problems);
    }
  }

  private static void asset(String file, String where, Object json, List<Asset> assets,
      List<InventoryProblem> problems) {
    if (!(json instanceof JsonObject o)) {
      problems.add(new InventoryProblem(file, where, "an asset must be a JSON object"));
      return;
    }
    String name = string(o, "name");
    String type = field(o, "asset_type", "assetType") instanceof String s ? s : null;
    if (name == null || name.isBlank() || type == null || type.isBlank()) {
      problems.add(new InventoryProblem(file, where, "asset has no " + (name == null || name.isBlank() ? "name"
          : "asset_type")));
      return;
    }
    assets.add(new Asset(file, where, name, type, o));
  }

  private static @Nullable Object field(JsonObject o, String snake, String camel) {
    Object v = ExportJson.at(o, snake);
    return v != null ? v : ExportJson.at(o, camel);
  }

  private static List<Resource> resources(List<Asset> assets, List<InventoryProblem> problems) {
    Map<String, String> projectIds = new HashMap<>();
    for (Asset a : assets) {
      if (a.assetType().equals(GcpKinds.PROJECT_TYPE)) {
        String number = string(a.json(), "resource", "data", "projectNumber");
        String id = string(a.json(), "resource", "data", "projectId");
        if (number != null && id != null) {
          projectIds.put(number, id);
        }
      }
    }
    Map<String, Boolean> projectSerialPort = new HashMap<>();
    for (Asset a : assets) {
      if (a.assetType().equals(COMPUTE_PROJECT_TYPE)) {
        Boolean serial = GcpFacts.serialPort(object(a.json(), "resource", "data", "commonInstanceMetadata"));
        if (serial != null) {
          projectSerialPort.put(account(a, projectIds), serial);
        }
      }
    }
    boolean iamSeen = assets.stream().anyMatch(a -> field(a.json(), "iam_policy", "iamPolicy") != null);
    Map<String, Partial> byName = new LinkedHashMap<>();
    for (Asset a : assets) {
      String kind = GcpKinds.kind(a.assetType());
      Partial p = byName.computeIfAbsent(a.name(), k -> new Partial(kind, a.file() + " " + a.where()));
      JsonObject resource = object(a.json(), "resource");
      String account = account(a, projectIds);
      if (!account.isEmpty()) {
        p.account = account;
      }
      String location = string(resource, "location");
      if (location != null && !location.isBlank() && !location.equalsIgnoreCase("global")) {
        p.region = location;
      }
      JsonObject data = object(resource, "data");
      if (data != null) {
        p.hasData = true;
        p.facts.putAll(GcpFacts.ofResource(kind, data,
            reason -> problems.add(new InventoryProblem(a.file(), a.where(), reason))));
      }
      if (field(a.json(), "iam_policy", "iamPolicy") instanceof JsonObject policy) {
        p.facts.putAll(GcpFacts.ofPolicy(kind, policy));
        p.hasPolicy = true;
      }
    }
    List<Resource> out = new ArrayList<>();
    byName.forEach((name, p) -> {
      if (p.kind.equals(GcpKinds.INSTANCE) && p.hasData && !p.facts.has("serial_port")) {
        // inherited from the project's common metadata; off (the default) when the export does not show it
        p.facts.put("serial_port", projectSerialPort.getOrDefault(p.account, Boolean.FALSE));
      }
      if (iamSeen && !p.hasPolicy && GcpKinds.hasIamFacts(p.kind)) {
        p.facts.putAll(GcpFacts.noPolicy(p.kind));
      }
      out.add(new Resource(Provider.GCP, p.kind, name, shortName(name), p.account, p.region, p.facts.build(),
          p.origin));
    });
    return out;
  }

  /** The project id of an asset, or its project number when the export does not name it, or "". */
  private static String account(Asset a, Map<String, String> projectIds) {
    if (a.assetType().equals(GcpKinds.PROJECT_TYPE)) {
      String id = string(a.json(), "resource", "data", "projectId");
      if (id != null) {
        return id;
      }
    }
    Matcher m = PROJECT_IN_NAME.matcher(a.name());
    if (m.find()) {
      return projectIds.getOrDefault(m.group(1), m.group(1));
    }
    String project = string(a.json(), "resource", "data", "project");
    if (project != null && !project.isBlank() && !NUMBER.matcher(project).matches()) {
      return project;
    }
    List<String> ancestors = strings(a.json(), "ancestors");
    if (ancestors != null) {
      for (String anc : ancestors) {
        if (anc.startsWith("projects/")) {
          String number = anc.substring("projects/".length());
          return projectIds.getOrDefault(number, number);
        }
      }
    }
    return "";
  }

  private static String shortName(String name) {
    String t = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return t.substring(t.lastIndexOf('/') + 1);
  }

  /** One asset's resource and policy lines merged. */
  private static final class Partial {
    final String kind;
    final String origin;
    final Facts.Builder facts = Facts.builder();
    String account = "";
    String region = "";
    boolean hasPolicy;
    boolean hasData;

    Partial(String kind, String origin) {
      this.kind = kind;
      this.origin = origin;
    }
  }
}
