package io.flowlake.bench;

import io.flowlake.models.FlowResultsTable;
import io.flowlake.models.MartPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The rows each compared mart holds in the lake as it is, whatever the transforms before wrote (an
 * incremental one reports only its scope's rows): the per-flow results tables counted together.
 */
final class MartRows {

  private MartRows() {}

  static Map<String, Long> count(SparkSession spark, String lake) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String mart : DuckDbMarts.MARTS) {
      rows.put(
          mart,
          mart.equals(DuckDbMarts.FLOW_RESULTS)
              ? flowTables(spark, lake)
              : rows(spark, mart(lake, mart)));
    }
    return rows;
  }

  private static long flowTables(SparkSession spark, String lake) {
    Path dir = new Path(mart(lake, FlowResultsTable.DIR));
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      long total = 0;
      for (FileStatus table : fs.listStatus(dir)) {
        total += rows(spark, table.getPath().toString());
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String mart(String lake, String name) {
    return MartPaths.mart(lake, name);
  }

  private static long rows(SparkSession spark, String path) {
    return spark.read().format("delta").load(path).count();
  }
}
