package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.models.LakeFixture;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * transform and export through the command line, as spark-submit runs them: each command works in
 * the Spark session it finds (here the tests' own) and leaves it running.
 */
@ExtendWith(SharedSpark.class)
class MartCommandsTest {

  @RegisterExtension final InProcessCli cli = new InProcessCli();

  @Test
  void transformMigratesAnOldLakePrintsEachMartThenExportWritesThem(
      SparkSession spark, @TempDir Path dir) {
    String lake = dir.resolve("lake").toString();
    LakeFixture.write(spark, lake, List.of(run("r1", "completed"), run("r2", null)));
    // a lake transformed by an older release still has the one wide results mart
    Path wide = dir.resolve("lake/marts/flow_results_wide");
    spark.range(2).write().format("delta").save(wide.toString());

    CliResult transformed = cli.run("transform", "--lake", lake);

    assertThat(transformed.exitCode()).as(transformed.err()).isZero();
    assertThat(spark.sparkContext().isStopped()).as("the session the command found").isFalse();
    assertThat(transformed.out())
        .containsPattern("flow_summary +1 rows")
        .containsPattern("flow_results_index +8 rows")
        .containsPattern("flow_results +2 rows")
        .containsPattern("audits: \\d+ passed");
    assertThat(wide).doesNotExist();
    assertThat(transformed.out().lines().filter(l -> l.contains("flow_results_wide")))
        .containsExactly(
            "removed the old mart flow_results_wide: one table per flow under"
                + " marts/flow_results/ replaces it (see flow_results_index)");
    assertThat(dir.resolve("lake/marts/flow_results/flow_f1/_delta_log")).isDirectory();

    CliResult again = cli.run("transform", "--lake", lake);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("marts up to date: nothing changed").doesNotContain("rows");

    CliResult full = cli.run("transform", "--lake", lake, "--full");
    assertThat(full.exitCode()).as(full.err()).isZero();
    assertThat(full.out())
        .contains("rebuilding every mart: --full")
        .containsPattern("flow_summary +1 rows");

    Path export = dir.resolve("export");
    CliResult exported =
        cli.run("export", "--lake", lake, "--format", "csv", "--out", export.toString());

    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(export.resolve("manifest.json")).exists();
    assertThat(export.resolve("_SUCCESS")).exists();
    assertThat(export.resolve("flow_results/flow_f1.csv")).isRegularFile();
  }

  @Test
  void transformOfAMissingLakeIsAUsageErrorThatLeavesNothingBehind(@TempDir Path dir) {
    CliResult result = cli.run("transform", "--lake", dir.resolve("nothing").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("flowlake transform: no lake at");
    assertThat(result.lineCount()).isEqualTo(1);
    assertThat(dir.resolve("nothing")).doesNotExist();
  }

  @Test
  void exportRejectsAnUnknownFormatBeforeStartingSpark() {
    CliResult result =
        cli.run("export", "--lake", "/tmp/lake", "--format", "xlsx", "--out", "/tmp/out");

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
