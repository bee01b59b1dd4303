package io.flowlake.lake;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads of Delta's change data feed, which the lake records on {@code runs}, {@code run_values} and
 * {@code contacts} ({@link LakeTableCreator#CHANGE_FEED_TABLES}).
 */
public final class ChangeFeed {

  private static final List<String> META =
      List.of("_change_type", "_commit_version", "_commit_timestamp");

  private ChangeFeed() {}

  /**
   * The distinct values of {@code column} on both images (before and after the range) of every key
   * whose row differs between version {@code after} and version {@code upTo}: inserted, deleted, or
   * changed in any column. A row rewritten unchanged (run_values' month refresh deletes and inserts
   * every key of a month in one commit) is not a change. One column, {@code value}; nulls dropped.
   */
  public static Dataset<Row> changedValues(
      SparkSession spark, String path, long after, long upTo, List<String> key, String column) {
    return changedKeys(
            rowChanges(spark, path, after, upTo),
            key,
            (order, data) ->
                new Column[] {
                  min_by(col(column), order).as("first_value"),
                  max_by(col(column), order).as("last_value")
                })
        .select(explode(array(col("first_value"), col("last_value"))).as("value"))
        .where(col("value").isNotNull())
        .distinct();
  }

  /**
   * The distinct values of {@code column} on every row image the feed recorded after version {@code
   * after} up to {@code upTo}, without comparing a key's images: for a table whose every commit
   * records only rows that really changed, the same values as {@link #changedValues}, read from one
   * column instead of whole rows. {@code runs} is such a table: a merge updates a run only with a
   * newer or preferred copy, a first load appends, an erasure deletes. One column, {@code value};
   * nulls dropped.
   */
  public static Dataset<Row> touchedValues(
      SparkSession spark, String path, long after, long upTo, String column) {
    return rowChanges(spark, path, after, upTo)
        .select(col(column).as("value"))
        .where(col("value").isNotNull())
        .distinct();
  }

  /** {@link #netChanges}' column: whether the key exists at the range's end. */
  public static final String EXISTS = "_exists";

  /**
   * The net change of each key between version {@code after} and version {@code upTo}: one row per
   * key whose row differs, with the table's columns as of its last image in the range and {@link
   * #EXISTS}, false when the key is gone at {@code upTo} (its columns are then its last
   * before-image).
   */
  public static Dataset<Row> netChanges(
      SparkSession spark, String path, long after, long upTo, List<String> key) {
    return changedKeys(
            rowChanges(spark, path, after, upTo),
            key,
            (order, data) -> new Column[] {max_by(struct(data), order).as("image")})
        .select(col("image.*"), col(EXISTS));
  }

  /** What a caller of {@link #changedKeys} keeps of each key's images, given their order. */
  private interface KeyImages {
    Column[] of(Column order, Column[] data);
  }

  /**
   * One row per key whose row differs between the range's start and its end, with {@link #EXISTS}
   * and the aggregates {@code images} asks for.
   *
   * <p>A key's state before the range is its earliest image if that is a before-image ({@code
   * delete}, {@code update_preimage}), else it did not exist; its state after is its latest image
   * if that is an after-image ({@code insert}, {@code update_postimage}), else it is gone. Within
   * one commit before-images come first. A key that ends as it began (a row rewritten unchanged, or
   * inserted and deleted within the range) is left out. Rows are compared as JSON, since Spark
   * compares no maps.
   */
  private static Dataset<Row> changedKeys(
      Dataset<Row> changes, List<String> key, KeyImages images) {
    Column[] data = dataColumns(changes);
    Column order =
        struct(
            col("_commit_version").as("version"),
            when(col("_change_type").isin("delete", "update_preimage"), 0)
                .otherwise(1)
                .as("after"));
    Column json = to_json(struct(data));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(max(order).as("last"));
    aggregates.add(min_by(json, order).as("first_row"));
    aggregates.add(max_by(json, order).as("last_row"));
    aggregates.addAll(List.of(images.of(order, data)));
    Column existedBefore = col("first.after").equalTo(0);
    Column existsAfter = col("last.after").equalTo(1);
    Column unchanged =
        existedBefore.and(existsAfter).and(col("first_row").equalTo(col("last_row")));
    Column[] keys = key.stream().map(k -> col(k)).toArray(Column[]::new);
    return changes
        .groupBy(keys)
        .agg(min(order).as("first"), aggregates.toArray(Column[]::new))
        .where(existedBefore.or(existsAfter).and(not(unchanged)))
        .withColumn(EXISTS, existsAfter);
  }

  /** The table's own columns of a feed read, without the feed's metadata columns. */
  private static Column[] dataColumns(Dataset<Row> changes) {
    return Arrays.stream(changes.columns())
        .filter(c -> !META.contains(c))
        .map(c -> col("`" + c + "`"))
        .toArray(Column[]::new);
  }

  /**
   * The row images the feed recorded after version {@code after} up to {@code upTo}: inserts,
   * deletes, and both images of each update, with {@code _change_type} and {@code _commit_version}.
   */
  public static Dataset<Row> rowChanges(SparkSession spark, String path, long after, long upTo) {
    return spark
        .read()
        .format("delta")
        .option("readChangeFeed", "true")
        .option("startingVersion", after + 1)
        .option("endingVersion", upTo)
        .load(path)
        .where(col("_change_type").isin("insert", "delete", "update_preimage", "update_postimage"));
  }

  /**
   * True when {@code e} says the feed cannot serve the range asked (enabled after its start, or its
   * files vacuumed), as opposed to a failure of the data or of whoever reads it.
   */
  public static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof FileNotFoundException
          || t.getClass().getSimpleName().startsWith("Delta")
          || message.contains("FILE_NOT_EXIST")
          || message.contains("DELTA_MISSING_CHANGE_DATA")
          || message.contains("change data")) {
        return true;
      }
    }
    return false;
  }
}
