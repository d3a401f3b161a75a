package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.respond.custody.CustodyLedger;
import dev.kumo.respond.custody.EntryKind;
import dev.kumo.respond.custody.LedgerFiles;
import dev.kumo.respond.custody.LedgerKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kumo evidence verify|export, end to end. Needs EvidenceCommand registered in Main. */
class EvidenceCommandTest {
  @TempDir
  Path dir;

  private Path caseWithLedger(KeyPair signer) throws Exception {
    Path c = dir.resolve("case");
    CustodyLedger l = CustodyLedger.open(c, Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC),
        "alice", signer);
    l.append(EntryKind.API_CALL, "ec2 CreateSnapshot \u001b[31m", Map.of("request_id", "req-1"));
    Path f = Files.writeString(Files.createDirectories(c.resolve("evidence")).resolve("state.json"), "{}");
    l.artifact(f, "instance state");
    return c;
  }

  @Test
  void verify_untouchedSignedLedger_exitsOkWithTheClosingLine() throws Exception {
    KeyPair k = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path c = caseWithLedger(k);
    Path pub = Files.writeString(dir.resolve("alice.pub"), LedgerKeys.encode(k.getPublic()));

    Cli.Result r = Cli.run("evidence", "verify", c.toString(), "--public-key", pub.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).isEqualTo("ledger OK: 2 entries, 1 artifacts, chain and hashes verified, signatures verified"
        + System.lineSeparator());
  }

  @Test
  void verify_tamperedLedger_printsEachProblemSanitized_andExitsBadInput() throws Exception {
    Path c = caseWithLedger(null);
    List<String> lines = Files.readAllLines(LedgerFiles.ledger(c));
    Files.writeString(LedgerFiles.ledger(c), lines.get(0).replace("CreateSnapshot", "CreateSnapshoT") + "\n");

    Cli.Result r = Cli.run("evidence", "verify", c.toString());

    assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.out()).contains("changed: line 1 (seq 1): changed: its content does not match its hash",
        "tail-deleted: tail deleted: the ledger ends at seq 1 but custody/head records seq 2",
        "ledger NOT OK: 2 problems in 1 entries").doesNotContain("\u001b");
  }

  @Test
  void verify_noLedger_exitsNoInput() {
    assertThat(Cli.run("evidence", "verify", dir.toString()).exit()).isEqualTo(ExitCode.NO_INPUT);
  }

  @Test
  void export_writesSha256sums_andRefusesATamperedLedger() throws Exception {
    Path c = caseWithLedger(null);

    Cli.Result r = Cli.run("evidence", "export", c.toString(), "-o", dir.resolve("out").toString());

    assertThat(r.exit()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("exported 3 files", "sha256sum -c SHA256SUMS");
    assertThat(Files.readString(dir.resolve("out/SHA256SUMS"))).contains("  evidence/state.json\n");

    Files.writeString(c.resolve("evidence/state.json"), "{ }");
    Cli.Result bad = Cli.run("evidence", "export", c.toString(), "-o", dir.resolve("out2").toString());
    assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(bad.err()).contains("artifact evidence/state.json: changed", "not exported");
    assertThat(dir.resolve("out2")).doesNotExist();
  }
}
