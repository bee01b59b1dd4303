package io.flowlake.models;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.flowlake.lake.OneFileTableWrite;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Replaces a mart's contents in one Delta commit: a reader sees the old mart or the new one. The
 * rows are written as one file ({@link OneFileTableWrite}): a mart is a small aggregate.
 */
final class MartWriter {

  private MartWriter() {}

  /**
   * Under {@link FlowScope#everyFlow()}, replaces the whole mart; otherwise replaces the rows of
   * the scope's flows with {@code rows} (which hold only those flows) and keeps every other flow's,
   * in one commit either way.
   *
   * <p>A partial scope rewrites the whole mart, the other flows' rows read from its current version
   * and the scope's new ones, in one overwrite. A mart is an aggregate, small beside the runs it
   * counts, so this is one write job, where Delta's {@code replaceWhere} on {@code flow_uuid} (not
   * a partition column) adds jobs to check the rows against the predicate and to find and rewrite
   * the files holding the scope's old rows: 188 Spark jobs instead of 204 for a transform of 2
   * changed flows. The current version is read from the files its checksum lists and committed
   * against ({@link OneFileTableWrite#rewrite}), without Delta's state-filtering job per mart.
   *
   * @return the rows the mart holds now
   */
  static long write(Dataset<Row> rows, String path, FlowScope scope) {
    if (scope.all()) {
      return overwrite(rows, path);
    }
    Column othersFlows =
        col("flow_uuid").isNull().or(not(col("flow_uuid").isin(scope.flows().toArray())));
    return OneFileTableWrite.rewrite(
        rows.sparkSession(), path, current -> current.where(othersFlows).unionByName(rows));
  }

  /**
   * Replaces the mart at {@code path} with {@code rows}, its schema too when the columns differ (a
   * new release changed a mart): the mart is derived, so it is replaced.
   *
   * @return the rows written
   */
  static long overwrite(Dataset<Row> rows, String path) {
    return OneFileTableWrite.replace(rows.sparkSession(), rows, path, Map.of());
  }
}
