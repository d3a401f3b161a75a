package dev.kumo.flink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * JUnit 4 is on this module's test classpath only because Flink's {@code MiniClusterExtension} needs its classes;
 * the vintage engine is not, so a JUnit 4 test would silently never run. This keeps them out.
 */
class JUnit5OnlyTest {
  @Test
  void tests_useNoJUnit4() throws URISyntaxException {
    // Only this module's test classes: scanning the classpath for the package would open every Flink jar.
    JavaClasses tests = new ClassFileImporter()
        .importPath(Path.of(JUnit5OnlyTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.junit", "org.junit.rules..", "org.junit.runner..", "org.junit.experimental..")
        .check(tests);
  }
}
