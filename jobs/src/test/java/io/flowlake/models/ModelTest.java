package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every model test under {@code model-tests/}: hand-written input rows in, expected rows out.
 */
@ExtendWith(SharedSpark.class)
class ModelTest {

  private static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";

  private static final SparkSession spark = SharedSpark.session();
  private static final ModelCatalog catalog = ModelCatalog.load();
  private static final Map<String, StructType> schemas = ModelSchemas.of(spark, catalog);

  static Stream<ModelTestCase> cases() {
    return caseFiles().stream().map(ModelTestCase::read);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void modelReturnsTheExpectedRows(ModelTestCase testCase) {
    Model model = catalog.model(testCase.model());
    List<Model> computed = computedUpstream(model, testCase.inputs().keySet());
    assertThat(testCase.inputs().keySet())
        .as(
            "%s: inputs must be exactly the tables the model reads, or for an intermediate it"
                + " reads, that one's own inputs",
            testCase)
        .containsExactlyInAnyOrderElementsOf(inputsRead(model, computed));
    catalog.viewNames().forEach(view -> spark.catalog().dropTempView(view));
    testCase.registerInputs(spark, schemas);

    Dataset<Row> actual;
    List<Row> actualRows;
    spark.conf().set(SESSION_TIME_ZONE, testCase.sessionTimeZone());
    try {
      ModelRunner runner = new ModelRunner(spark, catalog);
      computed.forEach(upstream -> runner.query(upstream).createOrReplaceTempView(upstream.name()));
      actual = runner.query(model);
      actualRows = actual.collectAsList();
    } finally {
      spark.conf().set(SESSION_TIME_ZONE, ModelTestCase.DEFAULT_TIME_ZONE);
    }
    List<Row> expectedRows = testCase.expectedRows(spark, actual.schema());

    if (expectedRows.isEmpty()) {
      assertThat(actualRows).as("%s: %s", testCase, testCase.description()).isEmpty();
    } else {
      RowComparison.assertSameRows(
          testCase + ": " + testCase.description(),
          testCase.expectedColumns(),
          actualRows,
          expectedRows);
    }
  }

  /**
   * The intermediate models {@code model} reads that the test does not give but whose own inputs it
   * gives: the test's rows then go through them, as in a transform. A mart's cases can so keep
   * writing runs, one per line, however the runs are grouped before the mart reads them.
   */
  private static List<Model> computedUpstream(Model model, Set<String> given) {
    return model.dependsOn().stream()
        .filter(dependency -> !given.contains(dependency))
        .flatMap(dependency -> catalog.models().stream().filter(m -> m.name().equals(dependency)))
        .filter(upstream -> upstream.layer() == Layer.INTERMEDIATE)
        .filter(upstream -> given.containsAll(upstream.dependsOn()))
        .toList();
  }

  /** The tables a case gives: what the model reads, with each computed intermediate's inputs. */
  private static Set<String> inputsRead(Model model, List<Model> computed) {
    Set<String> read = new HashSet<>(model.dependsOn());
    for (Model upstream : computed) {
      read.remove(upstream.name());
      read.addAll(upstream.dependsOn());
    }
    return read;
  }

  @Test
  void everyModelHasATestCase() {
    Set<String> tested = new HashSet<>();
    caseFiles().forEach(file -> tested.add(file.getParent().getFileName().toString()));
    assertThat(tested).containsAll(catalog.models().stream().map(Model::name).toList());
    assertThat(catalog.models().stream().map(Model::name).toList()).containsAll(tested);
  }

  private static List<Path> caseFiles() {
    try (Stream<Path> files =
        Files.walk(Path.of(ModelTest.class.getResource("/model-tests").toURI()))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
