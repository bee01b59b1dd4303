package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
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
   * Delta 4.4.0 needs 5 jobs to overwrite an existing table (docs/transform.md: its state, an
   * aggregate over it for the domain metadata of a replace, the write, the files replaced). Every
   * other job would be flowlake's own: a count, a snapshot to read the schema or the history.
   */
  private static final int DELTA_OVERWRITE_JOBS = 5;

  @Test
  void overwritingAnExistingMartRunsOnlyDeltasJobsAndCountsRowsFromTheCommit(
      SparkSession spark, @TempDir Path dir) throws Exception {
    String path = dir.resolve("mart").toString();
    MartWriter.overwrite(rows(spark, 5), path);
    Dataset<Row> next = rows(spark, 7).localCheckpoint(true);

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
      MartWriter.overwrite(next, path);
      assertThat(MartWriter.lastWriteRows(spark, path)).isEqualTo(7);
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }

    assertThat(jobs.get()).isBetween(1, DELTA_OVERWRITE_JOBS);
    assertThat(spark.read().format("delta").load(path).count()).isEqualTo(7);
  }

  private static Dataset<Row> rows(SparkSession spark, int count) {
    return spark.range(count).selectExpr("cast(id as string) as flow_uuid", "id * 2 as runs");
  }
}
