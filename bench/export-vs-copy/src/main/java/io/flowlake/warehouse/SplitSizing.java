package io.flowlake.warehouse;

import io.delta.tables.DeltaTable;
import io.flowlake.cli.Sparks;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark only (in the feed's package for {@link SplitSize}): what sizing a first export's splits
 * costs per table, in a fresh JVM with flowlake's own session, as {@code export} does it ({@code
 * new}: {@link SplitSize}, a listing and one Parquet footer) or as it did before ({@code old}: a
 * row count and a {@code DESCRIBE DETAIL}, a Delta snapshot and Spark jobs each). Prints each
 * table's first (cold) time, then the best of three more, and the split size each gives.
 *
 * <p>{@code bench/export-vs-copy/split-sizing.sh TABLE...}
 */
public final class SplitSizing {

  public static void main(String[] args) {
    String mode = args[0];
    SparkSession spark = Sparks.open("bench split-sizing").session();
    for (int i = 1; i < args.length; i++) {
      String table = args[i];
      long start = System.nanoTime();
      long split = size(spark, mode, table);
      double cold = (System.nanoTime() - start) / 1e9;
      double best = Double.MAX_VALUE;
      for (int repeat = 0; repeat < 3; repeat++) {
        long again = System.nanoTime();
        size(spark, mode, table);
        best = Math.min(best, (System.nanoTime() - again) / 1e9);
      }
      System.out.printf(
          "%-4s %-60s first %6.2f s, then %6.2f s; split %,d bytes%n",
          mode, table, cold, best, split);
    }
    spark.stop();
  }

  private static long size(SparkSession spark, String mode, String table) {
    if (mode.equals("new")) {
      return SplitSize.of(
          table, spark.sparkContext().hadoopConfiguration(), PrefetchedChunks.PARTITION_ROWS);
    }
    long rows = Math.max(1, spark.read().format("delta").load(table).count());
    long bytes = DeltaTable.forPath(spark, table).detail().select("sizeInBytes").head().getLong(0);
    return Math.max(1L << 20, bytes * PrefetchedChunks.PARTITION_ROWS / rows);
  }

  private SplitSizing() {}
}
