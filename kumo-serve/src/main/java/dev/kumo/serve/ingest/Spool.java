package dev.kumo.serve.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A folder of units of work waiting to be loaded into the case. A unit is one file holding raw log
 * records exactly as an input received them (any layout or compression Kumo's readers recognise by
 * content).
 *
 * <p>Writing is atomic and durable: the bytes go to a temporary file in {@code tmp/}, which is
 * fsynced, renamed atomically into the spool folder, and the folder is fsynced; only then does
 * {@link #write} return. A unit is therefore either wholly present or absent after a crash; leftovers
 * in {@code tmp/} are deleted when the spool opens. Unit names are a zero-padded sequence number and
 * the (sanitised) input name, so name order is arrival order and {@link #pending} lists oldest first.
 * A unit stays until {@link #retire} (after the case committed it; retired units
 * are kept a while in {@code done/} so a restarted loader can rebuild its detection state from them)
 * or {@link #reject} (moved to {@code failed/}). Thread-safe.
 */
public final class Spool {
  /** The longest input-name part kept in a unit name. */
  static final int MAX_NAME = 80;
  private static final Pattern UNIT = Pattern.compile("\\d{19}-.*");
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

  private final Path dir;
  private final Path tmp;
  private final Path failed;
  private final Path done;
  private final AtomicLong sequence;
  private final Object written = new Object();
  private long writes;

  /** A unit of the spool: its id (the file name), file and size. */
  public record Unit(String id, Path path, long size) {}

  /** Writes a unit's bytes; may throw to abandon the unit (nothing is then spooled). */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private Spool(Path dir, long next) {
    this.dir = dir;
    this.tmp = dir.resolve("tmp");
    this.failed = dir.resolve("failed");
    this.done = dir.resolve("done");
    this.sequence = new AtomicLong(next);
  }

  /** Opens (creating if needed) the spool in folder {@code dir}, deleting half-written leftovers. */
  public static Spool open(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("failed"));
    Files.createDirectories(dir.resolve("done"));
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir.resolve("tmp"))) {
      for (Path p : leftovers) {
        Files.deleteIfExists(p);
      }
    }
    long max = 0;
    for (Path p : List.of(dir, dir.resolve("failed"), dir.resolve("done"))) {
      try (DirectoryStream<Path> units = Files.newDirectoryStream(p)) {
        for (Path u : units) {
          String name = u.getFileName().toString();
          if (UNIT.matcher(name).matches()) {
            max = Math.max(max, Long.parseLong(name.substring(0, 19)));
          }
        }
      }
    }
    return new Spool(dir, max + 1);
  }

  /** The spool folder. */
  public Path dir() {
    return dir;
  }

  /** Spools {@code bytes} as a new unit named after {@code inputName}; returns once it is durable. */
  public Unit write(String inputName, byte[] bytes) throws IOException {
    return write(inputName, out -> out.write(bytes));
  }

  /**
   * Spools what {@code body} writes as a new unit named after {@code inputName}; returns once it is
   * durable. When {@code body} throws, nothing is spooled and the exception propagates.
   */
  public Unit write(String inputName, Body body) throws IOException {
    long seq = sequence.getAndIncrement();
    String id = String.format(Locale.ROOT, "%019d-%s", seq, safeName(inputName));
    Path temp = tmp.resolve(id);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch),
              1 << 16)) {
        body.writeTo(out);
        out.flush();
        ch.force(true);
      }
      Path target = dir.resolve(id);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the spool folder " + dir + " does not support atomic renames", e);
      }
      syncDir(dir);
      Unit unit = new Unit(id, target, Files.size(target));
      synchronized (written) {
        writes++;
        written.notifyAll();
      }
      return unit;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** The units waiting, oldest first. */
  public List<Unit> pending() throws IOException {
    return units(dir);
  }

  /** The units retired (committed and kept in {@code done/}), oldest first. */
  public List<Unit> retired() throws IOException {
    return units(done);
  }

  private static List<Unit> units(Path folder) throws IOException {
    List<Unit> out = new ArrayList<>();
    try (DirectoryStream<Path> units = Files.newDirectoryStream(folder)) {
      for (Path p : units) {
        String name = p.getFileName().toString();
        if (UNIT.matcher(name).matches()) {
          try {
            out.add(new Unit(name, p, Files.size(p)));
          } catch (NoSuchFileException gone) {
            // removed meanwhile
          }
        }
      }
    }
    out.sort(java.util.Comparator.comparing(Unit::id));
    return out;
  }

  /** When the oldest waiting unit was spooled, or null when none waits. */
  public @org.jspecify.annotations.Nullable Instant oldestSpooled() throws IOException {
    for (Unit u : pending()) {
      try {
        return Files.getLastModifiedTime(u.path()).toInstant();
      } catch (NoSuchFileException gone) {
        // loaded meanwhile; try the next
      }
    }
    return null;
  }

  /**
   * Moves a unit the case has committed to {@code done/} (a unit already gone is fine). Not synced:
   * after a crash the unit may be back in the spool, and loading it again adds nothing to the case.
   */
  public void retire(Unit unit) throws IOException {
    try {
      Files.move(unit.path(), done.resolve(unit.id()), StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      // already moved or removed
    }
  }

  /**
   * Deletes the retired units spooled before {@code before}, and the oldest others while the
   * retired units hold more than {@code maxBytes}; returns how many went.
   */
  public int pruneRetired(Instant before, long maxBytes) throws IOException {
    List<Unit> units = retired();
    long total = units.stream().mapToLong(Unit::size).sum();
    int removed = 0;
    for (Unit u : units) {
      boolean old;
      try {
        old = Files.getLastModifiedTime(u.path()).toInstant().isBefore(before);
      } catch (NoSuchFileException gone) {
        continue;
      }
      if (!old && total <= maxBytes) {
        break;
      }
      Files.deleteIfExists(u.path());
      total -= u.size();
      removed++;
    }
    return removed;
  }

  /** Moves a unit that cannot be loaded to {@code failed/}, out of the loader's way; returns its new place. */
  public Path reject(Unit unit) throws IOException {
    Path target = failed.resolve(unit.id());
    Files.move(unit.path(), target, StandardCopyOption.ATOMIC_MOVE);
    syncDir(dir);
    return target;
  }

  /** How many units this spool object has written so far (for {@link #awaitWrite}). */
  public long writes() {
    synchronized (written) {
      return writes;
    }
  }

  /**
   * Waits until more than {@code seen} units (see {@link #writes()}) have been written, or
   * {@code timeout} passes; returns whether they have.
   */
  public boolean awaitWrite(long seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (written) {
      while (writes <= seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(written, left);
      }
      return true;
    }
  }

  /** {@code name}'s last path element with anything but letters, digits, '.', '_' and '-' replaced, shortened. */
  static String safeName(String name) {
    String last = name.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1);
    String safe = UNSAFE.matcher(last).replaceAll("_");
    if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
      safe = "unit";
    }
    return safe.length() <= MAX_NAME ? safe : safe.substring(safe.length() - MAX_NAME);
  }

  /** Makes a rename in folder {@code d} durable (a no-op where folders cannot be opened, as on Windows). */
  static void syncDir(Path d) throws IOException {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
        throw e;
      }
    }
  }
}
