package dev.kumo.respond.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kumo keeps the original for analysis: no source of the module may terminate, or delete evidence. A call
 * shows as the SDK method ({@code .terminateInstances(}), its request class ({@code TerminateInstancesRequest})
 * or the operation name as a string literal ({@code "TerminateInstances"}, as a plan's API call would carry it);
 * prose that names the operation (to say Kumo never makes it) is fine.
 */
class NoDestructiveCallsTest {
  private static final List<String> FORBIDDEN = List.of("TerminateInstances", "DeleteSnapshot", "DeleteVolume",
      "DeregisterImage", "DeleteBucket", "DeleteObject", "DeleteObjects", "ScheduleKeyDeletion");

  @Test
  void mainSources_neverCallTerminateOrDelete() throws IOException {
    Path main = Path.of("src/main");
    assertThat(main).isDirectory();
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yaml"))
          .toList();
      assertThat(sources).isNotEmpty();
      for (Path file : sources) {
        String text = Files.readString(file);
        for (String op : FORBIDDEN) {
          String method = "." + Character.toLowerCase(op.charAt(0)) + op.substring(1) + "(";
          assertThat(text).as("%s must not call %s", file, op)
              .doesNotContain(method, op + "Request", "\"" + op + "\"");
        }
      }
    }
  }
}
