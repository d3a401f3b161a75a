package dev.kumo.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The detection core stays a plain library. */
class ArchitectureTest {
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.kumo");

  @Test
  void core_dependsOnNoHeavyFramework() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.flink..", "org.apache.kafka..",
        "org.duckdb..", "io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..", "picocli..",
        "software.amazon.awssdk..").check(CORE);
  }

  @Test
  void core_neverWritesToStandardStreams() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
  }

  @Test
  void core_neverReadsTheWallClockDirectly() {
    noClasses().should().callMethod(java.time.Instant.class, "now").check(CORE);
  }
}
