package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.flowlake.lake.ChangeFeed;
import io.flowlake.lake.LakePaths;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What a fed table must receive, as rows of the table's columns in its order, of the lake's types
 * ({@link CsvFields} writes them as COPY CSV): the whole table at a version of its source, or the
 * net change between two versions, read from the source's change data feed ({@link
 * ChangeFeed#netChanges}) and followed by {@code _op}: 'u' upsert, 'd' delete.
 *
 * <p>A table read as it is gets a delete for each key gone at the end and an upsert of the last
 * state of each other changed key. A derived table ({@code run_values}) gets, for each changed
 * source row, a delete of all its rows (only its {@link FeedSource#parent} columns filled) and an
 * upsert of each row derived from the source row's last state: a run's values are replaced whole,
 * so a result key the run no longer has goes too.
 */
final class LakeChanges {

  static final String OP = "_op";

  static Dataset<Row> snapshot(SparkSession spark, LakePaths paths, long version, FeedTable table) {
    Dataset<Row> source =
        spark
            .read()
            .format("delta")
            .option("versionAsOf", version)
            .load(table.source().location().apply(paths));
    return table.source().rows().apply(source).select(FeedColumn.values(table.columns()));
  }

  static Dataset<Row> between(
      SparkSession spark, LakePaths paths, long after, long upTo, FeedTable table) {
    FeedSource source = table.source();
    Dataset<Row> net =
        ChangeFeed.netChanges(spark, source.location().apply(paths), after, upTo, source.key());
    Column exists = col(ChangeFeed.EXISTS);
    if (!source.derived(table)) {
      return net.select(
          FeedColumn.values(table.columns(), when(exists, lit("u")).otherwise(lit("d")).as(OP)));
    }
    Dataset<Row> upserts =
        source
            .rows()
            .apply(net.where(exists))
            .select(FeedColumn.values(table.columns(), lit("u").as(OP)));
    return upserts.unionAll(net.select(clears(table, upserts.schema())));
  }

  /**
   * For each changed source row, its parent columns, every other column null (of the upserts'
   * types, so the two unite), 'd'.
   */
  private static Column[] clears(FeedTable table, StructType upserts) {
    List<String> parent = table.source().parent();
    Column[] fields = new Column[table.columns().size() + 1];
    for (int i = 0; i < table.columns().size(); i++) {
      String name = table.columns().get(i).name();
      int k = parent.indexOf(name);
      Column value =
          k >= 0
              ? col(table.source().key().get(k))
              : lit(null).cast(upserts.fields()[i].dataType());
      fields[i] = value.as(name);
    }
    fields[fields.length - 1] = lit("d").as(OP);
    return fields;
  }

  private LakeChanges() {}
}
