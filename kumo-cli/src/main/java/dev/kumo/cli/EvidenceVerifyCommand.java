package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.respond.custody.LedgerKeys;
import dev.kumo.respond.custody.LedgerVerifier;
import dev.kumo.respond.custody.Problem;
import dev.kumo.respond.custody.Verification;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo evidence verify DIR}: exit 0 when the custody ledger verifies, 3 with each problem named. */
@Command(name = "verify", description = "Verify DIR/custody/ledger.jsonl: every entry's hash, the chain, seq order, "
    + "the head (a cut-off tail), every artifact's SHA-256, and signatures. Prints each problem on one line.")
final class EvidenceVerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The case directory (or an export).")
  Path caseDir;

  @Option(names = "--public-key", paramLabel = "FILE", description = "The Ed25519 public key the ledger must be "
      + "signed with (base64 DER as in ledger.pub, or PEM). Without it a signed ledger is checked against its own "
      + "ledger.pub.")
  Path publicKey;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PublicKey key = publicKey == null ? null
        : LedgerKeys.decode(Files.readString(publicKey, StandardCharsets.US_ASCII));
    Verification v = LedgerVerifier.verify(caseDir, key);
    for (Problem p : v.problems()) {
      out.println(Sanitize.terminal(p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "
          + p.message()));
    }
    if (v.ok()) {
      out.println("ledger OK: " + v.entries() + " entries, " + v.artifacts() + " artifacts, chain and hashes verified"
          + (v.signed() ? ", signatures verified" : ""));
    } else {
      out.println("ledger NOT OK: " + v.problems().size() + " problems in " + v.entries() + " entries");
    }
    out.flush();
    if (v.problems().size() == 1 && v.problems().get(0).kind() == Problem.Kind.MISSING) {
      return ExitCode.NO_INPUT;
    }
    return v.ok() ? ExitCode.OK : ExitCode.BAD_INPUT;
  }
}
