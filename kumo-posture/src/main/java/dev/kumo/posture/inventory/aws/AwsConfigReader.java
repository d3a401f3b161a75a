package dev.kumo.posture.inventory.aws;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.inventory.ExportFiles;
import dev.kumo.posture.inventory.Facts;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.InventoryReader;
import dev.kumo.posture.inventory.Provider;
import dev.kumo.posture.inventory.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads AWS Config exports (format {@code aws-config}) into resources with the facts of
 * {@code docs/posture-facts.md}.
 *
 * <p>A file may be, told apart by its top-level members and gzip-compressed or not: a configuration
 * snapshot or history file delivered to S3 ({@code fileVersion}, {@code configurationItems}), a
 * {@code ConfigurationItemChangeNotification} ({@code configurationItem}) or an oversized one
 * ({@code configurationItemSummary}, no facts), possibly still in its SNS envelope, the output of
 * {@code aws configservice get-resource-config-history} ({@code configurationItems}) or
 * {@code batch-get-resource-config} ({@code baseConfigurationItems}), one configuration item, a JSON array
 * of them, or JSON lines of any of these. A folder is read file by file ({@code .json}, {@code .jsonl},
 * {@code .gz}), sorted.
 *
 * <p>When a resource appears several times, the item with the newest {@code configurationItemCaptureTime}
 * wins (the later one on ties); when that item says the resource was deleted or is not recorded, the
 * resource is left out and counted in {@link Detail#notPresent()}. A VPC gets {@code flow_logs}=true when a
 * flow-log item names it, and false only when it came from a full configuration snapshot that has none;
 * likewise an IAM group of a full snapshot gets {@code members} from the {@code groupList} of its users.
 * Config does not record IAM passwords, MFA devices or access keys, so those facts stay absent.
 *
 * <p>Resource types without a mapping become resources of kind {@code aws.<service>.<type>} without facts.
 */
public final class AwsConfigReader implements InventoryReader {
  private static final JsonTreeReader JSON = ConfigShapes.JSON;

  /**
   * A load and the number of resources whose newest item said they are deleted or not recorded.
   *
   * @param notPresent resources skipped because of {@code ResourceDeleted}, {@code ResourceDeletedNotRecorded}
   *     or {@code ResourceNotRecorded}
   */
  public record Detail(InventoryLoad load, int notPresent) {}

  @Override
  public String format() {
    return "aws-config";
  }

  @Override
  public InventoryLoad read(Path path) throws IOException {
    return readDetail(path).load();
  }

  /**
   * Reads like {@link #read} and also says how many resources were left out as deleted or not recorded.
   *
   * @throws IOException when the file or folder cannot be read
   */
  public Detail readDetail(Path path) throws IOException {
    Collector collector = new Collector();
    for (Path file : files(path)) {
      collector.file(file);
    }
    return collector.finish();
  }

  private static List<Path> files(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile).filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".gz");
      }).sorted().toList();
    }
  }

  /** An item that may become a resource, with where it was read. */
  private record Candidate(ConfigItem item, String file, boolean snapshot, long seq) {}

  /** Collects items of every file of one read, then resolves and maps them. */
  private static final class Collector {
    private final Map<String, Candidate> newest = new LinkedHashMap<>();
    private final List<InventoryProblem> problems = new ArrayList<>();
    private long seq;

    void file(Path path) throws IOException {
      String file = path.toString();
      String text;
      try {
        text = ExportFiles.text(path);
      } catch (IOException e) {
        problems.add(new InventoryProblem(file, "", e.getMessage().replace(file + ": ", "")));
        return;
      }
      Object tree;
      try {
        tree = JSON.read(text);
      } catch (RuntimeException whole) {
        String[] lines = text.split("\r?\n");
        if (Stream.of(lines).filter(l -> !l.isBlank()).count() < 2) {
          problems.add(new InventoryProblem(file, "", "not JSON: " + whole.getMessage()));
          return;
        }
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].isBlank()) {
            continue;
          }
          String where = "line " + (i + 1);
          try {
            top(file, JSON.read(lines[i]), where);
          } catch (RuntimeException e) {
            problems.add(new InventoryProblem(file, where, "not JSON: " + e.getMessage()));
          }
        }
        return;
      }
      top(file, tree, "");
    }

    private void top(String file, Object tree, String prefix) {
      if (tree instanceof JsonArray arr) {
        for (int i = 0; i < arr.size(); i++) {
          item(file, arr.get(i), at(prefix, "[" + i + "]"), false);
        }
        return;
      }
      if (!(tree instanceof JsonObject o)) {
        problems.add(new InventoryProblem(file, prefix, "not an AWS Config export: a JSON "
            + (tree instanceof String ? "string" : "scalar") + " at the top level"));
        return;
      }
      String message = o.getString("Message");
      if ("Notification".equals(o.getString("Type")) && message != null) {
        try {
          top(file, JSON.read(message), at(prefix, "Message"));
        } catch (RuntimeException e) {
          problems.add(new InventoryProblem(file, at(prefix, "Message"), "not JSON: " + e.getMessage()));
        }
        return;
      }
      for (String member : List.of("configurationItems", "baseConfigurationItems")) {
        if (o.has(member)) {
          boolean snapshot = o.has("configSnapshotId");
          if (!(o.get(member) instanceof JsonArray items)) {
            problems.add(new InventoryProblem(file, at(prefix, member), member + " is not an array"));
            return;
          }
          for (int i = 0; i < items.size(); i++) {
            item(file, items.get(i), at(prefix, member + "[" + i + "]"), snapshot);
          }
          return;
        }
      }
      for (String member : List.of("configurationItem", "configurationItemSummary")) {
        if (o.has(member)) {
          item(file, o.get(member), at(prefix, member), false);
          return;
        }
      }
      if (o.has("resourceType") || o.has("resourceId")) {
        item(file, o, prefix, false);
        return;
      }
      String type = o.getString("messageType");
      problems.add(new InventoryProblem(file, prefix, type != null
          ? "message type " + type + " carries no configuration item"
          : "not an AWS Config export: top-level members " + members(o)));
    }

    private static String members(JsonObject o) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < Math.min(o.size(), 8); i++) {
        keys.add(o.keyAt(i));
      }
      return keys.isEmpty() ? "(none)" : String.join(", ", keys);
    }

    private static String at(String prefix, String member) {
      return prefix.isEmpty() ? member : prefix + " " + member;
    }

    private void item(String file, Object value, String where, boolean snapshot) {
      if (!(value instanceof JsonObject o)) {
        problems.add(new InventoryProblem(file, where, "configuration item is not a JSON object"));
        return;
      }
      ConfigItem item;
      try {
        item = ConfigItem.of(o, where);
      } catch (IllegalArgumentException e) {
        problems.add(new InventoryProblem(file, where, e.getMessage()));
        return;
      }
      Candidate c = new Candidate(item, file, snapshot, seq++);
      newest.merge(item.key(), c, (old, neu) -> time(neu).isBefore(time(old)) ? old : neu);
    }

    private static Instant time(Candidate c) {
      Instant t = c.item().captureTime();
      return t == null ? Instant.MIN : t;
    }

    Detail finish() {
      List<Candidate> all = newest.values().stream()
          .sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
      Set<String> flowLogged = new HashSet<>();
      for (Candidate c : all) {
        if (c.item().present() && c.item().resourceType().equals("AWS::EC2::FlowLog")) {
          JsonObject conf = c.item().configuration();
          String target = ConfigShapes.string(conf, "resourceId");
          String targetType = ConfigShapes.string(conf, "resourceType");
          String status = ConfigShapes.string(conf, "flowLogStatus");
          if (target != null && (targetType == null || targetType.equalsIgnoreCase("VPC"))
              && (status == null || status.equalsIgnoreCase("ACTIVE"))) {
            flowLogged.add(target);
          }
        }
      }
      Map<String, List<String>> members = groupMembers(all);
      List<Resource> resources = new ArrayList<>();
      int notPresent = 0;
      for (Candidate c : all) {
        ConfigItem item = c.item();
        if (!item.present()) {
          notPresent++;
          continue;
        }
        String where = item.where() + " (" + item.label() + ")";
        if (item.defect() != null) {
          problems.add(new InventoryProblem(c.file(), where, item.defect()));
        }
        Facts facts = ConfigFacts.facts(item, reason -> problems.add(new InventoryProblem(c.file(), where, reason)));
        if (item.resourceType().equals("AWS::IAM::Group") && c.snapshot()) {
          String group = item.account() + "|" + ConfigShapes.string(item.configuration(), "groupName");
          facts = Facts.builder().putAll(facts).put("members", members.getOrDefault(group, List.of())).build();
        }
        if (item.resourceType().equals("AWS::EC2::VPC")) {
          boolean logged = flowLogged.contains(item.resourceId());
          if (logged || c.snapshot()) {
            facts = Facts.builder().putAll(facts).put("flow_logs", logged).build();
          }
        }
        resources.add(resource(item, facts, c.file()));
      }
      resources.sort(Resource.ORDER);
      return new Detail(new InventoryLoad(resources, problems), notPresent);
    }

    /**
     * Group members (user names) by {@code account|group}, from the users of full snapshots: a snapshot lists
     * every user, so a group no user names there has no members.
     */
    private static Map<String, List<String>> groupMembers(List<Candidate> all) {
      Map<String, List<String>> out = new HashMap<>();
      for (Candidate c : all) {
        ConfigItem item = c.item();
        if (!c.snapshot() || !item.present() || !item.resourceType().equals("AWS::IAM::User")) {
          continue;
        }
        String user = ConfigShapes.string(item.configuration(), "userName");
        for (String group : ConfigShapes.strings(ConfigShapes.array(item.configuration(), "groupList"), "groupName")) {
          out.computeIfAbsent(item.account() + "|" + group, k -> new ArrayList<>())
              .add(user != null ? user : item.resourceName() != null ? item.resourceName() : item.resourceId());
        }
      }
      out.values().forEach(l -> l.sort(null));
      return out;
    }

    private static Resource resource(ConfigItem item, Facts facts, String file) {
      String type = item.resourceType();
      boolean accountSettings = type.equals("AWS::S3::AccountPublicAccessBlock");
      String account = item.account().isEmpty() && accountSettings ? item.resourceId() : item.account();
      String id = accountSettings ? "arn:aws:s3:::account/" + account
          : item.arn() != null ? item.arn() : builtArn(item);
      String name = item.resourceName() != null ? item.resourceName() : item.resourceId();
      return new Resource(Provider.AWS, ConfigFacts.kind(type), id, name, account,
          accountSettings ? "" : item.region(), facts, file + " " + item.where());
    }

    /** An ARN-like id for items without one: {@code arn:aws:SERVICE:REGION:ACCOUNT:TYPE/ID}. */
    private static String builtArn(ConfigItem item) {
      String[] parts = item.resourceType().split("::");
      String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
      String type = ConfigShapes.snake(parts[parts.length - 1]).replace('_', '-');
      return "arn:aws:" + service + ":" + item.region() + ":" + item.account() + ":" + type + "/"
          + item.resourceId();
    }
  }
}
