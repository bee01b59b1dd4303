package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.delta.tables.DeltaTable;
import io.flowlake.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Files written beside Delta and committed by hand must read as Delta's own overwrite would. */
@ExtendWith(SharedSpark.class)
class TableContentsCommitTest {

  private static final Map<String, String> PROPERTIES =
      Map.of(StatsColumns.PROPERTY, StatsColumns.quoted(List.of("k")));

  @Test
  void createsATableThenReplacesItsRowsAndColumnsInOneCommitEach(
      SparkSession spark, @TempDir Path dir) throws IOException {
    String table = dir.resolve("t").toString();
    Dataset<Row> first = spark.sql("select id as k, concat('a', id) as v from range(5)");
    long created =
        TableContentsCommit.replace(
            spark, table, nullable(first.schema()), PROPERTIES, writeFile(first, dir, table));

    assertThat(created).isZero();
    assertThat(spark.read().format("delta").load(table).orderBy("k").collectAsList())
        .containsExactlyElementsOf(first.orderBy("k").collectAsList());
    assertThat(
            DeltaTable.forPath(spark, table)
                .detail()
                .head()
                .<String, String>getJavaMap(
                    DeltaTable.forPath(spark, table).detail().schema().fieldIndex("properties")))
        .containsAllEntriesOf(PROPERTIES);

    // a column more, fewer rows: the old file leaves the table, the schema is the new one
    Dataset<Row> second =
        spark.sql("select id as k, concat('b', id) as v, id * 2 as w from range(2)");
    long replaced =
        TableContentsCommit.replace(
            spark, table, nullable(second.schema()), PROPERTIES, writeFile(second, dir, table));

    assertThat(replaced).isEqualTo(1);
    Dataset<Row> read = spark.read().format("delta").load(table);
    assertThat(read.columns()).containsExactly("k", "v", "w");
    assertThat(read.orderBy("k").collectAsList())
        .containsExactlyElementsOf(second.orderBy("k").collectAsList());
    assertThat(read.inputFiles()).hasSize(1);
    Row history = DeltaTable.forPath(spark, table).history(1).head();
    assertThat(history.<String>getAs("operation")).isEqualTo("WRITE");
    assertThat(history.<String, String>getJavaMap(history.fieldIndex("operationParameters")))
        .containsEntry("mode", "Overwrite");
    // the row count is in the log: counting needs no file read
    assertThat(spark.sql("select count(*) from delta.`" + table + "`").head().getLong(0))
        .isEqualTo(2);
  }

  @Test
  void aTableGivenNoFilesIsEmptiedWithItsColumnsKept(SparkSession spark, @TempDir Path dir)
      throws IOException {
    String table = dir.resolve("t").toString();
    Dataset<Row> rows = spark.sql("select id as k from range(3)");
    TableContentsCommit.replace(
        spark, table, nullable(rows.schema()), PROPERTIES, writeFile(rows, dir, table));

    TableContentsCommit.replace(spark, table, nullable(rows.schema()), PROPERTIES, List.of());

    Dataset<Row> read = spark.read().format("delta").load(table);
    assertThat(read.count()).isZero();
    assertThat(read.columns()).containsExactly("k");
  }

  @Test
  void aCommitMadeAgainstAVersionAnotherWriterHasSinceReplacedIsRefusedAndLosesNothing(
      SparkSession spark, @TempDir Path dir) throws IOException {
    String table = dir.resolve("t").toString();
    Dataset<Row> first = spark.sql("select id as k from range(3)");
    TableContentsCommit.replace(
        spark, table, nullable(first.schema()), PROPERTIES, writeFile(first, dir, table));
    Dataset<Row> mine = spark.sql("select id + 100 as k from range(2)");
    TableContentsCommit.Prepared prepared =
        TableContentsCommit.prepare(
            spark, table, nullable(mine.schema()), PROPERTIES, writeFile(mine, dir, table));

    // another writer adds rows after this commit read version 0 and before it commits
    spark
        .sql("select id + 10 as k from range(4)")
        .write()
        .format("delta")
        .mode("append")
        .save(table);

    assertThatThrownBy(prepared::commit).isInstanceOf(ConcurrentModificationException.class);
    List<Long> kept =
        spark.read().format("delta").load(table).orderBy("k").as(Encoders.LONG()).collectAsList();
    assertThat(kept).containsExactly(0L, 1L, 2L, 10L, 11L, 12L, 13L);
    assertThat(DeltaTable.forPath(spark, table).history(1).head().<Long>getAs("version"))
        .isEqualTo(1L);
  }

  /** Writes the rows as one Parquet file into the table's directory, as a task would. */
  private static List<TableFile> writeFile(Dataset<Row> rows, Path dir, String table)
      throws IOException {
    Path scratch = Files.createTempDirectory(dir, "w");
    rows.coalesce(1).write().mode("overwrite").parquet(scratch.toString());
    Files.createDirectories(Path.of(table));
    try (Stream<Path> files = Files.list(scratch)) {
      Path file =
          files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().get();
      Path target = Path.of(table).resolve(file.getFileName());
      Files.move(file, target);
      return List.of(
          new TableFile(
              target.getFileName().toString(),
              Files.size(target),
              Files.getLastModifiedTime(target).toMillis(),
              rows.count()));
    }
  }

  private static StructType nullable(StructType schema) {
    StructType all = new StructType();
    for (StructField field : schema.fields()) {
      all = all.add(field.name(), field.dataType(), true);
    }
    return all;
  }
}
