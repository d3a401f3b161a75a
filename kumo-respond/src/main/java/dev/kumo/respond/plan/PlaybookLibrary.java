package dev.kumo.respond.plan;

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
 * The playbooks shipped with Kumo (one per report threat at least), listed in
 * {@code dev/kumo/respond/playbooks/index.txt}, and user playbook files.
 */
public final class PlaybookLibrary {
  private static final String FOLDER = "/dev/kumo/respond/playbooks/";

  private PlaybookLibrary() {}

  /** Every shipped playbook, in the index's order. */
  public static List<Playbook> builtin() {
    List<Playbook> out = new ArrayList<>();
    for (String name : resource("index.txt").lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      out.add(PlaybookReader.read("builtin:" + name, resource(name)));
    }
    return out;
  }

  /** The shipped playbook {@code id}. */
  public static Optional<Playbook> byId(String id) {
    return builtin().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** A shipped playbook by id, or a playbook file; an unknown name is refused naming the shipped ones. */
  public static Playbook resolve(String name) throws IOException {
    Optional<Playbook> shipped = byId(name);
    if (shipped.isPresent()) {
      return shipped.get();
    }
    if (Files.isRegularFile(Path.of(name))) {
      return PlaybookReader.read(Path.of(name));
    }
    throw new IllegalArgumentException("no playbook '" + name + "' (shipped: "
        + builtin().stream().map(Playbook::id).toList() + ", or give a file)");
  }

  private static String resource(String name) {
    try (InputStream in = PlaybookLibrary.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
