package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class OneFileTableWriteTest {

  @Test
  void aRewriteReplacesTheTableWithWhatItMakesOfTheCurrentRowsInOneFile(
      SparkSession spark, @TempDir Path dir) {
    String table = dir.resolve("t").toString();
    OneFileTableWrite.replace(spark, spark.sql("select id as k from range(5)"), table, Map.of());

    long rows =
        OneFileTableWrite.rewrite(
            spark,
            table,
            current -> current.where("k % 2 = 0").unionByName(spark.sql("select 100L as k")));

    assertThat(rows).isEqualTo(4);
    assertThat(keys(spark, table)).containsExactly(0L, 2L, 4L, 100L);
    assertThat(spark.read().format("delta").load(table).inputFiles()).hasSize(1);
  }

  @Test
  void aRewriteIsRefusedWhenAnotherWriterCommittedAfterItReadTheRowsAndLosesNothing(
      SparkSession spark, @TempDir Path dir) {
    String table = dir.resolve("t").toString();
    OneFileTableWrite.replace(spark, spark.sql("select id as k from range(3)"), table, Map.of());

    assertThatThrownBy(
            () ->
                OneFileTableWrite.rewrite(
                    spark,
                    table,
                    current -> {
                      // another writer commits after this rewrite read its version
                      spark
                          .sql("select 10L as k")
                          .write()
                          .format("delta")
                          .mode("append")
                          .save(table);
                      return current.where("k > 0");
                    }))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(keys(spark, table)).containsExactly(0L, 1L, 2L, 10L);
  }

  @Test
  void aRewriteOfNoTableSaysSo(SparkSession spark, @TempDir Path dir) {
    String table = dir.resolve("none").toString();

    assertThatThrownBy(() -> OneFileTableWrite.rewrite(spark, table, current -> current))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no table at " + table + " to rewrite");
  }

  private static List<Long> keys(SparkSession spark, String table) {
    return spark
        .read()
        .format("delta")
        .load(table)
        .orderBy("k")
        .as(Encoders.LONG())
        .collectAsList();
  }
}
