package dev.kumo.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the kumo command line in-process and captures what it prints. */
final class Cli {
  record Result(int exit, String out, String err) {}

  private Cli() {}

  /** {@code kumo respond ARGS}. */
  static Result respond(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "respond";
    System.arraycopy(args, 0, all, 1, args.length);
    return run(all);
  }

  static synchronized Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      System.out.flush();
      System.err.flush();
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
