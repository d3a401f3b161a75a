package dev.kumo.respond.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodyLedgerTest {
  @TempDir
  Path dir;

  @Test
  void append_chainsEntriesFromZeros_andWritesHead() throws Exception {
    CustodyLedger l = CustodyLedger.open(dir, LedgerFixtures.CLOCK, "alice", null);
    LedgerEntry a = l.append(EntryKind.ACTION, "first", Map.of("k", "v"));
    LedgerEntry b = l.append(EntryKind.NOTE, "second", Map.of());

    assertThat(a.seq()).isEqualTo(1);
    assertThat(a.content().prev()).isEqualTo("0".repeat(64));
    assertThat(b.content().prev()).isEqualTo(a.hash());
    assertThat(a.hash()).isEqualTo(Sha256.hex(LedgerCodec.canonical(a.content())));
    assertThat(LedgerFixtures.lines(dir)).containsExactly(
        "{\"seq\":1,\"time\":\"2026-03-01T10:00:00Z\",\"actor\":\"alice\",\"kind\":\"action\",\"summary\":\"first\","
            + "\"details\":{\"k\":\"v\"},\"prev\":\"" + "0".repeat(64) + "\",\"hash\":\"" + a.hash() + "\"}",
        LedgerCodec.line(b));
    assertThat(Files.readString(LedgerFiles.head(dir))).isEqualTo("2 " + b.hash() + "\n");
  }

  @Test
  void artifact_hashesTheFileAtAcquisition_relativeToTheCase() throws Exception {
    CustodyLedger l = CustodyLedger.open(dir, LedgerFixtures.CLOCK, "alice", null);
    Path f = dir.resolve("mem/image.lime");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "abc");

    LedgerEntry e = l.artifact(f, "memory image");

    assertThat(e.content().artifact()).isEqualTo(new ArtifactRef("mem/image.lime",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3));
  }

  @Test
  void artifact_outsideTheCase_isRefused() throws Exception {
    CustodyLedger l = CustodyLedger.open(dir.resolve("case"), LedgerFixtures.CLOCK, "alice", null);
    Path outside = Files.writeString(dir.resolve("x.bin"), "x");

    assertThatThrownBy(() -> l.artifact(outside, "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the case directory");
  }

  @Test
  void handOver_recordsFromAndTo() throws Exception {
    LedgerEntry e = CustodyLedger.open(dir, LedgerFixtures.CLOCK, "alice", null).handOver("bob", "disk copies");

    assertThat(e.content().kind()).isEqualTo(EntryKind.HAND_OVER);
    assertThat(e.content().details()).containsExactly(Map.entry("from", "alice"), Map.entry("to", "bob"));
  }

  @Test
  void signedLedger_recordsThePublicKeyOnce_andSignsEveryEntry() throws Exception {
    KeyPair k = LedgerFixtures.keys();
    LedgerFixtures.fiveEntries(dir, k);

    assertThat(Files.readString(LedgerFiles.publicKey(dir)).strip()).isEqualTo(LedgerKeys.encode(k.getPublic()));
    for (String line : LedgerFixtures.lines(dir)) {
      LedgerEntry e = LedgerCodec.parse(line);
      assertThat(e.content().key()).isEqualTo(LedgerKeys.fingerprint(k.getPublic()));
      assertThat(LedgerKeys.verify(k.getPublic(), e.hash(), e.signature())).isTrue();
    }
  }

  @Test
  void open_signedLedgerWithoutOrWithAnotherKey_isRefused() throws Exception {
    LedgerFixtures.fiveEntries(dir, LedgerFixtures.keys());

    assertThatThrownBy(() -> CustodyLedger.open(dir, LedgerFixtures.CLOCK, "alice", null))
        .isInstanceOf(IOException.class).hasMessageContaining("is signed");
    assertThatThrownBy(() -> CustodyLedger.open(dir, LedgerFixtures.CLOCK, "alice", LedgerFixtures.keys()))
        .isInstanceOf(IOException.class).hasMessageContaining("another key");
  }

  @Test
  void append_afterTheTailWasCut_isRefusedSoTheCutStaysVisible() throws Exception {
    CustodyLedger l = LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    LedgerFixtures.write(dir, lines.subList(0, 4));

    assertThatThrownBy(() -> l.append(EntryKind.NOTE, "more", Map.of())).isInstanceOf(IOException.class)
        .hasMessageContaining("ends at seq 4 but custody/head records seq 5");
  }

  @Test
  void append_afterAnIncompleteLastLine_isRefused() throws Exception {
    CustodyLedger l = LedgerFixtures.fiveEntries(dir, null);
    Files.writeString(LedgerFiles.ledger(dir), "{\"seq\":6", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> l.append(EntryKind.NOTE, "more", Map.of())).isInstanceOf(IOException.class)
        .hasMessageContaining("incomplete");
  }

  @Test
  void concurrentAppends_fromTwoThreadsAndTwoLedgerObjects_keepOneValidChain() throws Exception {
    CustodyLedger one = CustodyLedger.open(dir, Clock.systemUTC(), "alice", null);
    CustodyLedger two = CustodyLedger.open(dir, Clock.systemUTC(), "bob", null);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Void>> jobs = new ArrayList<>();
      for (CustodyLedger l : List.of(one, two)) {
        jobs.add(() -> {
          for (int i = 0; i < 50; i++) {
            l.append(EntryKind.API_CALL, "call " + i, Map.of("i", String.valueOf(i)));
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(jobs)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    Verification v = LedgerVerifier.verify(dir, null);
    assertThat(v.problems()).isEmpty();
    assertThat(v.entries()).isEqualTo(100);
  }
}
