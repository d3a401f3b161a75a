package dev.kumo.posture;

import dev.kumo.posture.check.CheckResult;
import dev.kumo.posture.inventory.FormatSniffer;
import dev.kumo.posture.inventory.Inventory;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryProblem;
import dev.kumo.posture.inventory.InventoryReader;
import dev.kumo.posture.inventory.Resource;
import dev.kumo.posture.inventory.aws.AwsCliReader;
import dev.kumo.posture.inventory.aws.AwsConfigReader;
import dev.kumo.posture.inventory.azure.ResourceGraphReader;
import dev.kumo.posture.inventory.gcp.AssetInventoryReader;
import dev.kumo.posture.inventory.panther.PantherSnapshotReader;
import dev.kumo.posture.inventory.terraform.TerraformReader;
import dev.kumo.posture.prowler.ProwlerImport;
import dev.kumo.posture.prowler.ProwlerOcsfReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads cloud exports: tells each file's format ({@link FormatSniffer}) unless one is given, reads it with
 * that format's reader, imports Prowler OCSF findings, and merges everything into one {@link Inventory}.
 * A folder is read as a whole when it is an AWS CLI output folder or holds only AWS Config exports, else file
 * by file. Files of no known format, or that cannot be read (too large, broken gzip), are problems naming
 * the file; the rest is still read.
 */
public final class PostureInputs {
  /** The format name of Prowler OCSF findings. */
  public static final String PROWLER = "prowler";

  /**
   * What was loaded.
   *
   * @param imported findings imported from Prowler
   * @param read each file or folder read, with its format ({@code path (format)})
   */
  public record Loaded(Inventory inventory, List<CheckResult> imported, List<String> read) {
    public Loaded {
      imported = List.copyOf(imported);
      read = List.copyOf(read);
    }
  }

  /** Formats whose readers take a whole folder and link resources across its files. */
  private static final Set<String> FOLDER_FORMATS = Set.of("aws-config", "gcp-asset-inventory",
      "azure-resource-graph");

  private final Map<String, InventoryReader> readers = new LinkedHashMap<>();
  private final ProwlerOcsfReader prowler = new ProwlerOcsfReader();

  /** Inputs with every built-in reader. */
  public PostureInputs() {
    for (InventoryReader r : List.of(new AwsConfigReader(), new AwsCliReader(), new ResourceGraphReader(),
        new AssetInventoryReader(), new TerraformReader(), new PantherSnapshotReader())) {
      readers.put(r.format(), r);
    }
  }

  /** Format names accepted by {@link #load}, sorted. */
  public Set<String> formats() {
    Set<String> out = new TreeSet<>(readers.keySet());
    out.add(PROWLER);
    return out;
  }

  /**
   * One export to read.
   *
   * @param format its format, or null to tell it from the content
   */
  public record Input(Path path, @Nullable String format) {}

  /**
   * Loads {@code paths}; {@code format} forces one format for all of them (null: tell per file).
   *
   * @throws IllegalArgumentException for an unknown format name
   */
  public Loaded load(List<Path> paths, @Nullable String format) throws IOException {
    return load(paths.stream().map(p -> new Input(p, format)).toList());
  }

  /**
   * Loads every input in order.
   *
   * @throws IllegalArgumentException for an unknown format name
   */
  public Loaded load(List<Input> inputs) throws IOException {
    for (Input in : inputs) {
      if (in.format() != null && !formats().contains(in.format())) {
        throw new IllegalArgumentException("unknown inventory format '" + in.format() + "' (known: "
            + String.join(", ", formats()) + ")");
      }
    }
    List<Resource> resources = new ArrayList<>();
    List<InventoryProblem> problems = new ArrayList<>();
    List<CheckResult> imported = new ArrayList<>();
    List<String> read = new ArrayList<>();
    for (Input in : inputs) {
      Path p = in.path();
      if (!Files.exists(p)) {
        problems.add(new InventoryProblem(p.toString(), "", "no such file or folder"));
        continue;
      }
      for (Map.Entry<Path, String> unit : units(p, in.format(), problems).entrySet()) {
        String f = unit.getValue();
        try {
          if (f.equals(PROWLER)) {
            ProwlerImport pi = prowler.read(unit.getKey());
            resources.addAll(pi.resources());
            problems.addAll(pi.problems());
            imported.addAll(pi.results());
          } else {
            InventoryLoad load = readers.get(f).read(unit.getKey());
            resources.addAll(load.resources());
            problems.addAll(load.problems());
          }
          read.add(unit.getKey() + " (" + f + ")");
        } catch (IOException e) {
          problems.add(new InventoryProblem(unit.getKey().toString(), "", String.valueOf(e.getMessage())
              .replace(unit.getKey() + ": ", "")));
        }
      }
    }
    return new Loaded(new Inventory(resources, problems), imported, read);
  }

  /** What to read under {@code p}, with the format of each: whole folders where the reader takes folders. */
  private Map<Path, String> units(Path p, @Nullable String format, List<InventoryProblem> problems)
      throws IOException {
    Map<Path, String> out = new LinkedHashMap<>();
    if (format != null) {
      out.put(p, format);
      return out;
    }
    if (!Files.isDirectory(p)) {
      String f = FormatSniffer.detect(p);
      if (f == null) {
        problems.add(unknown(p));
      } else {
        out.put(p, f);
      }
      return out;
    }
    if ("aws-cli".equals(FormatSniffer.detect(p))) {
      out.put(p, "aws-cli");
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(p)) {
      files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted()
          .toList();
    }
    Map<Path, String> perFile = new LinkedHashMap<>();
    for (Path f : files) {
      String detected = FormatSniffer.detect(f);
      if (detected == null) {
        problems.add(unknown(f));
      } else {
        perFile.put(f, detected);
      }
    }
    Set<String> kinds = new TreeSet<>(perFile.values());
    if (kinds.size() == 1 && FOLDER_FORMATS.contains(kinds.iterator().next())) {
      // one read links what spans files: flow logs and group members (AWS Config), IAM policies (GCP)
      out.put(p, kinds.iterator().next());
    } else {
      out.putAll(perFile);
    }
    return out;
  }

  private InventoryProblem unknown(Path f) {
    return new InventoryProblem(f.toString(), "", "not a known inventory export (formats: "
        + String.join(", ", formats()) + ")");
  }
}
