package dev.kumo.respond.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Kumo keeps the original for analysis: no source of the module may terminate, or delete evidence. */
class NoDestructiveCallsTest {
  private static final List<String> FORBIDDEN = List.of(
      "terminateinstances", "deletesnapshot", "deletevolume", "deregisterimage", "deletebucket", "deleteobject",
      "schedulekeydeletion");

  @Test
  void mainSources_neverCallTerminateOrDelete() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
      assertThat(sources).isNotEmpty();
      for (Path file : sources) {
        String text = Files.readString(file).toLowerCase(Locale.ROOT);
        for (String call : FORBIDDEN) {
          assertThat(text).as("%s must not mention %s", file, call).doesNotContain(call);
        }
      }
    }
  }
}
