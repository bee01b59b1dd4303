package io.flowlake.models;

import static io.flowlake.models.RunRecordBuilder.run;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.EmptyTables;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RunValuesRefresh;
import io.flowlake.lake.RunsMerge;
import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first load lays the lake out by flow within each month (lake/FlowLayout), so that a read of one
 * flow, an incremental transform's scope, skips the files of the others on Delta's statistics. The
 * runs of six flows in one month are three files' worth (at 500 runs a file, set small here so a
 * few runs make several files): laid out by flow, each file holds two flows; as Spark writes them
 * otherwise, each holds all six.
 */
@ExtendWith(SharedSpark.class)
class FirstLoadLayoutTest {

  private static final int FLOWS = 6;
  private static final int RUNS = 1_200;
  private static final long RUNS_PER_FILE = 500;

  private static final SparkSession spark = SharedSpark.session();
  private static List<RunRecord> runs;

  @TempDir static Path dir;

  /** The lake both layout tests read: loaded once, as a first pull loads it. */
  private static LakePaths paths;

  @BeforeAll
  static void firstLoadOfSixFlowsInOneMonth() {
    runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      String second = String.format("%02d", i % 60);
      runs.add(
          run("run-" + i)
              .flow("flow-" + (i % FLOWS), "Flow " + (i % FLOWS))
              .created("2024-03-0" + (1 + i % 9) + "T10:00:" + second + "Z")
              .path("n1", "n2")
              .value("color", "Color", "red", "Red", "n1")
              .exited("completed", "2024-03-10T10:00:00Z")
              .build());
    }
    paths = load(dir);
  }

  @Test
  void aFirstLoadPutsEachFlowsRunsInFewFilesSoAReadOfOneFlowSkipsTheOthers() {
    assertEachFlowsReadSkipsFiles(paths.runs());
    assertEachFlowsReadSkipsFiles(paths.runValues());
  }

  @Test
  void runValuesRebuiltForTheMonthKeepTheLayoutOfTheRunsTheyAreDerivedFrom() {
    // a later merge's refresh: the month's run_values rewritten from runs
    new RunValuesRefresh(spark, paths).refresh(List.of("2024-03"));

    assertEachFlowsReadSkipsFiles(paths.runValues());
    assertThat(spark.read().format("delta").load(paths.runValues()).count()).isEqualTo(RUNS);
  }

  private static void assertEachFlowsReadSkipsFiles(String table) {
    int files = filesRead(table, null);
    assertThat(files).as("files of " + table).isGreaterThanOrEqualTo(2);
    for (int flow = 0; flow < FLOWS; flow++) {
      assertThat(filesRead(table, "flow-" + flow))
          .as("files of " + table + " a read of flow-" + flow + " opens")
          .isLessThan(files);
    }
  }

  @Test
  void theSameRunsWrittenWithoutTheLayoutMakeEveryReadOpenEveryFile(@TempDir Path other) {
    String lake = other.resolve("lake").toString();
    // as Spark writes rows it was handed: each task's slice of every flow (the check's control)
    LakeFixture.write(spark, lake, runs);
    String table = MartPaths.table(lake, LakeTables.RUNS);

    int files = filesRead(table, null);
    assertThat(files).isGreaterThanOrEqualTo(2);
    assertThat(filesRead(table, "flow-0")).isEqualTo(files);
  }

  private static LakePaths load(Path dir) {
    LakePaths paths = new LakePaths(dir.resolve("lake").toString());
    EmptyTables.createMissing(spark, paths);
    Dataset<Row> batch =
        spark
            .createDataFrame(
                runs.stream().map(LakeFixture::runRow).toList(), LakeTables.RUNS_SCHEMA)
            .drop("source", LakeTables.PARTITION_COLUMN);
    RunsMerge.Merged merged =
        new RunsMerge(spark, paths, RUNS_PER_FILE).merge(batch, LakeTables.SOURCE_API);
    new RunValuesRefresh(spark, paths).refresh(merged);
    return paths;
  }

  /** The data files a read of the table opens, of one flow's rows or (null) of all. */
  private static int filesRead(String table, String flow) {
    Dataset<Row> rows = spark.read().format("delta").load(table);
    if (flow != null) {
      rows = rows.where(col("flow_uuid").isin(flow)); // as a scope reads it
    }
    return rows.inputFiles().length;
  }
}
