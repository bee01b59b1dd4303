package io.flowlake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package edges of ARCHITECTURE.md true. */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.flowlake");
  }

  @Test
  void apiClientHasNoSpark() {
    noClasses()
        .that()
        .resideInAPackage("io.flowlake.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..", "io.delta..")
        .check(production);
  }

  @Test
  void theOptionRegistryHasNoSpark() {
    noClasses()
        .that()
        .resideInAPackage("io.flowlake.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..", "io.delta..", "picocli..")
        .check(production);
  }

  /** Maven keeps the simulator off the compile classpath too; this says why a test sees it. */
  @Test
  void productionNeverUsesTheSimulator() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.flowlake.simulator..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.flowlake.simulator..")
        .check(production);
  }

  @Test
  void apiAndConfigDependOnNoOtherFlowlakePackage() {
    noClasses()
        .that()
        .resideInAnyPackage("io.flowlake.api..", "io.flowlake.config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.flowlake.source..",
            "io.flowlake.lake..",
            "io.flowlake.models..",
            "io.flowlake.pull..",
            "io.flowlake.cli..",
            "io.flowlake.simulator..")
        .check(production);
  }

  @Test
  void libraryPackagesDoNotDependOnTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.flowlake.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.flowlake.cli..")
        .check(production);
  }

  @Test
  void theSourceDoesNotKnowTheLake() {
    noClasses()
        .that()
        .resideInAPackage("io.flowlake.source..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.flowlake.lake..", "io.flowlake.pull..", "io.flowlake.models..")
        .check(production);
  }
}
