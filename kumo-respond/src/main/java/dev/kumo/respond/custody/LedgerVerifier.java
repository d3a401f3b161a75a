package dev.kumo.respond.custody;

import dev.kumo.respond.custody.Problem.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks a case's custody ledger and names every kind of tampering it finds (see {@link Problem.Kind}):
 * <ul>
 *   <li>a changed entry: its content no longer hashes to its {@code hash}, or its line is not in the exact
 *       line form ({@link LedgerCodec}); or it was changed and its hash recomputed, which the next entry's
 *       {@code prev} reveals;
 *   <li>a deleted entry: a gap in {@code seq};
 *   <li>reordered entries: a line whose {@code seq} is lower than an earlier line's;
 *   <li>an inserted entry: a second entry with the same {@code seq} (the one the chain does not continue
 *       from is named), or entries after the last one {@code custody/head} records;
 *   <li>a garbled line: not UTF-8, not JSON, not an entry, or without its line end;
 *   <li>a changed or missing artifact: the file's SHA-256 or size differs from the recorded one;
 *   <li>signatures: in a signed ledger (one with {@code custody/ledger.pub}, any signed entry, or an
 *       {@code expected} key) every entry must carry a valid Ed25519 signature by the expected key.
 * </ul>
 *
 * <p>A deleted tail cannot be detected from the chain alone: a ledger cut after any entry is still a valid
 * chain. It is detected with {@code custody/head}, which records the last seq and hash at every append; a
 * missing head is itself reported. Someone able to rewrite the ledger, the head and {@code ledger.pub}
 * together can only be caught by an {@code expected} key they do not hold, or by comparing the head hash
 * with one handed over earlier (for example in an export's {@code SHA256SUMS}).
 *
 * <p>Stateless.
 */
public final class LedgerVerifier {
  private LedgerVerifier() {}

  /** One parsed line. */
  private record Row(long line, LedgerEntry entry, boolean hashOk) {
    long seq() {
      return entry.seq();
    }
  }

  /**
   * Verifies the ledger of {@code caseDir}.
   *
   * @param expected the key the ledger must be signed with, or null to check signed ledgers against their
   *     own {@code ledger.pub} (which proves integrity only against someone who could not replace that file)
   * @throws IOException if the ledger exists but cannot be read
   */
  public static Verification verify(Path caseDir, @Nullable PublicKey expected) throws IOException {
    Path ledger = LedgerFiles.ledger(caseDir);
    List<Problem> problems = new ArrayList<>();
    if (!Files.exists(ledger)) {
      problems.add(new Problem(Kind.MISSING, 0, 0, "no custody ledger at " + ledger));
      return new Verification(false, 0, 0, false, problems);
    }
    List<Row> rows = new ArrayList<>();
    long lines = read(Files.readAllBytes(ledger), rows, problems);
    TreeMap<Long, List<Row>> bySeq = new TreeMap<>();
    for (Row r : rows) {
      bySeq.computeIfAbsent(r.seq(), k -> new ArrayList<>()).add(r);
    }
    order(rows, bySeq, problems);
    Head head = head(caseDir, rows, problems);
    Map<Long, Row> chosen = duplicates(bySeq, head, problems);
    links(bySeq, chosen, problems);
    headAgrees(head, bySeq, chosen, problems);
    long artifacts = artifacts(caseDir, rows, problems);
    boolean signed = signatures(caseDir, expected, rows, problems);
    problems.sort(Comparator.comparingLong(p -> p.line() == 0 ? Long.MAX_VALUE : p.line()));
    return new Verification(problems.isEmpty(), lines, artifacts, signed, problems);
  }

  private static long read(byte[] all, List<Row> rows, List<Problem> problems) {
    long lineNo = 0;
    int start = 0;
    while (start < all.length) {
      int nl = start;
      while (nl < all.length && all[nl] != '\n') {
        nl++;
      }
      lineNo++;
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(all, start, nl - start)).toString();
      } catch (CharacterCodingException e) {
        text = null;
      }
      if (nl == all.length) {
        problems.add(new Problem(Kind.GARBLED, lineNo, 0, "line " + lineNo + ": truncated: no line end"));
      } else if (text == null) {
        problems.add(new Problem(Kind.GARBLED, lineNo, 0, "line " + lineNo + ": not UTF-8"));
      } else if (text.isEmpty()) {
        problems.add(new Problem(Kind.GARBLED, lineNo, 0, "line " + lineNo + ": empty line"));
      } else {
        try {
          LedgerEntry e = LedgerCodec.parse(text);
          boolean hashOk = LedgerCodec.hash(e.content()).equals(e.hash());
          String where = at(lineNo, e.seq());
          if (!hashOk) {
            problems.add(new Problem(Kind.CHANGED, lineNo, e.seq(), where + ": changed: its content does not match "
                + "its hash"));
          } else if (!LedgerCodec.line(e).equals(text)) {
            hashOk = false;
            problems.add(new Problem(Kind.CHANGED, lineNo, e.seq(), where + ": changed: not in the exact line "
                + "form (extra spaces, duplicate fields or other spelling)"));
          }
          rows.add(new Row(lineNo, e, hashOk));
        } catch (LedgerFormatException e) {
          problems.add(new Problem(Kind.GARBLED, lineNo, 0, "line " + lineNo + ": not a ledger entry: "
              + e.getMessage()));
        }
      }
      start = nl + 1;
    }
    return lineNo;
  }

  private static void order(List<Row> rows, Map<Long, List<Row>> bySeq, List<Problem> problems) {
    Row max = null;
    for (Row r : rows) {
      if (max != null && r.seq() < max.seq() && bySeq.get(r.seq()).size() == 1) {
        problems.add(new Problem(Kind.REORDERED, r.line(), r.seq(), at(r.line(), r.seq())
            + ": reordered: it comes after " + at(max.line(), max.seq())));
      }
      if (max == null || r.seq() > max.seq()) {
        max = r;
      }
    }
  }

  private static @Nullable Head head(Path caseDir, List<Row> rows, List<Problem> problems) throws IOException {
    try {
      Head head = Head.read(caseDir);
      if (head == null && !rows.isEmpty()) {
        problems.add(new Problem(Kind.HEAD, 0, 0, "custody/head is missing: a deleted tail cannot be ruled out"));
      }
      return head;
    } catch (LedgerFormatException e) {
      problems.add(new Problem(Kind.HEAD, 0, 0, e.getMessage() + ": a deleted tail cannot be ruled out"));
      return null;
    }
  }

  /** Picks, for each seq, the entry the chain continues from, and names the others as inserted. */
  private static Map<Long, Row> duplicates(TreeMap<Long, List<Row>> bySeq, @Nullable Head head,
      List<Problem> problems) {
    Map<Long, Row> chosen = new HashMap<>();
    if (bySeq.isEmpty()) {
      return chosen;
    }
    long top = bySeq.lastKey();
    String ref = head != null && head.seq() == top ? head.hash() : null;
    for (long k = top; k >= 1; k--) {
      List<Row> same = bySeq.get(k);
      if (same == null) {
        ref = null;
        continue;
      }
      Row pick = same.size() == 1 ? same.get(0) : null;
      for (Row r : same) {
        if (same.size() > 1 && r.entry().hash().equals(ref)) {
          pick = r;
        }
      }
      if (same.size() > 1) {
        if (pick != null) {
          for (Row r : same) {
            if (r != pick) {
              problems.add(new Problem(Kind.INSERTED, r.line(), k, at(r.line(), k) + ": inserted: seq " + k
                  + " is also on line " + pick.line() + ", which the chain continues from"));
            }
          }
        } else {
          problems.add(new Problem(Kind.INSERTED, same.get(1).line(), k, "seq " + k + " is on lines "
              + same.stream().map(r -> String.valueOf(r.line())).collect(Collectors.joining(", "))
              + ": entries were inserted, and the chain does not tell which"));
          pick = same.get(0);
        }
      }
      chosen.put(k, pick);
      ref = pick.entry().content().prev();
    }
    return chosen;
  }

  private static void links(TreeMap<Long, List<Row>> bySeq, Map<Long, Row> chosen, List<Problem> problems) {
    if (bySeq.isEmpty()) {
      return;
    }
    long top = bySeq.lastKey();
    for (long k = 1; k <= top; k++) {
      Row r = chosen.get(k);
      if (r == null) {
        long j = k;
        while (chosen.get(j + 1) == null) {
          j++;
        }
        Row before = chosen.get(k - 1);
        Row after = chosen.get(j + 1);
        problems.add(new Problem(Kind.DELETED, after.line(), k, (k == j ? "seq " + k : "seq " + k + " to " + j)
            + " missing: deleted " + (before == null ? "from the start, before " : "between " + at(before.line(),
            before.seq()) + " and ") + at(after.line(), after.seq())));
        k = j + 1;
        continue;
      }
      String expectedPrev = k == 1 ? Sha256.ZERO : chosen.get(k - 1).entry().hash();
      if (r.hashOk() && !r.entry().content().prev().equals(expectedPrev)) {
        if (k == 1) {
          problems.add(new Problem(Kind.CHANGED, r.line(), k, at(r.line(), k) + ": changed: the first entry's prev "
              + "is not 64 zeros"));
        } else {
          Row p = chosen.get(k - 1);
          problems.add(new Problem(Kind.CHANGED, p.line(), p.seq(), at(p.line(), p.seq())
              + ": changed and its hash recomputed: " + at(r.line(), k) + " chains from a different entry"));
        }
      }
    }
  }

  private static void headAgrees(@Nullable Head head, TreeMap<Long, List<Row>> bySeq, Map<Long, Row> chosen,
      List<Problem> problems) {
    if (head == null) {
      return;
    }
    long top = bySeq.isEmpty() ? 0 : bySeq.lastKey();
    if (top < head.seq()) {
      problems.add(new Problem(Kind.TAIL_DELETED, 0, top + 1, "tail deleted: the ledger ends at seq " + top
          + " but custody/head records seq " + head.seq() + (top + 1 == head.seq() ? ": seq " + head.seq()
          : ": seq " + (top + 1) + " to " + head.seq()) + " were cut off the end"));
      return;
    }
    Row last = chosen.get(head.seq());
    if (last != null && !last.entry().hash().equals(head.hash())) {
      problems.add(new Problem(Kind.CHANGED, last.line(), head.seq(), at(last.line(), head.seq())
          + ": changed and its hash recomputed: it is not the entry custody/head records"));
    }
    for (long k = head.seq() + 1; k <= top; k++) {
      Row r = chosen.get(k);
      if (r != null) {
        problems.add(new Problem(Kind.INSERTED, r.line(), k, at(r.line(), k) + ": inserted: after the last entry "
            + "custody/head records (seq " + head.seq() + "), so appended without Kumo or by an interrupted append"));
      }
    }
  }

  private static long artifacts(Path caseDir, List<Row> rows, List<Problem> problems) throws IOException {
    Path base = caseDir.toAbsolutePath().normalize();
    Map<Path, Sha256.FileDigest> digests = new HashMap<>();
    long n = 0;
    for (Row r : rows) {
      ArtifactRef a = r.entry().content().artifact();
      if (a == null) {
        continue;
      }
      n++;
      String where = at(r.line(), r.seq()) + ": artifact " + a.path();
      Path file = base.resolve(a.path()).normalize();
      if (a.path().isEmpty() || Path.of(a.path()).isAbsolute() || !file.startsWith(base) || file.equals(base)) {
        problems.add(new Problem(Kind.ARTIFACT_MISSING, r.line(), r.seq(), where + ": its path leaves the case "
            + "directory"));
      } else if (!Files.isRegularFile(file)) {
        problems.add(new Problem(Kind.ARTIFACT_MISSING, r.line(), r.seq(), where + ": missing"));
      } else if (!file.toRealPath().startsWith(base.toRealPath())) {
        problems.add(new Problem(Kind.ARTIFACT_MISSING, r.line(), r.seq(), where + ": a link out of the case "
            + "directory"));
      } else {
        Sha256.FileDigest d = digests.get(file);
        if (d == null) {
          d = Sha256.file(file);
          digests.put(file, d);
        }
        if (!d.sha256().equals(a.sha256()) || d.bytes() != a.bytes()) {
          problems.add(new Problem(Kind.ARTIFACT_CHANGED, r.line(), r.seq(), where + ": changed: SHA-256 "
              + d.sha256() + " (" + d.bytes() + " bytes), recorded " + a.sha256() + " (" + a.bytes() + " bytes)"));
        }
      }
    }
    return n;
  }

  private static boolean signatures(Path caseDir, @Nullable PublicKey expected, List<Row> rows,
      List<Problem> problems) throws IOException {
    Path pubFile = LedgerFiles.publicKey(caseDir);
    PublicKey recorded = null;
    boolean hasPub = Files.exists(pubFile);
    if (hasPub) {
      try {
        recorded = LedgerKeys.decode(Files.readString(pubFile, StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException | IOException e) {
        problems.add(new Problem(Kind.WRONG_KEY, 0, 0, "custody/ledger.pub is not an Ed25519 public key"));
      }
    }
    boolean anySigned = rows.stream().anyMatch(r -> r.entry().signature() != null || r.entry().content().key() != null);
    if (!hasPub && !anySigned && expected == null) {
      return false;
    }
    if (!hasPub && !anySigned) {
      problems.add(new Problem(Kind.UNSIGNED, 0, 0, "the ledger is not signed, but a signing key was expected"));
      return true;
    }
    if (!hasPub) {
      problems.add(new Problem(Kind.WRONG_KEY, 0, 0, "custody/ledger.pub is missing from a signed ledger"));
    }
    if (expected != null && recorded != null && !Arrays.equals(expected.getEncoded(), recorded.getEncoded())) {
      problems.add(new Problem(Kind.WRONG_KEY, 0, 0, "custody/ledger.pub is key " + LedgerKeys.fingerprint(recorded)
          + ", not the expected key " + LedgerKeys.fingerprint(expected)));
    }
    PublicKey key = expected != null ? expected : recorded;
    String fp = key == null ? null : LedgerKeys.fingerprint(key);
    for (Row r : rows) {
      LedgerEntry e = r.entry();
      String where = at(r.line(), r.seq());
      if (e.signature() == null) {
        problems.add(new Problem(Kind.UNSIGNED, r.line(), r.seq(), where + ": unsigned entry in a signed ledger"));
      } else if (key != null && !fp.equals(e.content().key())) {
        problems.add(new Problem(Kind.WRONG_KEY, r.line(), r.seq(), where + ": signed with key "
            + e.content().key() + ", not " + fp));
      } else if (key != null && !LedgerKeys.verify(key, e.hash(), e.signature())) {
        problems.add(new Problem(Kind.BAD_SIGNATURE, r.line(), r.seq(), where + ": bad signature"));
      }
    }
    return true;
  }

  private static String at(long line, long seq) {
    return "line " + line + " (seq " + seq + ")";
  }
}
