package dev.kumo.posture.inventory.aws;

import dev.kumo.json.JsonObject;
import dev.kumo.json.JsonTreeReader;
import dev.kumo.posture.inventory.ExportFiles;
import dev.kumo.posture.inventory.InventoryLoad;
import dev.kumo.posture.inventory.InventoryReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a folder of AWS CLI {@code --output json} outputs (format {@code aws-cli}) laid out as
 * {@code <account>/<region>/<service>-<operation>[.<resource>].json}, with {@code global/} for account-wide
 * services; the layout and file names are documented in {@code docs/posture-inputs.md}. The folder read may
 * also be one account's folder ({@code <region>/<file>}).
 *
 * <p>The account id comes from {@code sts-get-caller-identity.json} when present, else from a 12-digit
 * folder name, else from the first ARN in the account's outputs. A file whose name is not a known output, a
 * file that is not JSON, a command's error message other than the "not configured" codes, and a wrong shape
 * each become a problem naming the file; the rest is still read.
 */
public final class AwsCliReader implements InventoryReader {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d+");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

  private final Map<String, CliOperation> operations;

  public AwsCliReader() {
    Map<String, CliOperation> ops = new TreeMap<>();
    List<CliOperation> all = new ArrayList<>();
    all.addAll(CliEc2.operations());
    all.addAll(CliS3.operations());
    all.addAll(CliIam.operations());
    all.addAll(CliServices.operations());
    for (CliOperation op : all) {
      ops.put(op.name(), op);
    }
    this.operations = Map.copyOf(ops);
  }

  @Override
  public String format() {
    return "aws-cli";
  }

  /** The file name stems this reader knows, sorted. */
  public List<String> knownOutputs() {
    return operations.values().stream().map(op -> op.name() + (op.perResource() ? ".<resource>" : "") + ".json")
        .sorted().toList();
  }

  @Override
  public InventoryLoad read(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new IOException(path + " is not a folder of AWS CLI outputs");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(path)) {
      files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> rel(path, p))).toList();
    }
    CliResources into = new CliResources();
    // account folder ("" = the folder read) -> region folder files
    Map<String, List<Path>> byAccountFolder = new TreeMap<>();
    Map<String, Boolean> badFolders = new TreeMap<>();
    for (Path f : files) {
      Path r = path.relativize(f);
      int n = r.getNameCount();
      if (n < 2 || n > 3) {
        into.problem(rel(path, f), "", "not in an <account>/<region>/ or <region>/ folder; "
            + "see docs/posture-inputs.md");
        continue;
      }
      String region = r.getName(n - 2).toString();
      if (!region.equals("global") && !REGION.matcher(region).matches()) {
        String folder = rel(path, f.getParent());
        if (badFolders.put(folder, true) == null) {
          into.problem(folder, "", "not a region name or global: its files are not read");
        }
        continue;
      }
      byAccountFolder.computeIfAbsent(n == 3 ? r.getName(0).toString() : "", k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Path>> e : byAccountFolder.entrySet()) {
      readAccount(path, e.getKey(), e.getValue(), into);
    }
    return new InventoryLoad(into.resources(), into.problems());
  }

  private void readAccount(Path root, String folder, List<Path> files, CliResources into) throws IOException {
    String folderName = folder.isEmpty() ? String.valueOf(root.toAbsolutePath().normalize().getFileName()) : folder;
    // parse everything first: the account id may come from any file
    List<Pending> pending = new ArrayList<>();
    for (Path f : files) {
      String file = rel(root, f);
      String region = f.getParent().getFileName().toString();
      String stem = f.getFileName().toString();
      if (!stem.endsWith(".json")) {
        into.problem(file, "", "not a known AWS CLI output name (expected <service>-<operation>.json)");
        continue;
      }
      stem = stem.substring(0, stem.length() - ".json".length());
      int dot = stem.indexOf('.');
      String opName = dot < 0 ? stem : stem.substring(0, dot);
      String target = dot < 0 ? null : stem.substring(dot + 1);
      CliOperation op = operations.get(opName);
      if (op == null || op.perResource() != (target != null) || (target != null && target.isEmpty())) {
        into.problem(file, "", "not a known AWS CLI output name; known names are listed in docs/posture-inputs.md");
        continue;
      }
      if (!op.global() && region.equals("global")) {
        into.problem(file, "", opName + " is regional: put it in a region folder");
        continue;
      }
      if (Files.size(f) > MAX_FILE_BYTES) {
        into.problem(file, "", "larger than " + MAX_FILE_BYTES + " bytes; not read");
        continue;
      }
      String text = ExportFiles.text(f, MAX_FILE_BYTES);
      pending.add(new Pending(file, op.global() ? "" : region, op, target, text));
    }
    String account = account(folderName, pending, into);
    pending.sort(Comparator.comparingInt((Pending p) -> p.op.phase()).thenComparing(p -> p.file));
    for (Pending p : pending) {
      read(p, account, into);
    }
  }

  private static String account(String folderName, List<Pending> pending, CliResources into) {
    for (Pending p : pending) {
      if (p.op.name().equals("sts-get-caller-identity")) {
        try {
          Object json = JsonTreeReader.lenient().read(p.text);
          String a = CliShapes.optText(CliShapes.object(json, "output"), "Account");
          if (a != null && ACCOUNT.matcher(a).matches()) {
            return a;
          }
        } catch (RuntimeException e) {
          // reported when the file itself is read
        }
      }
    }
    if (ACCOUNT.matcher(folderName).matches()) {
      return folderName;
    }
    for (Pending p : pending) {
      String a = CliShapes.arnAccount(p.text);
      if (a != null) {
        return a;
      }
    }
    if (!pending.isEmpty()) {
      into.problem(folderName, "", "account id unknown: add sts-get-caller-identity.json or name the folder "
          + "after the account");
    }
    return "";
  }

  private static void read(Pending p, String account, CliResources into) {
    CliOperation op = p.op;
    String trimmed = p.text.strip();
    JsonObject json;
    String errorCode = null;
    if (trimmed.isEmpty()) {
      if (!op.emptyIsNone()) {
        into.problem(p.file, "", "empty output: the command printed nothing (was its error sent elsewhere?)");
        return;
      }
      json = JsonObject.EMPTY;
    } else if (!trimmed.startsWith("{") && !trimmed.startsWith("[") && CliShapes.errorCode(trimmed) != null) {
      errorCode = CliShapes.errorCode(trimmed);
      if (!op.errorCodes().contains(errorCode)) {
        into.problem(p.file, "", "the command failed with " + errorCode + "; its facts are unknown");
        return;
      }
      json = JsonObject.EMPTY;
    } else {
      try {
        json = CliShapes.object(JsonTreeReader.lenient().read(trimmed), "the output");
      } catch (RuntimeException e) {
        into.problem(p.file, "", "malformed JSON: " + e.getMessage());
        return;
      }
    }
    CliOutput out = new CliOutput(p.file, account, p.region, op.name(), p.target, json, errorCode);
    try {
      op.reader().read(out, into);
    } catch (IllegalArgumentException e) {
      into.problem(p.file, "", e.getMessage());
    }
  }

  private static String rel(Path root, Path p) {
    String s = root.relativize(p).toString().replace('\\', '/');
    return s.isEmpty() ? String.valueOf(root.getFileName()) : s;
  }

  private record Pending(String file, String region, CliOperation op, @Nullable String target, String text) {}
}
