package dev.kumo.serve.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The watched-directory input: polls a folder and copies each new file into the spool once, even
 * across restarts.
 *
 * <p>A file is taken only when it is complete: its size and modification time were the same in two
 * polls in a row. It is copied into a spool unit (checked again after the copy: a file that changed
 * meanwhile is left for a later poll), and only after the unit is durable is the file recorded in the
 * state file (one JSON line per file taken: path relative to the folder, size, mtime, content SHA-256,
 * unit; appended and fsynced). A crash between the two takes the file again on restart, which the
 * case absorbs (it drops event ids it already has).
 *
 * <p>A file whose size or modification time differs from what was recorded is taken again, whole, as a
 * new unit (a log file that grows is loaded again; the case keeps its events once). Hidden files (names
 * starting with '.') and symbolic links are ignored; folders that cannot be read are skipped. On open
 * the state file is compacted to the last record of each file still present.
 */
public final class DirectoryWatcher implements AutoCloseable {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final WatchConfig config;
  private final Spool spool;
  private final Path stateFile;
  private final FileChannel record;
  private final Map<String, Stat> taken;
  private Map<String, Stat> seen = Map.of();
  private final AtomicLong errors = new AtomicLong();
  private @Nullable ScheduledExecutorService timer;

  /** What a poll saw of one file. */
  private record Stat(long size, long mtimeMicros) {}

  private DirectoryWatcher(WatchConfig config, Spool spool, Path stateFile, FileChannel record,
      Map<String, Stat> taken) {
    this.config = config;
    this.spool = spool;
    this.stateFile = stateFile;
    this.record = record;
    this.taken = taken;
  }

  /** Opens the watcher, reading (and compacting) what it took before from {@code stateFile}. */
  public static DirectoryWatcher open(WatchConfig config, Spool spool, Path stateFile) throws IOException {
    Files.createDirectories(config.dir());
    Files.createDirectories(stateFile.toAbsolutePath().getParent());
    Map<String, String> lines = new LinkedHashMap<>();
    Map<String, Stat> taken = new HashMap<>();
    if (Files.exists(stateFile)) {
      for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
        Entry e = Entry.parse(line);
        if (e != null && Files.exists(config.dir().resolve(e.path()))) {
          lines.remove(e.path());
          lines.put(e.path(), line);
          taken.put(e.path(), new Stat(e.size(), e.mtimeMicros()));
        }
      }
    }
    Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
    StringBuilder kept = new StringBuilder();
    lines.values().forEach(l -> kept.append(l).append('\n'));
    Files.writeString(temp, kept, StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(temp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    Spool.syncDir(stateFile.toAbsolutePath().getParent());
    FileChannel ch = FileChannel.open(stateFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new DirectoryWatcher(config, spool, stateFile, ch, taken);
  }

  /** Starts polling every {@link WatchConfig#interval} on a thread of its own. */
  public synchronized void start() {
    if (timer != null) {
      throw new IllegalStateException("watcher already started");
    }
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread th = new Thread(r, "kumo-watch");
      th.setDaemon(true);
      return th;
    });
    long ms = config.interval().toMillis();
    t.scheduleWithFixedDelay(() -> {
      try {
        poll();
      } catch (IOException | RuntimeException e) {
        errors.incrementAndGet();
      }
    }, 0, Math.max(1, ms), TimeUnit.MILLISECONDS);
    timer = t;
  }

  /** Files or folders that could not be read or copied so far. */
  public long errors() {
    return errors.get();
  }

  /** The state file. */
  public Path stateFile() {
    return stateFile;
  }

  /** Looks at the folder once and takes the files that are complete and new; returns how many it took. */
  public synchronized int poll() throws IOException {
    Map<String, Stat> now = scan();
    int took = 0;
    for (Map.Entry<String, Stat> f : now.entrySet()) {
      String rel = f.getKey();
      Stat stat = f.getValue();
      if (stat.equals(taken.get(rel)) || !stat.equals(seen.get(rel))) {
        continue; // taken already, or not seen unchanged across two polls yet
      }
      try {
        if (take(rel, stat)) {
          took++;
        }
      } catch (IOException e) {
        errors.incrementAndGet(); // tried again at the next poll
      }
    }
    seen = now;
    return took;
  }

  private Map<String, Stat> scan() throws IOException {
    Map<String, Stat> out = new TreeMap<>();
    Path root = config.dir();
    Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class),
        config.recursive() ? Integer.MAX_VALUE : 1, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !hidden(file)) {
              out.put(relative(root, file), new Stat(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            errors.incrementAndGet();
            return FileVisitResult.CONTINUE;
          }
        });
    return out;
  }

  private static boolean hidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** Thrown inside the copy when the file changed while it was copied. */
  private static final class Changed extends IOException {
    Changed() {
      super("changed while copied");
    }
  }

  private boolean take(String rel, Stat stat) throws IOException {
    Path file = config.dir().resolve(rel);
    MessageDigest sha = sha256();
    Spool.Unit unit;
    try {
      unit = spool.write(rel, out -> {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
          in.transferTo(out);
        }
        BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
        if (after.size() != stat.size() || after.lastModifiedTime().to(TimeUnit.MICROSECONDS) != stat.mtimeMicros()) {
          throw new Changed();
        }
      });
    } catch (Changed e) {
      return false;
    }
    Entry entry = new Entry(rel, stat.size(), stat.mtimeMicros(), HexFormat.of().formatHex(sha.digest()), unit.id());
    ByteBuffer line = ByteBuffer.wrap((entry.json() + "\n").getBytes(StandardCharsets.UTF_8));
    while (line.hasRemaining()) {
      record.write(line);
    }
    record.force(true);
    taken.put(rel, stat);
    return true;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops polling (after the poll in progress) and closes the state file. */
  @Override
  public void close() throws IOException {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        t.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      record.close();
    }
  }

  /** One line of the state file. */
  record Entry(String path, long size, long mtimeMicros, String sha256, String unit) {
    String json() {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.writeStartObject();
        g.writeStringField("path", path);
        g.writeNumberField("size", size);
        g.writeNumberField("mtime_us", mtimeMicros);
        g.writeStringField("sha256", sha256);
        g.writeStringField("unit", unit);
        g.writeEndObject();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return w.toString();
    }

    /** The entry of a line, or null for a line that is not one (such as a line torn by a crash). */
    static @Nullable Entry parse(String line) {
      Map<String, Object> m = new HashMap<>();
      try (JsonParser p = JSON.createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken v = p.nextToken();
          if (v == JsonToken.VALUE_STRING) {
            m.put(name, p.getText());
          } else if (v == JsonToken.VALUE_NUMBER_INT) {
            m.put(name, p.getLongValue());
          } else {
            p.skipChildren();
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
          return null;
        }
      } catch (IOException e) {
        return null;
      }
      if (m.get("path") instanceof String path && m.get("size") instanceof Long size
          && m.get("mtime_us") instanceof Long mtime && m.get("sha256") instanceof String sha
          && m.get("unit") instanceof String unit) {
        return new Entry(path, size, mtime, sha, unit);
      }
      return null;
    }
  }
}
