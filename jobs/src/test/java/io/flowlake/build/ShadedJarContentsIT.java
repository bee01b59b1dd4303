package io.flowlake.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The spark-submit jar holds flowlake's production packages and what a cluster lacks (Delta, Unity
 * Catalog's client, picocli relocated, the PostgreSQL driver), and nothing else: no simulator, no
 * demo, no second copy of Spark, Hadoop, Jackson or Scala. Runs after {@code package}, so a build
 * that would ship anything unexpected fails in {@code verify}.
 */
class ShadedJarContentsIT {

  /** Every entry must start with one of these. Delta's jar adds classes under Spark's packages. */
  private static final List<String> ALLOWED =
      List.of(
          "io/flowlake/api/",
          "io/flowlake/cli/",
          "io/flowlake/config/",
          "io/flowlake/lake/",
          "io/flowlake/models/",
          "io/flowlake/ops/",
          "io/flowlake/privacy/",
          "io/flowlake/pull/",
          "io/flowlake/source/",
          "io/flowlake/warehouse/",
          "io/flowlake/shaded/picocli/",
          "sql/",
          "io/delta/",
          "delta/",
          "org/apache/spark/sql/delta/",
          "org/apache/spark/sql/catalyst/",
          "org/apache/spark/sql/execution/",
          "org/apache/spark/sql/util/",
          "org/apache/spark/sql/types/",
          "com/databricks/spark/",
          "io/unitycatalog/",
          "org/postgresql/",
          "error/delta-error-classes.json",
          "org/apache/spark/SparkLayout.json", // in Delta's own jar
          "META-INF/");

  /** Directory entries above the allowed packages. */
  private static final List<String> PARENTS =
      List.of(
          "io/",
          "io/flowlake/",
          "io/flowlake/shaded/",
          "org/",
          "org/apache/",
          "org/apache/spark/",
          "org/apache/spark/sql/",
          "com/",
          "com/databricks/",
          "error/",
          "NOTICE.txt");

  @Test
  void theSparkSubmitJarHoldsOnlyWhatAClusterLacks() throws IOException {
    List<String> entries = entries(shadedJar());

    assertThat(entries).as("entries of the spark-submit jar").isNotEmpty();
    assertThat(entries)
        .as("entries of the spark-submit jar outside the expected packages")
        .filteredOn(e -> !expected(e))
        .isEmpty();
    assertThat(entries)
        .as("simulator and demo classes")
        .noneMatch(
            e -> e.startsWith("io/flowlake/simulator/") || e.startsWith("io/flowlake/demo/"));
    assertThat(entries).contains("io/flowlake/cli/FlowlakeCli.class", "sql/models.yml");
  }

  private static boolean expected(String entry) {
    return ALLOWED.stream().anyMatch(entry::startsWith) || PARENTS.contains(entry);
  }

  private static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-spark.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no *-spark.jar in target/: run 'mvn package'"));
    }
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(e -> e.getName()).toList();
    }
  }
}
