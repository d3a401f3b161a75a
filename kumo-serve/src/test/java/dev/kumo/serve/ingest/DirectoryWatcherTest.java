package dev.kumo.serve.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatcherTest {
  @TempDir
  Path tmp;
  Path watched;
  Path state;
  Spool spool;

  @BeforeEach
  void setUp() throws IOException {
    watched = tmp.resolve("in");
    state = tmp.resolve("state/watch-taken.jsonl");
    spool = Spool.open(tmp.resolve("state/spool"));
  }

  private DirectoryWatcher open() throws IOException {
    return DirectoryWatcher.open(new WatchConfig(watched, Duration.ofMillis(50), true), spool, state);
  }

  private Path write(String rel, String content) throws IOException {
    Path p = watched.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void poll_newFile_isTakenOnceWhenUnchangedAcrossTwoPolls() throws IOException {
    try (DirectoryWatcher w = open()) {
      write("sub/dir/a.json", Records.quiet("a"));

      assertThat(w.poll()).isZero(); // first sight
      assertThat(w.poll()).isEqualTo(1);
      assertThat(w.poll()).isZero();
      assertThat(w.poll()).isZero();
    }
    assertThat(spool.pending()).singleElement()
        .satisfies(u -> assertThat(Files.readString(u.path())).isEqualTo(Records.quiet("a")));
    assertThat(Files.readString(state)).contains("\"path\":\"sub/dir/a.json\"").contains("\"sha256\":\"");
  }

  @Test
  void poll_fileStillGrowing_waitsUntilItIsComplete() throws IOException {
    try (DirectoryWatcher w = open()) {
      Path p = write("grow.jsonl", Records.quiet("g1") + "\n");
      w.poll();
      Files.writeString(p, Records.quiet("g2") + "\n", StandardOpenOption.APPEND);

      assertThat(w.poll()).isZero();
      assertThat(w.poll()).isEqualTo(1);
    }
    assertThat(Files.readString(spool.pending().get(0).path())).contains("g1").contains("g2");
  }

  @Test
  void poll_afterRestart_doesNotTakeAFileAgain() throws IOException {
    write("a.json", Records.quiet("a"));
    try (DirectoryWatcher w = open()) {
      w.poll();
      w.poll();
    }
    Files.writeString(state, "{\"path\":\"torn", StandardOpenOption.APPEND); // a crash mid-append

    try (DirectoryWatcher again = open()) {
      write("b.json", Records.quiet("b"));
      again.poll();
      assertThat(again.poll()).isEqualTo(1); // only b
      assertThat(again.poll()).isZero();
    }
    assertThat(spool.pending()).extracting(Spool.Unit::id).hasSize(2).last().asString().endsWith("b.json");
  }

  @Test
  void poll_fileChangedAfterPickup_isTakenAgainAsANewUnit() throws IOException {
    try (DirectoryWatcher w = open()) {
      Path p = write("a.json", Records.quiet("a"));
      w.poll();
      w.poll();
      Files.writeString(p, Records.deliveryFile(List.of(Records.quiet("a"), Records.quiet("a2"))));
      Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(5)));

      w.poll();
      assertThat(w.poll()).isEqualTo(1);
    }
    assertThat(spool.pending()).hasSize(2);
  }

  @Test
  void poll_hiddenFilesAndFolders_areIgnored() throws IOException {
    try (DirectoryWatcher w = open()) {
      write(".partial.json", Records.quiet("h"));
      write(".cache/x.json", Records.quiet("h2"));
      w.poll();
      assertThat(w.poll()).isZero();
    }
    assertThat(spool.pending()).isEmpty();
  }

  @Test
  void open_forgetsFilesThatAreGone() throws IOException {
    Path p = write("a.json", Records.quiet("a"));
    try (DirectoryWatcher w = open()) {
      w.poll();
      w.poll();
    }
    Files.delete(p);

    try (DirectoryWatcher again = open()) {
      assertThat(Files.readString(state)).isEmpty();
    }
  }

  @Test
  void start_pollsOnItsOwn() throws Exception {
    try (DirectoryWatcher w = open()) {
      w.start();
      write("a.json", Records.quiet("a"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (spool.pending().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    assertThat(spool.pending()).hasSize(1);
  }
}
