package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class MartWriterTest {

  /**
   * A mart's overwrite is one write job; Delta's own commit may add a small one
   * (docs/transform.md). Delta 4.4.0's overwrite took 5 (the table's state, an aggregate over it
   * for the domain metadata of a replace, the write, the files replaced); any other job would be
   * flowlake's own.
   */
  private static final int OVERWRITE_JOBS = 2;

  @Test
  void overwritingAnExistingMartRunsOneWriteJobAndCountsTheRowsItWrote(
      SparkSession spark, @TempDir Path dir) throws Exception {
    String path = dir.resolve("mart").toString();
    assertThat(MartWriter.overwrite(rows(spark, 5), path)).isEqualTo(5);
    Dataset<Row> next = rows(spark, 7).localCheckpoint(true);

    int jobs = jobsOf(spark, () -> assertThat(MartWriter.overwrite(next, path)).isEqualTo(7));

    assertThat(jobs).isBetween(1, OVERWRITE_JOBS);
    Dataset<Row> read = spark.read().format("delta").load(path);
    assertThat(read.orderBy("runs").collectAsList())
        .containsExactlyElementsOf(next.orderBy("runs").collectAsList());
    assertThat(read.inputFiles()).hasSize(1);
  }

  @Test
  void aPartialScopeKeepsTheOtherFlowsRowsAndReplacesItsOwn(SparkSession spark, @TempDir Path dir) {
    String path = dir.resolve("mart").toString();
    MartWriter.overwrite(rows(spark, 4), path);

    long rows =
        MartWriter.write(
            spark.sql("select '1' as flow_uuid, cast(100 as bigint) as runs"),
            path,
            FlowScope.only(Set.of("1", "9")));

    assertThat(rows).isEqualTo(4);
    assertThat(
            spark.read().format("delta").load(path).orderBy("flow_uuid").collectAsList().stream()
                .map(Row::toString))
        .containsExactly("[0,0]", "[1,100]", "[2,4]", "[3,6]");
  }

  @Test
  void aPartialScopeRunsOnlyTheWriteJobNotOneToFindTheMartsFiles(
      SparkSession spark, @TempDir Path dir) throws TimeoutException {
    String path = dir.resolve("mart").toString();
    MartWriter.overwrite(rows(spark, 4), path);
    Dataset<Row> next = spark.sql("select '1' as flow_uuid, cast(100 as bigint) as runs");

    int jobs = jobsOf(spark, () -> MartWriter.write(next, path, FlowScope.only(Set.of("1"))));

    assertThat(jobs).isBetween(1, OVERWRITE_JOBS);
  }

  private static int jobsOf(SparkSession spark, Runnable write) throws TimeoutException {
    AtomicInteger jobs = new AtomicInteger();
    SparkListener counter =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            jobs.incrementAndGet();
          }
        };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(counter);
    try {
      write.run();
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
    return jobs.get();
  }

  private static Dataset<Row> rows(SparkSession spark, int count) {
    return spark.range(count).selectExpr("cast(id as string) as flow_uuid", "id * 2 as runs");
  }
}
