package dev.kumo.respond.custody;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.respond.custody.Problem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerVerifierTest {
  @TempDir
  Path dir;

  private Verification verify() throws Exception {
    return LedgerVerifier.verify(dir, null);
  }

  private static List<String> messages(Verification v) {
    return v.problems().stream().map(p -> p.kind() + " " + p.message()).toList();
  }

  @Test
  void verify_untouchedLedger_isOk() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);

    Verification v = verify();

    assertThat(v.problems()).isEmpty();
    assertThat(v).isEqualTo(new Verification(true, 5, 1, false, List.of()));
  }

  @Test
  void verify_untouchedSignedLedger_isOkWithItsKey() throws Exception {
    KeyPair k = LedgerFixtures.keys();
    LedgerFixtures.fiveEntries(dir, k);

    Verification v = LedgerVerifier.verify(dir, k.getPublic());

    assertThat(v.problems()).isEmpty();
    assertThat(v.signed()).isTrue();
  }

  @Test
  void verify_oneCharacterOfASummaryChanged_namesTheLine() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    lines.set(1, lines.get(1).replace("ModifyInstanceAttribute\",\"details", "ModifyInstanceAttributf\",\"details"));
    LedgerFixtures.write(dir, lines);

    assertThat(messages(verify())).containsExactly(
        "CHANGED line 2 (seq 2): changed: its content does not match its hash");
  }

  @Test
  void verify_changedEntryWithRecomputedHash_isNamedByTheNextEntrysPrev() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    EntryContent c = LedgerCodec.parse(lines.get(1)).content();
    EntryContent forged = new EntryContent(c.seq(), c.time(), c.actor(), c.kind(), "nothing happened", c.details(),
        null, null, c.prev());
    lines.set(1, LedgerCodec.line(new LedgerEntry(forged, LedgerCodec.hash(forged), null)));
    LedgerFixtures.write(dir, lines);

    assertThat(messages(verify())).containsExactly("CHANGED line 2 (seq 2): changed and its hash recomputed: "
        + "line 3 (seq 3) chains from a different entry");
  }

  @Test
  void verify_deletedEntry_namesTheMissingSeq() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    lines.remove(2);
    LedgerFixtures.write(dir, lines);

    assertThat(messages(verify())).containsExactly(
        "DELETED seq 3 missing: deleted between line 2 (seq 2) and line 3 (seq 4)");
  }

  @Test
  void verify_swappedEntries_namesTheOneOutOfPlace() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    String two = lines.get(1);
    lines.set(1, lines.get(2));
    lines.set(2, two);
    LedgerFixtures.write(dir, lines);

    assertThat(messages(verify())).containsExactly(
        "REORDERED line 3 (seq 2): reordered: it comes after line 2 (seq 3)");
  }

  @Test
  void verify_insertedForgedEntryWithRecomputedHash_namesTheForgery() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    LedgerEntry two = LedgerCodec.parse(lines.get(1));
    EntryContent forged = new EntryContent(3, Instant.parse("2026-03-01T10:00:00Z"), "mallory", EntryKind.NOTE,
        "all clear", Map.of(), null, null, two.hash());
    lines.add(2, LedgerCodec.line(new LedgerEntry(forged, LedgerCodec.hash(forged), null)));
    LedgerFixtures.write(dir, lines);

    assertThat(messages(verify())).containsExactly("INSERTED line 3 (seq 3): inserted: seq 3 is also on line 4, "
        + "which the chain continues from");
  }

  @Test
  void verify_entryAppendedBehindKumosBack_isNamedFromTheHead() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    LedgerEntry five = LedgerCodec.parse(lines.get(4));
    EntryContent forged = new EntryContent(6, Instant.parse("2026-03-01T10:00:00Z"), "mallory", EntryKind.NOTE,
        "closed", Map.of(), null, null, five.hash());
    lines.add(LedgerCodec.line(new LedgerEntry(forged, LedgerCodec.hash(forged), null)));
    LedgerFixtures.write(dir, lines);

    assertThat(verify().problems()).extracting(Problem::kind, Problem::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.INSERTED, 6L));
  }

  @Test
  void verify_lastEntryDropped_isCaughtByTheHead() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    LedgerFixtures.write(dir, lines.subList(0, 4));

    assertThat(messages(verify())).containsExactly("TAIL_DELETED tail deleted: the ledger ends at seq 4 but "
        + "custody/head records seq 5: seq 5 were cut off the end");
  }

  @Test
  void verify_headMissing_isReported() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    Files.delete(LedgerFiles.head(dir));

    assertThat(verify().problems()).extracting(Problem::kind).containsExactly(Kind.HEAD);
  }

  @Test
  void verify_garbledLine_isNamed() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    List<String> lines = LedgerFixtures.lines(dir);
    lines.set(3, lines.get(3).substring(0, 40));
    LedgerFixtures.write(dir, lines);

    Verification v = verify();
    assertThat(v.problems()).extracting(Problem::kind, Problem::line).contains(
        org.assertj.core.groups.Tuple.tuple(Kind.GARBLED, 4L), org.assertj.core.groups.Tuple.tuple(Kind.DELETED, 5L));
  }

  @Test
  void verify_changedArtifactByte_namesTheArtifact() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    Path f = dir.resolve("evidence/state.json");
    byte[] b = Files.readAllBytes(f);
    b[3] ^= 1;
    Files.write(f, b);

    assertThat(verify().problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(Kind.ARTIFACT_CHANGED);
      assertThat(p.message()).startsWith("line 3 (seq 3): artifact evidence/state.json: changed: SHA-256 ");
    });
  }

  @Test
  void verify_deletedArtifact_isMissing() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);
    Files.delete(dir.resolve("evidence/state.json"));

    assertThat(messages(verify())).containsExactly(
        "ARTIFACT_MISSING line 3 (seq 3): artifact evidence/state.json: missing");
  }

  @Test
  void verify_strippedSignature_isUnsigned() throws Exception {
    KeyPair k = LedgerFixtures.keys();
    LedgerFixtures.fiveEntries(dir, k);
    List<String> lines = LedgerFixtures.lines(dir);
    lines.set(1, lines.get(1).replaceFirst(",\"signature\":\"[^\"]*\"", ""));
    LedgerFixtures.write(dir, lines);

    assertThat(messages(LedgerVerifier.verify(dir, k.getPublic()))).containsExactly(
        "UNSIGNED line 2 (seq 2): unsigned entry in a signed ledger");
  }

  @Test
  void verify_entrySignedWithAnotherKey_isABadSignature() throws Exception {
    KeyPair k = LedgerFixtures.keys();
    LedgerFixtures.fiveEntries(dir, k);
    List<String> lines = LedgerFixtures.lines(dir);
    LedgerEntry e = LedgerCodec.parse(lines.get(2));
    String other = LedgerKeys.sign(LedgerFixtures.keys().getPrivate(), e.hash());
    lines.set(2, LedgerCodec.line(new LedgerEntry(e.content(), e.hash(), other)));
    LedgerFixtures.write(dir, lines);

    assertThat(messages(LedgerVerifier.verify(dir, k.getPublic()))).containsExactly(
        "BAD_SIGNATURE line 3 (seq 3): bad signature");
  }

  @Test
  void verify_wholeLedgerSignedWithAnotherKey_failsAgainstTheExpectedKey() throws Exception {
    KeyPair mallory = LedgerFixtures.keys();
    LedgerFixtures.fiveEntries(dir, mallory);

    Verification v = LedgerVerifier.verify(dir, LedgerFixtures.keys().getPublic());

    assertThat(v.problems()).extracting(Problem::kind).containsOnly(Kind.WRONG_KEY).hasSize(6);
    assertThat(LedgerVerifier.verify(dir, mallory.getPublic()).ok()).isTrue();
  }

  @Test
  void verify_unsignedLedgerWhenAKeyIsExpected_isUnsigned() throws Exception {
    LedgerFixtures.fiveEntries(dir, null);

    assertThat(LedgerVerifier.verify(dir, LedgerFixtures.keys().getPublic()).problems())
        .extracting(Problem::kind).containsExactly(Kind.UNSIGNED);
  }

  @Test
  void verify_noLedger_isMissing() throws Exception {
    assertThat(verify().problems()).extracting(Problem::kind).containsExactly(Kind.MISSING);
  }
}
