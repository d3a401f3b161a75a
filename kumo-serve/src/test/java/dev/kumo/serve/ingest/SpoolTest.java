package dev.kumo.serve.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {
  @TempDir
  Path dir;

  @Test
  void write_unitsAreListedOldestFirstWithTheirBytes() throws IOException {
    Spool spool = Spool.open(dir);
    for (int i = 0; i < 12; i++) {
      spool.write("input-" + i + ".json", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }

    List<Spool.Unit> pending = spool.pending();

    assertThat(pending).hasSize(12);
    for (int i = 0; i < 12; i++) {
      assertThat(pending.get(i).id()).endsWith("-input-" + i + ".json");
      assertThat(Files.readString(pending.get(i).path())).isEqualTo("{\"n\":" + i + "}");
    }
    assertThat(Files.list(dir.resolve("tmp"))).isEmpty();
  }

  @Test
  void write_bodyThatThrows_spoolsNothing() throws IOException {
    Spool spool = Spool.open(dir);

    assertThatThrownBy(() -> spool.write("x.json", out -> {
      out.write(new byte[1000]);
      throw new IOException("source vanished");
    })).hasMessage("source vanished");

    assertThat(spool.pending()).isEmpty();
    assertThat(Files.list(dir.resolve("tmp"))).isEmpty();
  }

  @Test
  void open_afterACrash_deletesHalfWrittenFilesAndContinuesTheSequence() throws IOException {
    Spool first = Spool.open(dir);
    Spool.Unit a = first.write("a.json", "{}".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("tmp").resolve("0000000000000000002-torn.json"), "{\"half");

    Spool second = Spool.open(dir);
    Spool.Unit b = second.write("b.json", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.list(dir.resolve("tmp"))).isEmpty();
    assertThat(second.pending()).extracting(Spool.Unit::id).containsExactly(a.id(), b.id());
  }

  @Test
  void retireAndReject_takeUnitsOutOfThePending() throws IOException {
    Spool spool = Spool.open(dir);
    Spool.Unit a = spool.write("a.json", "{}".getBytes(StandardCharsets.UTF_8));
    Spool.Unit b = spool.write("b.json", "{}".getBytes(StandardCharsets.UTF_8));

    spool.retire(a);
    spool.retire(a); // already retired: fine
    Path rejected = spool.reject(b);

    assertThat(spool.pending()).isEmpty();
    assertThat(spool.retired()).extracting(Spool.Unit::id).containsExactly(a.id());
    assertThat(rejected).exists().hasParent(dir.resolve("failed"));
    assertThat(spool.oldestSpooled()).isNull();
    assertThat(Spool.open(dir).write("c.json", new byte[0]).id()).as("numbering goes on after retired units")
        .isGreaterThan(b.id());
  }

  @Test
  void pruneRetired_removesUnitsOlderThanTheHorizonAndTheOldestBeyondTheBytes() throws IOException {
    Spool spool = Spool.open(dir);
    List<Spool.Unit> units = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Spool.Unit u = spool.write("u" + i + ".json", new byte[100]);
      Files.setLastModifiedTime(u.path(), java.nio.file.attribute.FileTime.from(
          java.time.Instant.parse("2026-03-10T10:00:00Z").plusSeconds(60L * i)));
      spool.retire(u);
      units.add(u);
    }

    assertThat(spool.pruneRetired(java.time.Instant.parse("2026-03-10T10:01:30Z"), 1_000)).isEqualTo(2);
    assertThat(spool.retired()).extracting(Spool.Unit::id).containsExactly(units.get(2).id(), units.get(3).id());
    assertThat(spool.pruneRetired(java.time.Instant.EPOCH, 150)).isEqualTo(1);
    assertThat(spool.retired()).extracting(Spool.Unit::id).containsExactly(units.get(3).id());
  }

  @Test
  void safeName_keepsOnlyTheLastElementAndSafeCharacters() {
    assertThat(Spool.safeName("../../etc/pass wd")).isEqualTo("pass_wd");
    assertThat(Spool.safeName("a\\b\\c.json.gz")).isEqualTo("c.json.gz");
    assertThat(Spool.safeName("..")).isEqualTo("unit");
    assertThat(Spool.safeName("x".repeat(500))).hasSize(Spool.MAX_NAME);
  }

  @Test
  void awaitWrite_returnsWhenAnotherThreadWrites() throws Exception {
    Spool spool = Spool.open(dir);
    long seen = spool.writes();
    Thread writer = new Thread(() -> {
      try {
        spool.write("late.json", "{}".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();

    assertThat(spool.awaitWrite(seen, Duration.ofMinutes(1))).isTrue();
    writer.join();
    assertThat(spool.awaitWrite(spool.writes(), Duration.ofMillis(10))).isFalse();
  }
}
