package dev.kumo.exercise.tabletop;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tabletops shipped with Kumo, as resources {@code tabletops/<id>.yml} listed in {@code tabletops/index.txt}.
 * Thread-safe; each call reads the resources again.
 */
public final class Tabletops {
  private static final String DIR = "tabletops/";

  private Tabletops() {}

  /** The ids of the shipped tabletops, in index order. */
  public static List<String> ids() {
    String index = resource("index.txt");
    List<String> ids = new ArrayList<>();
    for (String line : index.split("\n")) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        ids.add(s);
      }
    }
    return ids;
  }

  /** Every shipped tabletop, loaded and validated. */
  public static List<Tabletop> all() {
    return ids().stream().map(id -> find(id).orElseThrow()).toList();
  }

  /**
   * The shipped tabletop with this id, or empty.
   *
   * @throws TabletopException if the shipped file is invalid (a build error; tests prevent it)
   */
  public static Optional<Tabletop> find(String id) {
    if (!ids().contains(id)) {
      return Optional.empty();
    }
    try (Reader r = new InputStreamReader(open(id + ".yml"), StandardCharsets.UTF_8)) {
      return Optional.of(TabletopReader.read(r, DIR + id + ".yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = Tabletops.class.getClassLoader().getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IllegalStateException("missing resource " + DIR + name);
    }
    return in;
  }
}
