package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export's split size comes from the densest data file's footer: its bytes per row times the
 * rows asked for, checked against the file's size and a count of its rows by Spark.
 */
@ExtendWith(SharedSpark.class)
class SplitSizeTest {

  /** Enough rows per partition that the answer is well above the 1 MB floor for these files. */
  private static final long ROWS = 100_000_000;

  @Test
  void theDensestDataFileSizesTheSplitAndTheLogAndChangeDataAreNotData(
      SparkSession spark, @TempDir Path dir) throws IOException {
    // under a folder named like Delta's own (a lake kept in "_lakes"): still the table's data
    Path table = dir.resolve("_lakes").resolve("table");
    append(spark, table, 20_000);
    append(spark, table, 7); // a small merge's file: more bytes per row, not the one to size by
    Path largest = largestParquet(table);
    long rows = spark.read().parquet(largest.toString()).count();
    long expected = Files.size(largest) * ROWS / rows;
    assertThat(expected).isGreaterThan(SplitSize.FLOOR);

    assertThat(SplitSize.of(table.toString(), conf(spark), ROWS)).isEqualTo(expected);

    // a larger Parquet file where Delta keeps its log or change data is not a data file
    for (String folder : new String[] {"_delta_log", "_change_data"}) {
      Path other = dir.resolve("other-" + folder);
      append(spark, other, 80_000);
      Files.createDirectories(table.resolve(folder));
      Files.copy(largestParquet(other), table.resolve(folder).resolve("big.parquet"));
      assertThat(SplitSize.of(table.toString(), conf(spark), ROWS)).as(folder).isEqualTo(expected);
    }
  }

  @Test
  void aTableWithNoDataFileOrNoTableAtAllGetsTheFloor(SparkSession spark, @TempDir Path dir) {
    assertThat(SplitSize.of(dir.resolve("absent").toString(), conf(spark), ROWS))
        .isEqualTo(SplitSize.FLOOR);
    Path empty = dir.resolve("empty");
    spark.range(0).write().format("delta").save(empty.toString());
    assertThat(SplitSize.of(empty.toString(), conf(spark), ROWS)).isEqualTo(SplitSize.FLOOR);
  }

  private static void append(SparkSession spark, Path table, int rows) {
    spark
        .range(rows)
        .withColumn("text", concat(lit("run "), col("id").cast("string")))
        .coalesce(1)
        .write()
        .format("delta")
        .mode("append")
        .save(table.toString());
  }

  /** The largest Parquet file outside the log, found by walking the folder. */
  private static Path largestParquet(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !table.relativize(p).toString().startsWith("_"))
          .max(Comparator.comparingLong(SplitSizeTest::size))
          .orElseThrow();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Configuration conf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }
}
