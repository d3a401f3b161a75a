package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import dev.kumo.respond.custody.EvidenceExport;
import dev.kumo.respond.custody.LedgerVerifier;
import dev.kumo.respond.custody.Problem;
import dev.kumo.respond.custody.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo evidence export DIR -o OUTDIR}: a package checkable with {@code sha256sum -c SHA256SUMS}. */
@Command(name = "export", description = "Copy the custody ledger, its key and every recorded artifact to OUTDIR "
    + "with SHA256SUMS (the hashes recorded at acquisition) and a README on checking them. Refuses a ledger that "
    + "does not verify.")
final class EvidenceExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The case directory.")
  Path caseDir;

  @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", required = true,
      description = "Directory to write (absent or empty).")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Verification v = LedgerVerifier.verify(caseDir, null);
    if (!v.ok()) {
      for (Problem p : v.problems()) {
        err.println(Sanitize.terminal(p.message()));
      }
      err.println("kumo: not exported: the custody ledger does not verify");
      err.flush();
      return v.problems().get(0).kind() == Problem.Kind.MISSING ? ExitCode.NO_INPUT : ExitCode.BAD_INPUT;
    }
    EvidenceExport.Result r = EvidenceExport.write(caseDir, output);
    for (String note : r.notes()) {
      err.println("note: " + Sanitize.terminal(note));
    }
    out.println(Sanitize.terminal("exported " + r.files() + " files to " + output + "; check with: cd " + output
        + " && sha256sum -c SHA256SUMS"));
    out.flush();
    err.flush();
    return ExitCode.OK;
  }
}
