package dev.kumo.cli;

import dev.kumo.cli.output.Sanitize;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kumo intel remove}: drops feeds from the local intel store. */
@Command(name = "remove", description = "Remove feeds from the local intel store.")
final class IntelRemoveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FEED", arity = "1..*", description = "Feed names (see kumo intel list).")
  List<String> feeds;

  @Override
  public Integer call() throws Exception {
    int missing = 0;
    for (String f : feeds) {
      if (IntelOptions.local().remove(f)) {
        spec.commandLine().getOut().println("removed " + Sanitize.terminal(f));
      } else {
        spec.commandLine().getErr().println("kumo: no feed named " + Sanitize.terminal(f) + " (see kumo intel list)");
        missing++;
      }
    }
    return missing > 0 ? ExitCode.NO_INPUT : ExitCode.OK;
  }
}
