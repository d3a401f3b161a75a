package dev.kumo.posture.inventory.panther;

import dev.kumo.json.JsonArray;
import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.inventory.ExportFiles;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.InventoryReader;
import dev.kumo.posture.inventory.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads Panther resource snapshots (format {@code panther}): a JSON array of snapshots, one snapshot object, or
 * JSON Lines with one snapshot a line. Each snapshot names its type in {@code ResourceType} (e.g.
 * {@code AWS.S3.Bucket}) and is handed to the {@link PantherMapper} of that type.
 *
 * <p>A line that is not JSON, a snapshot without {@code ResourceType}, of a type no mapper handles, or that
 * its mapper refuses becomes an {@link InventoryProblem}; reading goes on.
 */
public final class PantherSnapshotReader implements InventoryReader {
  private static final int MAX_DEPTH = 64;
  private static final int MAX_STRING = 8 << 20;

  private final Map<String, PantherMapper> byType = new HashMap<>();
  private final JsonTreeReader json = new JsonTreeReader(MAX_DEPTH, MAX_STRING);

  /** A reader with {@link #defaultMappers()}. */
  public PantherSnapshotReader() {
    this(defaultMappers());
  }

  /**
   * A reader with the given mappers.
   *
   * @throws IllegalArgumentException when two mappers claim the same type
   */
  public PantherSnapshotReader(List<PantherMapper> mappers) {
    for (PantherMapper m : mappers) {
      for (String t : m.types()) {
        if (byType.put(t, m) != null) {
          throw new IllegalArgumentException("two Panther mappers for " + t);
        }
      }
    }
  }

  /** Every built-in mapper: the one place new resource families are registered. */
  public static List<PantherMapper> defaultMappers() {
    return List.of(new PantherS3Mapper(), new PantherEc2Mapper(), new PantherRdsMapper(),
        new PantherLambdaMapper(), new PantherRedshiftMapper(), new PantherIamMapper(), new PantherLoggingMapper(),
        new PantherKmsMapper());
  }

  @Override
  public String format() {
    return "panther";
  }

  /** Panther types some mapper handles, sorted. */
  public List<String> types() {
    return List.copyOf(new TreeSet<>(byType.keySet()));
  }

  @Override
  public InventoryLoad read(Path path) throws IOException {
    String text = ExportFiles.text(path);
    String file = path.toString();
    List<Resource> resources = new ArrayList<>();
    List<InventoryProblem> problems = new ArrayList<>();
    String trimmed = text.strip();
    if (trimmed.startsWith("[")) {
      Object tree;
      try {
        tree = json.read(trimmed);
      } catch (JsonTreeReader.JsonFormatException e) {
        problems.add(new InventoryProblem(file, "", "not a JSON array: " + e.getMessage()));
        return new InventoryLoad(resources, problems);
      }
      JsonArray all = (JsonArray) tree;
      for (int i = 0; i < all.size(); i++) {
        String where = "[" + i + "]";
        if (all.get(i) instanceof JsonObject o) {
          add(o, file, where, resources, problems);
        } else {
          problems.add(new InventoryProblem(file, where, "not a JSON object"));
        }
      }
      return new InventoryLoad(resources, problems);
    }
    Object whole = wholeObject(trimmed);
    if (whole instanceof JsonObject o) {
      add(o, file, "", resources, problems);
      return new InventoryLoad(resources, problems);
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = "line " + (i + 1);
      try {
        if (json.read(line) instanceof JsonObject o) {
          add(o, file, where, resources, problems);
        } else {
          problems.add(new InventoryProblem(file, where, "not a JSON object"));
        }
      } catch (JsonTreeReader.JsonFormatException e) {
        problems.add(new InventoryProblem(file, where, "not JSON: " + e.getMessage()));
      }
    }
    return new InventoryLoad(resources, problems);
  }

  private @Nullable Object wholeObject(String text) {
    if (!text.startsWith("{")) {
      return null;
    }
    try {
      return json.read(text);
    } catch (JsonTreeReader.JsonFormatException e) {
      return null; // several objects: JSON Lines
    }
  }

  private void add(JsonObject o, String file, String where, List<Resource> resources,
      List<InventoryProblem> problems) {
    String type = o.getString("ResourceType");
    if (type == null || type.isBlank()) {
      problems.add(new InventoryProblem(file, where, "snapshot has no ResourceType"));
      return;
    }
    try {
      resources.addAll(map(type, o, file + (where.isEmpty() ? "" : " " + where)));
    } catch (IllegalArgumentException e) {
      problems.add(new InventoryProblem(file, where, type + ": " + e.getMessage()));
    }
  }

  /**
   * Maps one snapshot whose type the caller knows: its resource first, then the resources nested in it.
   *
   * @throws IllegalArgumentException when no mapper handles {@code type} or the snapshot is malformed
   */
  public List<Resource> map(String type, JsonObject snapshot, String origin) {
    PantherMapper m = byType.get(type);
    if (m == null) {
      throw new IllegalArgumentException("resource type not read by Kumo");
    }
    return m.mapAll(type, snapshot, origin);
  }
}
