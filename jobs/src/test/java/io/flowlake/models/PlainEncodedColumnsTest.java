package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainEncodedColumnsTest {

  private static final SparkSession spark = SharedSpark.session();

  @TempDir Path dir;

  @Test
  void writesTheNamedColumnsWithoutADictionaryAndTheOthersWithOne() throws IOException {
    String path = dir.resolve("table").toString();
    try (PlainEncodedColumns plain = PlainEncodedColumns.of(spark, List.of("run_uuid"))) {
      spark
          .range(2000)
          .selectExpr("uuid() as run_uuid", "cast(id % 3 as string) as category")
          .coalesce(1)
          .write()
          .format("delta")
          .save(path);
    }

    Map<String, Boolean> dictionary = dictionaryEncodedColumns(Path.of(path));
    assertThat(dictionary).containsEntry("run_uuid", false).containsEntry("category", true);
  }

  @Test
  void leavesTheSessionAsFoundAndAKeyTheUserSetAlone() {
    String userKey = "parquet.enable.dictionary#contact_name";
    spark.conf().set(userKey, "true");
    try {
      try (PlainEncodedColumns plain =
          PlainEncodedColumns.of(spark, List.of("run_uuid", "contact_name"))) {
        assertThat(spark.conf().get("parquet.enable.dictionary#run_uuid")).isEqualTo("false");
        assertThat(spark.conf().get(userKey)).isEqualTo("true");
      }
      assertThat(spark.conf().contains("parquet.enable.dictionary#run_uuid")).isFalse();
      assertThat(spark.conf().get(userKey)).isEqualTo("true");
    } finally {
      spark.conf().unset(userKey);
    }
  }

  /** Whether each column of the table's one data file has a dictionary page. */
  private static Map<String, Boolean> dictionaryEncodedColumns(Path table) throws IOException {
    Path file;
    try (Stream<Path> files = Files.list(table)) {
      file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Map<String, Boolean> encoded = new HashMap<>();
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      for (ColumnChunkMetaData column : reader.getFooter().getBlocks().get(0).getColumns()) {
        encoded.put(
            column.getPath().toDotString(),
            column.getEncodings().contains(Encoding.PLAIN_DICTIONARY)
                || column.getEncodings().contains(Encoding.RLE_DICTIONARY));
      }
    }
    return encoded;
  }
}
