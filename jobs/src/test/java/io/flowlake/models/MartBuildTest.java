package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class MartBuildTest {

  /** What a mart does with an intermediate step: groups its rows and ranks the groups. */
  private static final String GROUP_AND_RANK =
      "select flow_uuid, sum(runs) as runs, rank() over (order by sum(runs) desc) as place"
          + " from kept group by flow_uuid";

  @Test
  void aStepKeptInOnePartitionIsGroupedAndRankedWithoutAShuffle(SparkSession spark) {
    // an intermediate step: runs counted by flow and day, which Spark puts in one partition
    Dataset<Row> step =
        runs(spark).groupBy("flow_uuid", "day").agg(functions.count("*").as("runs"));
    Dataset<Row> kept = MartBuild.keep(step);
    kept.createOrReplaceTempView("kept");

    Dataset<Row> ranked = spark.sql(GROUP_AND_RANK);

    assertThat(kept.rdd().getNumPartitions()).isEqualTo(1);
    assertThat(ranked.orderBy("flow_uuid").collectAsList()).containsExactlyElementsOf(expected());
    assertThat(ranked.queryExecution().executedPlan().toString()).doesNotContain("Exchange");
    // kept as it was, the step is partitioned by flow and day, which the grouping by flow alone
    // does not take: the shuffle the check above would catch
    step.localCheckpoint(true).createOrReplaceTempView("kept");
    assertThat(spark.sql(GROUP_AND_RANK).queryExecution().executedPlan().toString())
        .contains("Exchange");
  }

  @Test
  void aStepKeptInSeveralPartitionsStaysSpreadOverThem(SparkSession spark) {
    Dataset<Row> kept = MartBuild.keep(runs(spark).selectExpr("flow_uuid", "1L as runs"));
    kept.createOrReplaceTempView("kept");

    assertThat(kept.rdd().getNumPartitions()).isEqualTo(2);
    assertThat(spark.sql(GROUP_AND_RANK).orderBy("flow_uuid").collectAsList())
        .containsExactlyElementsOf(expected());
  }

  /** 100 runs in 2 partitions, over flows "0" to "6" and days 0 to 2. */
  private static Dataset<Row> runs(SparkSession spark) {
    return spark
        .range(0, 100, 1, 2)
        .selectExpr("cast(id % 7 as string) as flow_uuid", "id % 3 as day");
  }

  /** Flows 0 and 1 have 15 runs each (ids 0-98 step 7, then one more), the others 14. */
  private static List<Row> expected() {
    return List.of(
        Row.fromTuple(new scala.Tuple3<>("0", 15L, 1)),
        Row.fromTuple(new scala.Tuple3<>("1", 15L, 1)),
        Row.fromTuple(new scala.Tuple3<>("2", 14L, 3)),
        Row.fromTuple(new scala.Tuple3<>("3", 14L, 3)),
        Row.fromTuple(new scala.Tuple3<>("4", 14L, 3)),
        Row.fromTuple(new scala.Tuple3<>("5", 14L, 3)),
        Row.fromTuple(new scala.Tuple3<>("6", 14L, 3)));
  }
}
