package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.EmptyTables;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RunValuesRefresh;
import io.flowlake.lake.RunsMerge;
import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first load into the empty tables a first pull creates before its fetch: {@code runs} is
 * appended to (its appended rows kept for the pull to count), and {@code run_values} appended from
 * what {@code runs} now holds. Both tables must hold what {@link LakeFixture} writes for the same
 * runs, computed here without the merge.
 */
@ExtendWith(SharedSpark.class)
class FirstLoadTest {

  @Test
  void firstLoadAppendsRunsAndDerivesTheirRunValues(SparkSession spark, @TempDir Path dir) {
    LakePaths paths = new LakePaths(dir.resolve("lake").toString());
    EmptyTables.createMissing(spark, paths);
    List<RunRecord> runs = SampleRuns.workspace();

    RunsMerge.Merged merged =
        new RunsMerge(spark, paths).merge(batch(spark, runs), LakeTables.SOURCE_API);
    new RunValuesRefresh(spark, paths).refresh(merged);

    assertThat(merged.appended()).as("an append of runs with no uuid twice").isPresent();
    assertLakeHolds(spark, paths, runs);
  }

  @Test
  void firstLoadOfARunReadTwiceKeepsItsNewestCopy(SparkSession spark, @TempDir Path dir) {
    LakePaths paths = new LakePaths(dir.resolve("lake").toString());
    EmptyTables.createMissing(spark, paths);
    List<RunRecord> runs = SampleRuns.workspace();
    RunRecord answered = runs.stream().filter(r -> !r.values().isEmpty()).findFirst().orElseThrow();
    // the same run as an earlier page had it, before its answers: read again on a window's edge
    RunRecord earlier =
        new RunRecord(
            answered.uuid(),
            answered.id(),
            answered.flowUuid(),
            answered.flowName(),
            answered.contact(),
            answered.startUuid(),
            false,
            answered.path(),
            Map.of(),
            answered.createdOn(),
            answered.modifiedOn().minus(Duration.ofMinutes(5)),
            null,
            null);
    List<RunRecord> read = new ArrayList<>(runs);
    read.add(earlier);

    RunsMerge.Merged merged =
        new RunsMerge(spark, paths).merge(batch(spark, read), LakeTables.SOURCE_API);
    new RunValuesRefresh(spark, paths).refresh(merged);

    assertThat(merged.appended()).as("rows to dedupe are not derived from").isEmpty();
    assertLakeHolds(spark, paths, runs);
  }

  /** The runs as the source reads them: the lake's columns less lineage and partition. */
  private static org.apache.spark.sql.Dataset<Row> batch(SparkSession spark, List<RunRecord> runs) {
    return spark
        .createDataFrame(runs.stream().map(LakeFixture::runRow).toList(), LakeTables.RUNS_SCHEMA)
        .drop("source", LakeTables.PARTITION_COLUMN);
  }

  private static void assertLakeHolds(SparkSession spark, LakePaths paths, List<RunRecord> runs) {
    List<Row> runRows = runs.stream().map(LakeFixture::runRow).toList();
    List<Row> valueRows = runs.stream().flatMap(r -> LakeFixture.runValueRows(r).stream()).toList();
    assertThat(valueRows).as("the sample has answers").isNotEmpty();
    assertThat(read(spark, paths.runs(), LakeTables.RUNS_SCHEMA))
        .containsExactlyInAnyOrderElementsOf(rows(spark, runRows, LakeTables.RUNS_SCHEMA));
    assertThat(read(spark, paths.runValues(), LakeTables.RUN_VALUES_SCHEMA))
        .containsExactlyInAnyOrderElementsOf(rows(spark, valueRows, LakeTables.RUN_VALUES_SCHEMA));
  }

  private static List<Row> read(SparkSession spark, String table, StructType schema) {
    return spark.read().format("delta").load(table).select(columns(schema)).collectAsList();
  }

  /** Expected rows through the same Spark conversions as a read (timestamps, maps, arrays). */
  private static List<Row> rows(SparkSession spark, List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema).select(columns(schema)).collectAsList();
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames())
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }
}
