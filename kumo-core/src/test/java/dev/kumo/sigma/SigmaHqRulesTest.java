package dev.kumo.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.detect.EngineBuilder;
import dev.kumo.sigma.compile.CompileOptions;
import dev.kumo.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every SigmaHQ rule shipped in ../shared/sigma/rules loads and compiles. */
class SigmaHqRulesTest {

  @Test
  void sigmaHqRules_allLoadAndCompileWithoutErrors() {
    Path rules = SharedData.require("sigma/rules");
    RuleLoadResult loaded = new RuleLoader().load(List.of(rules));
    assertThat(loaded.errors()).as(loaded.errors().stream().map(LoadProblem::format).collect(Collectors.joining("\n")))
        .isEmpty();
    assertThat(loaded.rules()).hasSize(294);
    EngineBuilder.Result built = EngineBuilder.defaults(CompileOptions.defaults()).build(loaded.rules());
    assertThat(built.problems()).noneMatch(LoadProblem::isError);
  }

  @Test
  void legacyAndPlaceholderRules_areRejectedWithReason() {
    Path root = SharedData.require("sigma");
    RuleLoadResult unsupported = new RuleLoader().load(List.of(root.resolve("unsupported")));
    assertThat(unsupported.rules()).isEmpty();
    assertThat(unsupported.errors()).hasSize(9)
        .allSatisfy(p -> assertThat(p.message()).containsAnyOf("aggregation", "timeframe"));
    RuleLoadResult placeholders = new RuleLoader().load(List.of(root.resolve("rules-placeholder")));
    assertThat(placeholders.errors()).isNotEmpty()
        .allSatisfy(p -> assertThat(p.message()).contains("placeholder"));
  }
}
