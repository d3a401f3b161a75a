package dev.kumo.respond.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceExportTest {
  @TempDir
  Path dir;

  private static boolean hasSha256sum() {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "sha256sum")));
  }

  private static int sha256sumCheck(Path out) throws Exception {
    Process p = new ProcessBuilder("sha256sum", "-c", "SHA256SUMS").directory(out.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor();
  }

  @Test
  void write_listsEveryArtifactAndTheLedger_sortedInSha256sumFormat() throws Exception {
    Path c = dir.resolve("case");
    LedgerFixtures.fiveEntries(c, LedgerFixtures.keys());
    Path out = dir.resolve("out");

    EvidenceExport.Result r = EvidenceExport.write(c, out);

    String ledgerSum = Sha256.hex(Files.readAllBytes(LedgerFiles.ledger(c)));
    String stateSum = Sha256.file(c.resolve("evidence/state.json")).sha256();
    assertThat(Files.readAllLines(out.resolve("SHA256SUMS"))).containsExactly(
        Sha256.hex(Files.readAllBytes(LedgerFiles.head(c))) + "  custody/head",
        ledgerSum + "  custody/ledger.jsonl",
        Sha256.hex(Files.readAllBytes(LedgerFiles.publicKey(c))) + "  custody/ledger.pub",
        stateSum + "  evidence/state.json");
    assertThat(r.files()).isEqualTo(4);
    assertThat(Files.readString(out.resolve("README.txt"))).contains("sha256sum -c SHA256SUMS");
    assertThat(LedgerVerifier.verify(out, null).problems()).isEmpty();
  }

  @Test
  void sha256sum_acceptsTheExport_andRejectsItAfterOneArtifactByteChanges() throws Exception {
    assumeTrue(hasSha256sum(), "sha256sum (coreutils) is not installed: skipping the real-tool check");
    Path c = dir.resolve("case");
    LedgerFixtures.fiveEntries(c, null);
    Path out = dir.resolve("out");
    EvidenceExport.write(c, out);

    assertThat(sha256sumCheck(out)).isZero();

    Path f = out.resolve("evidence/state.json");
    byte[] b = Files.readAllBytes(f);
    b[0] ^= 1;
    Files.write(f, b);
    assertThat(sha256sumCheck(out)).isNotZero();
  }

  @Test
  void readmeRecipe_recomputesEveryLedgerHash() throws Exception {
    assumeTrue(hasSha256sum() && Files.isExecutable(Path.of("/bin/sh")), "no sha256sum or sh");
    Path c = dir.resolve("case");
    LedgerFixtures.fiveEntries(c, LedgerFixtures.keys());
    Path out = dir.resolve("out");
    EvidenceExport.write(c, out);
    String readme = Files.readString(out.resolve("README.txt"));
    String loop = readme.substring(readme.indexOf("while IFS="), readme.indexOf("done < custody/ledger.jsonl")
        + "done < custody/ledger.jsonl".length());

    Process p = new ProcessBuilder("/bin/sh", "-c", loop).directory(out.toFile()).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();

    String expected = LedgerFixtures.lines(c).stream().map(l -> {
      try {
        return LedgerCodec.parse(l).hash() + "  -";
      } catch (LedgerFormatException e) {
        throw new AssertionError(e);
      }
    }).reduce("", (a, b2) -> a + b2 + "\n");
    assertThat(printed).isEqualTo(expected);
  }
}
