package dev.kumo.simulate.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios shipped with Kumo (one per threat of the report at least), and user scenario files.
 * Shipped scenarios are listed in {@code dev/kumo/simulate/scenarios/index.txt}.
 */
public final class ScenarioLibrary {
  private static final String FOLDER = "/dev/kumo/simulate/scenarios/";

  private ScenarioLibrary() {}

  /** Every shipped scenario, in the index's order. */
  public static List<Scenario> builtin() {
    List<Scenario> out = new ArrayList<>();
    for (String name : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList()) {
      out.add(ScenarioReader.read("builtin:" + name, resource(name)));
    }
    return out;
  }

  /** The shipped scenario {@code id}. */
  public static Optional<Scenario> byId(String id) {
    return builtin().stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * Scenarios by id ({@code all} for every shipped one) or by file path: ids name shipped scenarios, anything
   * that is a file is read as a user scenario.
   */
  public static List<Scenario> resolve(List<String> names) throws IOException {
    List<Scenario> out = new ArrayList<>();
    for (String n : names) {
      if (n.equals("all")) {
        out.addAll(builtin());
      } else if (Files.isRegularFile(Path.of(n))) {
        out.add(ScenarioReader.read(Path.of(n)));
      } else {
        out.add(byId(n).orElseThrow(() -> new IllegalArgumentException("no scenario '" + n + "' (shipped: "
            + builtin().stream().map(Scenario::id).toList() + ", or give a file)")));
      }
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = ScenarioLibrary.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
