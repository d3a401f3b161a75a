package dev.kumo.intel.local;

import dev.kumo.intel.Indicator;
import dev.kumo.intel.IntelStore;
import dev.kumo.intel.Warninglist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local intel store: a folder of {@link FeedFile}s, one per feed name. Importing a feed again
 * replaces it (a feed update); revoked ids are removed from every feed. Single writer at a time.
 */
public final class LocalIntel {
  private final Path dir;

  /** The store in {@code dir} (created on first import). */
  public LocalIntel(Path dir) {
    this.dir = dir;
  }

  /**
   * The default location: {@code $KUMO_HOME/intel}, else {@code ~/.kumo/intel}.
   *
   * @param env the environment (System.getenv() in the CLI)
   */
  public static LocalIntel atDefault(java.util.Map<String, String> env, String userHome) {
    String home = env.get("KUMO_HOME");
    return new LocalIntel(home != null && !home.isBlank() ? Path.of(home, "intel") : Path.of(userHome, ".kumo", "intel"));
  }

  public Path dir() {
    return dir;
  }

  /** The feeds held, sorted by name. */
  public List<FeedFile> feeds() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<FeedFile> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        out.add(FeedFile.read(p));
      }
    }
    out.sort(java.util.Comparator.comparing(FeedFile::feed));
    return out;
  }

  /** The feed of this name, if held. */
  public Optional<FeedFile> feed(String name) throws IOException {
    Path p = file(name);
    return Files.exists(p) ? Optional.of(FeedFile.read(p)) : Optional.empty();
  }

  /** Stores (or replaces) a feed, then removes {@code revoked} ids from every other feed; returns how many went. */
  public int put(FeedFile feed, Collection<String> revoked) throws IOException {
    Files.createDirectories(dir);
    feed.write(file(feed.feed()));
    if (revoked.isEmpty()) {
      return 0;
    }
    Set<String> gone = new HashSet<>(revoked);
    int removed = 0;
    for (FeedFile f : feeds()) {
      List<Indicator> keep = f.indicators().stream().filter(i -> i.id() == null || !gone.contains(i.id())).toList();
      if (keep.size() != f.indicators().size()) {
        removed += f.indicators().size() - keep.size();
        new FeedFile(f.feed(), f.origin(), f.imported(), f.state(), keep, f.warninglists()).write(file(f.feed()));
      }
    }
    return removed;
  }

  /** Removes a feed; false when there was none of that name. */
  public boolean remove(String name) throws IOException {
    return Files.deleteIfExists(file(name));
  }

  /** Every feed's indicators and warninglists added to {@code b}. */
  public IntelStore.Builder addTo(IntelStore.Builder b) throws IOException {
    for (FeedFile f : feeds()) {
      b.addAll(f.indicators());
      for (Warninglist w : f.warninglists()) {
        b.warninglist(w);
      }
    }
    return b;
  }

  private Path file(String feed) {
    return dir.resolve(safe(feed) + ".jsonl");
  }

  /** A file name for a feed name: letters, digits, '.', '-' and '_' kept, the rest '_' (plus a hash when changed). */
  static String safe(String feed) {
    StringBuilder sb = new StringBuilder();
    for (char c : feed.toCharArray()) {
      sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
    }
    String s = sb.toString();
    if (s.startsWith(".")) {
      s = "_" + s.substring(1);
    }
    return s.equals(feed) ? s : s + "-" + Integer.toHexString(feed.hashCode()).toLowerCase(Locale.ROOT);
  }
}
