package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.flowlake.api.RunRecord;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RunValuesPending;
import io.flowlake.lake.RunValuesRefresh;
import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental transform learns which flows' run_values changed from runs' change feed, not from
 * a refresh's (which rewrites whole months), as long as the marts were computed with run_values in
 * step with runs. A transform run between a pull's merge into runs and its refresh (the pull was
 * killed there) computes out of step; the transform after the refresh must then read the refresh
 * too, or the flow whose values it changed would keep stale marts for good.
 */
@ExtendWith(SharedSpark.class)
class RunValuesInStepTest {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  @Test
  void marksComputedWhileARefreshWasOwedAreRepairedByTheTransformAfterIt(
      SparkSession spark, @TempDir Path dir) {
    String lake = dir.resolve("lake").toString();
    LakePaths paths = new LakePaths(lake);
    LakeFixture.write(spark, lake, SampleRuns.workspace());
    for (String table : List.of(LakeTables.RUNS, LakeTables.RUN_VALUES)) {
      spark.sql(
          "alter table delta.`"
              + MartPaths.table(lake, table)
              + "` set tblproperties (delta.enableChangeDataFeed = true)");
    }
    Transform.run(spark, lake);
    RunRecord gone =
        SampleRuns.workspace().stream()
            .filter(r -> !r.values().isEmpty())
            .findFirst()
            .orElseThrow();
    RunValuesPending pending =
        new RunValuesPending(paths, spark.sparkContext().hadoopConfiguration());

    // a pull killed after its merge into runs: the run is gone from runs, its values are not
    pending.set();
    DeltaTable.forPath(spark, paths.runs()).delete("uuid = '" + gone.uuid() + "'");
    TransformResult outOfStep = Transform.run(spark, lake);
    assertThat(outOfStep.scope().flows()).as(outOfStep.why()).containsExactly(gone.flowUuid());

    // the next pull refreshes the run's month of run_values, and only run_values changes
    new RunValuesRefresh(spark, paths).refresh(List.of(MONTH.format(gone.createdOn())));
    pending.clear();
    TransformResult repaired = Transform.run(spark, lake);

    assertThat(repaired.scope().flows()).as(repaired.why()).containsExactly(gone.flowUuid());
    assertMartsEqualAFullRecompute(spark, lake);
    TransformResult again = Transform.run(spark, lake);
    assertThat(again.upToDate()).as(again.why()).isTrue();
  }

  private static void assertMartsEqualAFullRecompute(SparkSession spark, String lake) {
    Map<String, Dataset<Row>> full = FullRecompute.marts(spark, lake, SegmentRequest.none());
    full.forEach(
        (mart, rebuilt) -> {
          Dataset<Row> written = spark.read().format("delta").load(MartPaths.mart(lake, mart));
          assertThat(written.collectAsList())
              .as(mart)
              .containsExactlyInAnyOrderElementsOf(rebuilt.collectAsList());
        });
  }
}
