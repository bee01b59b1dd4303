package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import io.flowlake.api.RunRecord;
import io.flowlake.models.LakeFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * transform and export through the command line: each command opens and stops its own Spark
 * session, configured here through spark.* system properties as spark-submit would.
 */
class MartCommandsTest {

  private static final Map<String, String> SPARK_PROPERTIES =
      Map.of(
          "spark.master", "local[2]",
          "spark.ui.enabled", "false",
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1",
          "spark.sql.shuffle.partitions", "2",
          "spark.databricks.delta.snapshotPartitions", "2");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream stdout;

  @BeforeEach
  void sparkSubmitProperties() {
    SPARK_PROPERTIES.forEach(System::setProperty);
    stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void clearProperties() {
    System.setOut(stdout);
    SPARK_PROPERTIES.keySet().forEach(System::clearProperty);
  }

  @Test
  void transformPrintsEachMartThenExportWritesThem(@TempDir Path dir) {
    String lake = dir.resolve("lake").toString();
    SparkSession spark = SparkTestSession.start();
    LakeFixture.write(spark, lake, List.of(run("r1", "completed"), run("r2", null)));
    spark.stop();

    CliErrors transformed = CliErrors.run("transform", "--lake", lake);

    assertThat(transformed.exitCode()).as(transformed.err()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("flow_summary +1 rows")
        .containsPattern("flow_results_wide +2 rows")
        .containsPattern("audits: \\d+ passed");

    Path export = dir.resolve("export");
    CliErrors exported =
        CliErrors.run("export", "--lake", lake, "--format", "csv", "--out", export.toString());

    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(export.resolve("manifest.json")).exists();
    assertThat(export.resolve("_SUCCESS")).exists();
  }

  @Test
  void transformOfAMissingLakeFailsWithOneLine(@TempDir Path dir) {
    CliErrors result = CliErrors.run("transform", "--lake", dir.resolve("nothing").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("flowlake transform: no Delta table at");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  @Test
  void exportRejectsAnUnknownFormatBeforeStartingSpark() {
    CliErrors result =
        CliErrors.run("export", "--lake", "/tmp/lake", "--format", "xlsx", "--out", "/tmp/out");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("unknown export format 'xlsx': use csv or parquet");
    assertThat(result.lineCount()).isEqualTo(1);
  }

  private static RunRecord run(String uuid, String exitType) {
    Instant start = Instant.parse("2024-03-01T10:00:00Z");
    return new RunRecord(
        uuid,
        null,
        "f1",
        "Survey",
        null,
        null,
        false,
        null,
        Map.of(),
        start,
        start.plusSeconds(60),
        exitType == null ? null : start.plusSeconds(60),
        exitType);
  }
}
