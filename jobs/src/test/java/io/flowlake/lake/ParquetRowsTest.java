package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reading a change file in the driver: Spark's values, and a clear failure for a bad file. */
@ExtendWith(SharedSpark.class)
class ParquetRowsTest {

  private static final StructType WITH_A_NEW_COLUMN =
      new StructType()
          .add("k", DataTypes.LongType)
          .add("v", DataTypes.StringType)
          .add("added_later", DataTypes.StringType);

  @Test
  void readsEachRowWithAColumnTheFileLacksAsNull(SparkSession spark, @TempDir Path dir)
      throws Exception {
    String folder = dir.resolve("t").toString();
    spark
        .sql("select id as k, concat('v', id) as v from range(3)")
        .coalesce(1)
        .write()
        .parquet(folder);
    List<InternalRow> rows = new ArrayList<>();
    new ParquetRows(spark.sparkContext().hadoopConfiguration(), WITH_A_NEW_COLUMN)
        .read(new org.apache.hadoop.fs.Path(dataFile(dir.resolve("t")).toUri()), rows::add);

    assertThat(rows).hasSize(3);
    for (InternalRow row : rows) {
      long k = row.getLong(0);
      assertThat(row.getUTF8String(1).toString()).isEqualTo("v" + k);
      assertThat(row.isNullAt(2)).isTrue();
    }
    assertThat(rows.stream().map(row -> row.getLong(0))).containsExactlyInAnyOrder(0L, 1L, 2L);
  }

  @Test
  void aFileThatIsNotParquetFailsInOneLineNamingTheFile(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Path bad = dir.resolve("part-00000-bad.snappy.parquet");
    Files.write(bad, "PAR1 this is not a Parquet file at all".getBytes(StandardCharsets.UTF_8));

    assertTheOneLineNames(bad, reading(spark, bad));
  }

  @Test
  void aDamagedDataPageFailsInOneLineNamingTheFile(SparkSession spark, @TempDir Path dir)
      throws Exception {
    spark
        .sql("select id as k, repeat(concat('v', id), 50) as v from range(2000)")
        .coalesce(1)
        .write()
        .parquet(dir.resolve("t").toString());
    Path file = dataFile(dir.resolve("t"));
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 4; i < bytes.length / 2; i++) { // the data pages; the footer stays whole
      bytes[i] = (byte) 0x5a;
    }
    Files.write(file, bytes);
    // without Hadoop's checksum beside it, so the damage reaches parquet-mr's decoding (a lake on
    // S3 or HDFS has no such sidecar)
    Files.delete(file.resolveSibling("." + file.getFileName() + ".crc"));

    assertTheOneLineNames(file, reading(spark, file));
  }

  @Test
  void aFileGoneFailsWithFileNotFoundAsItsCause(SparkSession spark, @TempDir Path dir) {
    // how the driver-side change read knows a vacuumed file, and leaves the range to Delta
    Path gone = dir.resolve("part-00000-vacuumed.snappy.parquet");

    Throwable thrown = reading(spark, gone);

    assertThat(thrown).isInstanceOf(UncheckedIOException.class);
    assertThat(thrown.getCause()).isInstanceOf(FileNotFoundException.class);
    assertThat(thrown.getMessage()).contains(gone.getFileName().toString());
  }

  /** What a failed read throws. */
  private static Throwable reading(SparkSession spark, Path file) {
    ParquetRows reader =
        new ParquetRows(spark.sparkContext().hadoopConfiguration(), WITH_A_NEW_COLUMN);
    Throwable thrown = null;
    try {
      reader.read(new org.apache.hadoop.fs.Path(file.toUri()), row -> {});
    } catch (RuntimeException e) {
      thrown = e;
    }
    assertThat(thrown).as("reading %s", file.getFileName()).isNotNull();
    return thrown;
  }

  /**
   * The line the CLI prints is the innermost cause's message (ErrorReporter): it must name the
   * file, since parquet-mr's own messages for a damaged page do not.
   */
  private static void assertTheOneLineNames(Path file, Throwable thrown) {
    Throwable innermost = thrown;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    assertThat(innermost.getMessage())
        .startsWith("cannot read ")
        .contains(file.getFileName().toString())
        .doesNotContain("\n");
    assertThat(innermost.getSuppressed()).hasSize(1); // parquet-mr's failure, for --verbose
  }

  private static Path dataFile(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }
}
