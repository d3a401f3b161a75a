package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  @ParameterizedTest
  @ValueSource(strings = {"hunt", "demo", "rules", "rules lint", "rules explain", "rules test", "sources", "export",
      "bench", "replay"})
  void help_onEverySubcommand_printsUsageAndExitsZero(String command) {
    String[] words = (command + " --help").split(" ");
    Cli.Result r = Cli.run(words);

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Usage: kumo " + command);
  }

  @Test
  void sources_markdown_printsOneTableRowPerSource() {
    Cli.Result r = Cli.run("sources", "--format", "markdown");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).startsWith("| Source id | What | Layouts | OCSF class | Sigma logsource |")
        .contains("| `aws.cloudtrail` | AWS CloudTrail |", "`{product: aws, service: cloudtrail}`");
  }

  @Test
  void sources_unknownFormat_isUsageError() {
    assertThat(Cli.run("sources", "--format", "html").exit()).isEqualTo(ExitCode.USAGE);
  }
}
