package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import io.flowlake.api.RunRecord;
import io.flowlake.models.LakeFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * transform and export as the CLI runs them: each command opens and stops its own Spark session,
 * configured here through spark.* system properties as spark-submit would.
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

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void sparkSubmitProperties() {
    SPARK_PROPERTIES.forEach(System::setProperty);
  }

  @AfterEach
  void clearProperties() {
    SPARK_PROPERTIES.keySet().forEach(System::clearProperty);
  }

  @Test
  void transformPrintsEachMartThenExportWritesThem(@TempDir Path dir) {
    String lake = dir.resolve("lake").toString();
    SparkSession spark = SparkTestSession.start();
    LakeFixture.write(spark, lake, List.of(run("r1", "completed"), run("r2", null)));
    spark.stop();

    int transformed = command(new TransformCommand()).execute("--lake", lake);

    assertThat(transformed).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("flow_summary +1 rows")
        .containsPattern("flow_results_wide +2 rows")
        .containsPattern("audits: \\d+ passed");

    Path export = dir.resolve("export");
    int exported =
        command(new ExportCommand())
            .execute("--lake", lake, "--format", "csv", "--out", export.toString());

    assertThat(exported).as(err.toString()).isZero();
    assertThat(export.resolve("manifest.json")).exists();
    assertThat(export.resolve("_SUCCESS")).exists();
  }

  @Test
  void transformOfAMissingLakeFailsWithOneLine(@TempDir Path dir) {
    int code = command(new TransformCommand()).execute("--lake", dir.resolve("nothing").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("transform failed: no Delta table at")
        .doesNotContain("\n");
  }

  @Test
  void exportRejectsAnUnknownFormatBeforeStartingSpark() {
    int code =
        command(new ExportCommand())
            .execute("--lake", "/tmp/lake", "--format", "xlsx", "--out", "/tmp/out");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown export format 'xlsx': use csv or parquet");
  }

  @Test
  void lakeIsRequired() {
    assertThat(command(new TransformCommand()).execute()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--lake=DIR'");
  }

  private CommandLine command(Object command) {
    return new CommandLine(command)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
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
