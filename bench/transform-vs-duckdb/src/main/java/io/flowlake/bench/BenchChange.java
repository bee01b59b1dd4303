package io.flowlake.bench;

import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RunValuesRefresh;
import io.flowlake.lake.RunsMerge;
import io.flowlake.models.MartPaths;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Changes some of a bench lake's runs the way a pull does: the changed runs, with a later {@code
 * modified_on} and their Color result answered again, go through the lake's own merge ({@link
 * RunsMerge}, one MERGE into runs) and run_values refresh ({@link RunValuesRefresh}, the touched
 * months replaced), so the change data feed records them as a pull's would be. Deterministic: the
 * same lake gives the same runs changed (the first by id of the chosen flows); each call moves
 * their {@code modified_on} a day further, so a rerun changes them again.
 */
final class BenchChange {

  private BenchChange() {}

  /**
   * Changes {@code count} runs, all in {@code flowCount} flows (the lowest flow uuids).
   *
   * @return the flows changed
   */
  static List<String> apply(SparkSession spark, String lake, long count, int flowCount) {
    LakePaths paths = new LakePaths(lake);
    Dataset<Row> runs = spark.read().format("delta").load(MartPaths.table(lake, LakeTables.RUNS));
    List<String> flows =
        runs
            .select("flow_uuid")
            .distinct()
            .orderBy("flow_uuid")
            .limit(flowCount)
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    runs.where(runs.col("flow_uuid").isin(flows.toArray()))
        .orderBy("id")
        .limit((int) count)
        .createOrReplaceTempView("bench_changed_runs");
    Dataset<Row> changed =
        spark.sql(
            """
            select
                * except (modified_on, `values`),
                modified_on + interval 1 day as modified_on,
                transform_values(`values`, (k, v) -> case when k = 'color' then named_struct(
                    'name', v.name, 'value', 'red', 'category', 'Red', 'node', v.node,
                    'time', v.time, 'input', v.input) else v end) as `values`
            from bench_changed_runs
            """);
    List<String> months =
        new RunsMerge(spark, paths).merge(changed, LakeTables.SOURCE_API).months();
    new RunValuesRefresh(spark, paths).refresh(months);
    return flows;
  }
}
