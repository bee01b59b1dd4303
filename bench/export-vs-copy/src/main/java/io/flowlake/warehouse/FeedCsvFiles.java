package io.flowlake.warehouse;

import io.delta.tables.DeltaTable;
import io.flowlake.lake.LakePaths;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark only (in the feed's package for its package-private parts): the exact COPY CSV lines
 * the first export sends for a table, written to text files, so the floor ({@code COPY} from a CSV)
 * loads the same bytes into the same table definition.
 */
public final class FeedCsvFiles {

  public static void write(SparkSession spark, LakePaths paths, FeedTable table, String out) {
    String path = table.location().apply(paths);
    long version = DeltaTable.forPath(spark, path).history(1).select("version").head().getLong(0);
    LakeChanges.snapshot(spark, path, version, table).write().mode("overwrite").text(out);
  }

  private FeedCsvFiles() {}
}
