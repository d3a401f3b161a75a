package dev.kumo.respond.custody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds small ledgers for tests and edits their lines. */
final class LedgerFixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  private LedgerFixtures() {}

  static KeyPair keys() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  /** Five entries: action, api-call, artifact (evidence/state.json), hand-over, note. */
  static CustodyLedger fiveEntries(Path caseDir, @Nullable KeyPair signer) throws Exception {
    CustodyLedger l = CustodyLedger.open(caseDir, CLOCK, "alice", signer);
    l.append(EntryKind.ACTION, "isolate i-0abc", Map.of("step", "isolate"));
    l.append(EntryKind.API_CALL, "ec2 ModifyInstanceAttribute", Map.of("service", "ec2",
        "operation", "ModifyInstanceAttribute", "request_id", "req-1", "outcome", "ok"));
    Path f = caseDir.resolve("evidence/state.json");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "{\"InstanceId\":\"i-0abc\"}");
    l.artifact(f, "instance state");
    l.handOver("bob", "snapshots to the forensic account");
    l.append(EntryKind.NOTE, "analysis started", Map.of());
    return l;
  }

  static List<String> lines(Path caseDir) throws Exception {
    return new ArrayList<>(Files.readAllLines(LedgerFiles.ledger(caseDir), StandardCharsets.UTF_8));
  }

  static void write(Path caseDir, List<String> lines) throws Exception {
    Files.writeString(LedgerFiles.ledger(caseDir), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
