package dev.kumo.ruletest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.attack.AttackCatalog;
import dev.kumo.attack.AttackInfo;
import dev.kumo.detect.LoadedRules;
import dev.kumo.ingest.LogSources;
import dev.kumo.sigma.LoadProblem;
import dev.kumo.sigma.RuleLoader;
import dev.kumo.sigma.SigmaRule;
import dev.kumo.sigma.compile.CompileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The built-in rule pack loads cleanly, is fully listed, and every rule passes its own tests. */
class BuiltinPackTest {
  private static final Path PACK = Path.of("src/main/resources/dev/kumo/rules");

  @Test
  void index_listsEveryFileOfThePack() throws IOException {
    Set<String> onDisk = new TreeSet<>();
    try (Stream<Path> s = Files.walk(PACK)) {
      s.filter(Files::isRegularFile).map(p -> PACK.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals("index.txt")).forEach(onDisk::add);
    }
    assertThat(new TreeSet<>(RuleLoader.builtinFiles())).isEqualTo(onDisk);
  }

  @Test
  void pack_loadsWithoutProblemsAndHasAtLeast25Rules() {
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    assertThat(rules.problems()).as(rules.problems().stream().map(LoadProblem::format)
        .collect(Collectors.joining("\n"))).isEmpty();
    long findingRules = rules.rules().stream().filter(r -> r.meta().effectiveLevel().atLeast(dev.kumo.sigma.Level.LOW))
        .count();
    assertThat(findingRules).isGreaterThanOrEqualTo(25);
    assertThat(rules.unrouted()).isEmpty();
  }

  @Test
  void everyRule_hasValidAttackTagsAndAThreatCategory() {
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    AttackCatalog catalog = AttackCatalog.bundled();
    for (SigmaRule r : rules.rules()) {
      AttackInfo a = catalog.fromTags(r.meta().tags());
      assertThat(a.unknownTechniques()).as(r.meta().key()).isEmpty();
      // rules tagged kumo.signal re-raise another product's findings (GuardDuty, Security Hub): the
      // technique and threat vary per finding, so the rule names none
      boolean importedSignal = r.meta().tags().contains("kumo.signal");
      if (r.meta().effectiveLevel().atLeast(dev.kumo.sigma.Level.LOW) && !importedSignal) {
        assertThat(a.techniques()).as("techniques of " + r.meta().key()).isNotEmpty();
        assertThat(a.tactics()).as("tactics of " + r.meta().key()).isNotEmpty();
        assertThat(r.meta().tags()).as("threat of " + r.meta().key()).anyMatch(t -> t.startsWith("kumo.threat."));
      }
      assertThat(r.meta().author()).isEqualTo("Kumo");
    }
  }

  @Test
  void everyDetector_hasAttackTagsTheCatalogKnows() {
    AttackCatalog catalog = AttackCatalog.bundled();
    for (dev.kumo.detector.Detector d : dev.kumo.detector.BuiltinDetectors.create(
        dev.kumo.detector.DetectorConfig.DEFAULTS, dev.kumo.intel.Intel.builtin())) {
      AttackInfo a = catalog.fromTags(d.meta().tags());
      assertThat(a.unknownTechniques()).as(d.meta().key()).isEmpty();
      assertThat(a.techniques()).as("techniques of " + d.meta().key()).isNotEmpty();
      assertThat(a.tactics()).as("tactics of " + d.meta().key()).isNotEmpty();
    }
  }

  @Test
  void ruleTests_allPassAndEveryRuleHasPositiveAndNegativeCases() throws IOException {
    LoadedRules rules = LoadedRules.load(true, List.of(), CompileOptions.defaults());
    RuleTestRunner.Report report = new RuleTestRunner(rules, LogSources.defaults()).run(RuleTestFiles.builtin());
    assertThat(report.errors()).isEmpty();
    assertThat(report.results()).isNotEmpty();
    assertThat(report.results().stream().filter(r -> !r.passed()).map(r -> r.file() + ":" + r.line() + " " + r.caseName())
        .toList()).isEmpty();
    for (SigmaRule r : rules.rules()) {
      boolean[] cov = report.coverage().get(r.meta());
      assertThat(cov).as("tests of " + r.meta().key()).isNotNull();
      assertThat(cov[0]).as("positive case for " + r.meta().key()).isTrue();
      assertThat(cov[1]).as("negative case for " + r.meta().key()).isTrue();
    }
  }
}
