package dev.kumo.serve.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesStoreTest {
  @TempDir
  Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void notesAndStatuses_surviveAReopen() throws Exception {
    try (NotesStore s = NotesStore.open(dir, clock)) {
      s.addNote("INC-1", "alice", "first look: \"<b>odd</b>\"\nsecond line");
      clock.advance(Duration.ofMinutes(1));
      s.setStatus("INC-1", IncidentStatus.TRIAGED, "alice");
      clock.advance(Duration.ofMinutes(1));
      s.addNote("INC-2", "bob", "unrelated");
    }

    try (NotesStore s = NotesStore.open(dir, clock)) {
      assertThat(s.notes("INC-1")).singleElement().satisfies(n -> {
        assertThat(n.author()).isEqualTo("alice");
        assertThat(n.text()).isEqualTo("first look: \"<b>odd</b>\"\nsecond line");
        assertThat(n.time()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
      });
      assertThat(s.status("INC-1")).get().extracting(StatusChange::status).isEqualTo(IncidentStatus.TRIAGED);
      assertThat(s.status("INC-2")).isEmpty();
      assertThat(s.notes("INC-2")).hasSize(1);
      assertThat(s.problems()).isEmpty();
    }
  }

  @Test
  void open_tornLastLine_isSkippedAndTheNextRecordStartsOnItsOwnLine() throws Exception {
    try (NotesStore s = NotesStore.open(dir, clock)) {
      s.addNote("INC-1", "alice", "kept");
    }
    Files.writeString(dir.resolve(NotesStore.FILE), "{\"type\":\"note\",\"id\":\"x\",\"inci", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    try (NotesStore s = NotesStore.open(dir, clock)) {
      assertThat(s.problems()).singleElement().asString().contains(":2: skipped");
      s.addNote("INC-1", "alice", "after the crash");
    }
    try (NotesStore s = NotesStore.open(dir, clock)) {
      assertThat(s.notes("INC-1")).extracting(CaseNote::text).containsExactly("kept", "after the crash");
      assertThat(s.problems()).hasSize(1);
    }
  }

  @Test
  void open_malformedLines_areReportedAndTheRestLoads() throws Exception {
    Files.writeString(dir.resolve(NotesStore.FILE), String.join("\n",
        "not json",
        "{\"type\":\"status\",\"incident\":\"INC-1\",\"status\":\"maybe\",\"author\":\"a\",\"time\":\"2026-03-01T00:00:00Z\"}",
        "{\"type\":\"status\",\"incident\":\"INC-1\",\"status\":\"closed\",\"author\":\"a\",\"time\":\"2026-03-01T00:00:00Z\"}",
        "{\"type\":\"note\",\"id\":\"n\",\"incident\":\"INC-1\",\"author\":\"a\",\"time\":\"yesterday\",\"text\":\"t\"}",
        ""), StandardCharsets.UTF_8);

    try (NotesStore s = NotesStore.open(dir, clock)) {
      assertThat(s.problems()).hasSize(3);
      assertThat(s.status("INC-1")).get().extracting(StatusChange::status).isEqualTo(IncidentStatus.CLOSED);
    }
  }

  @Test
  void addNote_blankOrTooLong_isRefused() throws Exception {
    try (NotesStore s = NotesStore.open(dir, clock)) {
      assertThatThrownBy(() -> s.addNote("INC-1", "a", "  ")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> s.addNote("INC-1", "a", "x".repeat(NotesStore.MAX_NOTE_CHARS + 1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(s.notes("INC-1")).isEmpty();
    }
  }
}
