package io.flowlake.models;

import io.flowlake.lake.ChangeFeed;
import io.flowlake.lake.DeltaLogFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The flows whose {@code run_values} rows changed between two versions, for {@link ChangedFlows}.
 *
 * <p>{@code run_values} is derived from {@code runs}: a pull's refresh (a {@code WRITE} commit,
 * {@code lake/RunValuesRefresh}) rewrites whole months from the runs, so a row of it changes only
 * when its run's row changed in {@code runs}, whose change feed already names that run's flow. The
 * feed of a refresh holds every row of its months twice (deleted and inserted), which costs more to
 * net than all the rest of a transform's decision: 10,000 changed runs of a million rewrite about
 * 2.5 million rows. So a refresh is read from the feed only when the marts were computed from a
 * {@code run_values} out of step with {@code runs} (a pull killed between its merge and its
 * refresh, then a transform), or when that is not known; every other commit (an erasure's {@code
 * DELETE}) is read as always.
 */
final class RunValuesChanges {

  /** The operation {@code RunValuesRefresh}'s overwrite records. */
  private static final String REFRESH = "WRITE";

  private static final List<String> KEY = List.of("run_uuid", "result_key");

  private RunValuesChanges() {}

  /**
   * The flow uuids ({@code value}) of the rows that changed after version {@code before} up to
   * {@code after}.
   *
   * @param inStep whether the marts were last computed from a {@code run_values} in step with
   *     {@code runs} ({@code TransformState.Mark#runValuesInStep})
   */
  static Dataset<Row> flows(
      SparkSession spark, String path, long before, long after, boolean inStep) {
    if (!inStep) {
      return ChangeFeed.changedValues(spark, path, before, after, KEY, "flow_uuid");
    }
    Optional<List<long[]>> ranges = otherThanRefreshes(spark, path, before, after);
    if (ranges.isEmpty()) {
      // a commit's file is gone: the feed is asked for the whole range, and says if it cannot
      return ChangeFeed.changedValues(spark, path, before, after, KEY, "flow_uuid");
    }
    Dataset<Row> flows =
        spark.emptyDataFrame().selectExpr("cast(null as string) as value").limit(0);
    for (long[] range : ranges.get()) {
      flows =
          flows.union(ChangeFeed.changedValues(spark, path, range[0], range[1], KEY, "flow_uuid"));
    }
    return flows.distinct();
  }

  /**
   * The runs of consecutive commits after {@code before} up to {@code after} that are not
   * refreshes, each as {@code [after, upTo]} for {@link ChangeFeed#changedValues}; empty when a
   * commit's operation cannot be read.
   */
  private static Optional<List<long[]>> otherThanRefreshes(
      SparkSession spark, String path, long before, long after) {
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    List<long[]> ranges = new ArrayList<>();
    long[] open = null;
    for (long version = before + 1; version <= after; version++) {
      Optional<String> operation = log.commitOperation(path, version);
      if (operation.isEmpty()) {
        return Optional.empty();
      }
      if (operation.get().equals(REFRESH)) {
        open = null;
      } else if (open != null) {
        open[1] = version;
      } else {
        open = new long[] {version - 1, version};
        ranges.add(open);
      }
    }
    return Optional.of(ranges);
  }
}
