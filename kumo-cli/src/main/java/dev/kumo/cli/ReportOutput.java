package dev.kumo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Writes a rendered report to {@code --output FILE} or standard output. */
final class ReportOutput {
  private ReportOutput() {}

  /** Writes {@code text} to {@code file} (created or replaced) or, when null, to {@code out}. */
  static void write(String text, @Nullable Path file, PrintWriter out) throws IOException {
    if (file == null) {
      out.print(text);
      out.flush();
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
