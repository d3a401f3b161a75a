package dev.kumo.respond.custody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a case's evidence package for a court or an auditor: the custody files ({@code custody/ledger.jsonl},
 * {@code custody/head}, {@code custody/ledger.pub} if signed), every recorded artifact at its recorded path,
 * a {@code SHA256SUMS} in exactly the format of {@code sha256sum} ({@code <64 hex>  <path>} lines, sorted by
 * path) and a {@code README.txt} on how to check it. An artifact's line carries the SHA-256 recorded at
 * acquisition, not a fresh one, so {@code sha256sum -c SHA256SUMS} fails on any file changed since.
 * The package has the case layout, so {@link LedgerVerifier} runs on it too.
 */
public final class EvidenceExport {
  /**
   * What was exported.
   *
   * @param files lines in SHA256SUMS
   * @param notes things the reader should know (an artifact recorded more than once with different hashes)
   */
  public record Result(int files, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  private EvidenceExport() {}

  /**
   * Exports {@code caseDir}'s evidence to {@code outDir}, which must be absent or empty.
   *
   * @throws IOException if there is no ledger, a file cannot be read or written, a recorded path leaves the case
   *     directory or cannot be written in a sha256sum manifest, or {@code outDir} is not empty
   */
  public static Result write(Path caseDir, Path outDir) throws IOException {
    Path ledger = LedgerFiles.ledger(caseDir);
    if (!Files.isRegularFile(ledger)) {
      throw new IOException("no custody ledger at " + ledger);
    }
    if (Files.isDirectory(outDir)) {
      try (Stream<Path> s = Files.list(outDir)) {
        if (s.findAny().isPresent()) {
          throw new IOException("export directory " + outDir + " is not empty");
        }
      }
    }
    Path base = caseDir.toAbsolutePath().normalize();
    Files.createDirectories(LedgerFiles.dir(outDir));
    byte[] ledgerBytes = Files.readAllBytes(ledger);
    Map<String, String> sums = new TreeMap<>();
    Map<String, Long> recordedAt = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    for (String line : new String(ledgerBytes, StandardCharsets.UTF_8).split("\n")) {
      ArtifactRef a;
      long seq;
      try {
        LedgerEntry e = LedgerCodec.parse(line);
        a = e.content().artifact();
        seq = e.seq();
      } catch (LedgerFormatException e) {
        continue; // reported by LedgerVerifier, which exports run first
      }
      if (a == null) {
        continue;
      }
      Path src = base.resolve(a.path()).normalize();
      if (Path.of(a.path()).isAbsolute() || !src.startsWith(base) || src.equals(base)
          || a.path().startsWith("custody/") || a.path().matches(".*[\\n\\r\\\\].*")) {
        throw new IOException("artifact path '" + a.path() + "' (seq " + seq + ") cannot be exported");
      }
      String before = sums.put(a.path(), a.sha256());
      if (before != null && !before.equals(a.sha256())) {
        notes.add(a.path() + " was recorded again with another SHA-256 at seq " + seq + " (before: seq "
            + recordedAt.get(a.path()) + "); SHA256SUMS lists the latest");
      }
      recordedAt.put(a.path(), seq);
      Path dst = outDir.resolve(a.path());
      Files.createDirectories(dst.getParent());
      Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.write(LedgerFiles.ledger(outDir), ledgerBytes);
    sums.put("custody/ledger.jsonl", Sha256.hex(ledgerBytes));
    for (Path p : List.of(LedgerFiles.head(caseDir), LedgerFiles.publicKey(caseDir))) {
      if (Files.isRegularFile(p)) {
        byte[] b = Files.readAllBytes(p);
        Files.write(LedgerFiles.dir(outDir).resolve(p.getFileName().toString()), b);
        sums.put("custody/" + p.getFileName(), Sha256.hex(b));
      }
    }
    StringBuilder sb = new StringBuilder();
    sums.forEach((path, hash) -> sb.append(hash).append("  ").append(path).append('\n'));
    Files.writeString(outDir.resolve("SHA256SUMS"), sb.toString(), StandardCharsets.UTF_8);
    Files.writeString(outDir.resolve("README.txt"), README, StandardCharsets.UTF_8);
    return new Result(sums.size(), notes);
  }

  private static final String README = """
      Kumo evidence export
      ====================

      1. Check every file against the SHA-256 recorded when it was acquired:

           sha256sum -c SHA256SUMS

         Every line must say OK. The ledger's own hash is listed too.

      2. Check the chain of custody in custody/ledger.jsonl (one JSON entry per line). Each line is its
         canonical form with ,"hash":"..." (and ,"signature":"..." when signed) added before the closing
         brace; "hash" is the SHA-256 of the canonical form, and "prev" is the previous entry's "hash"
         (64 zeros for seq 1). Recompute every hash with standard tools:

           while IFS= read -r line; do
             printf '%s' "$line" | sed -E 's#,"hash":"[0-9a-f]{64}"(,"signature":"[A-Za-z0-9+/=]+")?}$#}#' | sha256sum
           done < custody/ledger.jsonl

         Each result must equal that line's "hash" and the next line's "prev"; seq must count 1, 2, 3, ...
         custody/head holds the last seq and hash: it must match the last line (a cut-off tail shows here).

      3. Signed ledgers: custody/ledger.pub is the Ed25519 public key (base64 X.509 DER); "signature" is
         the base64 Ed25519 signature over the 64 ASCII characters of "hash", and "key" is the SHA-256 of
         the key's DER bytes. Compare that fingerprint with the one you were given out of band.

      Or, with Kumo:  kumo evidence verify . [--public-key FILE]
      """;
}
