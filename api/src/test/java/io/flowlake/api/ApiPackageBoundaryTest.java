package io.flowlake.api;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * {@code io.flowlake.api} is plain Java: the Spark source and the CLI use it, it uses neither, so
 * it can be tested and reused without a Spark session. Its only flowlake neighbour is {@code
 * io.flowlake.config} (the option registry and {@code ConfigException}), which uses nothing of
 * flowlake's in turn.
 */
class ApiPackageBoundaryTest {

  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.flowlake.api", "io.flowlake.config");

  @Test
  void apiUsesNoSparkScalaDeltaOrHadoop() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..", "io.delta..", "org.apache.hadoop..")
        .check(API);
  }

  @Test
  void apiUsesNoOtherFlowlakePackageThanConfig() {
    noClasses()
        .that()
        .resideInAPackage("io.flowlake.api..")
        .should()
        .dependOnClassesThat(
            and(
                resideInAPackage("io.flowlake.."),
                and(
                    resideOutsideOfPackage("io.flowlake.api.."),
                    resideOutsideOfPackage("io.flowlake.config.."))))
        .check(API);
  }

  @Test
  void configUsesNoOtherFlowlakePackage() {
    noClasses()
        .that()
        .resideInAPackage("io.flowlake.config..")
        .should()
        .dependOnClassesThat(
            and(resideInAPackage("io.flowlake.."), resideOutsideOfPackage("io.flowlake.config..")))
        .check(API);
  }
}
