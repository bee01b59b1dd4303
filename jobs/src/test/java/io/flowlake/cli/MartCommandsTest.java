package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import io.flowlake.api.RunRecord;
import io.flowlake.models.LakeFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * transform and export through the command line: each command opens and stops its own Spark
 * session, configured here through spark.* system properties as spark-submit would.
 */
class MartCommandsTest {

  @RegisterExtension final CommandLineSession session = new CommandLineSession();

  @Test
  void transformPrintsEachMartThenExportWritesThem(@TempDir Path dir) {
    String lake = dir.resolve("lake").toString();
    SparkSession spark = SparkTestSession.start();
    LakeFixture.write(spark, lake, List.of(run("r1", "completed"), run("r2", null)));
    spark.stop();

    CliErrors transformed = CliErrors.run("transform", "--lake", lake);

    assertThat(transformed.exitCode()).as(transformed.err()).isZero();
    assertThat(session.printed())
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
