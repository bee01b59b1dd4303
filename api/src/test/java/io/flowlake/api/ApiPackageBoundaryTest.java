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
 * it can be tested and reused without a Spark session.
 */
class ApiPackageBoundaryTest {

  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.flowlake.api");

  @Test
  void apiUsesNoSparkScalaDeltaOrHadoop() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..", "io.delta..", "org.apache.hadoop..")
        .check(API);
  }

  @Test
  void apiUsesNoOtherFlowlakePackage() {
    noClasses()
        .should()
        .dependOnClassesThat(
            and(resideInAPackage("io.flowlake.."), resideOutsideOfPackage("io.flowlake.api..")))
        .check(API);
  }
}
