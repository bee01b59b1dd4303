package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.flowlake.lake.ChangeFeed;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a fed table must receive, as COPY CSV lines (one column, {@code line}): the whole table at a
 * version, or the net change between two versions read from Delta's change data feed.
 *
 * <p>Netting: a key's state before the range is its earliest change if that is a before-image
 * ({@code delete}, {@code update_preimage}), else it did not exist; its state after is its latest
 * change if that is an after-image ({@code insert}, {@code update_postimage}), else it is gone.
 * Within one commit before-images come first, so a month that {@code run_values}' refresh rewrote
 * whole (a delete and an insert of every key in one commit) nets to nothing for a key whose row did
 * not change. A key that ends where it began is not sent; one that ends absent is sent as a delete
 * ({@code ,d}), any other as an upsert of its last state ({@code ,u}).
 */
final class LakeChanges {

  static Dataset<Row> snapshot(SparkSession spark, String path, long version, FeedTable table) {
    return spark
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(path)
        .select(CsvLines.of(table.columns()).as("line"));
  }

  static Dataset<Row> between(
      SparkSession spark, String path, long after, long upTo, FeedTable table) {
    Dataset<Row> changes = ChangeFeed.rowChanges(spark, path, after, upTo);
    Column beforeImage = col("_change_type").isin("delete", "update_preimage");
    Column state =
        struct(
            col("_commit_version").as("version"),
            when(beforeImage, 0).otherwise(1).as("after"),
            CsvLines.of(table.columns()).as("line"));
    Column[] key = table.key().stream().map(k -> col(k)).toArray(Column[]::new);
    Dataset<Row> perKey = changes.groupBy(key).agg(min(state).as("first"), max(state).as("last"));
    Column existedBefore = col("first.after").equalTo(0);
    Column existsAfter = col("last.after").equalTo(1);
    Column unchanged =
        existedBefore.and(existsAfter).and(col("first.line").equalTo(col("last.line")));
    return perKey
        .where(existedBefore.or(existsAfter).and(not(unchanged)))
        .select(
            when(existsAfter, concat(col("last.line"), lit(",u")))
                .otherwise(concat(col("first.line"), lit(",d")))
                .as("line"));
  }

  private LakeChanges() {}
}
