package io.flowlake.simulator;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.flowlake.api.Contact;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.NamedRef;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator stands in for RapidPro, so it must not share code with the client it tests: from
 * {@code api} it uses the records of the run and contact model only, and it runs without Spark.
 */
class SimulatorBoundariesTest {
  private static final JavaClasses SIMULATOR =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("io.flowlake.simulator");

  private static final Set<String> MODEL =
      Set.of(
          RunRecord.class.getName(),
          Contact.class.getName(),
          PathStep.class.getName(),
          ResultValue.class.getName(),
          ContactRecord.class.getName(),
          NamedRef.class.getName(),
          ContactField.class.getName(),
          ContactGroup.class.getName());

  @Test
  void usesOnlyTheModelFromTheApiPackage() {
    noClasses()
        .should()
        .dependOnClassesThat(
            describe(
                "are in io.flowlake.api but not the model",
                c -> c.getPackageName().equals("io.flowlake.api") && !MODEL.contains(c.getName())))
        .check(SIMULATOR);
  }

  @Test
  void hasNoSparkDependency() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "io.delta..", "scala..")
        .check(SIMULATOR);
  }
}
