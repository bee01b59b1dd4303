package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The source as Spark sees it before any request: its schema and its plan. */
class RapidProSourcePlanTest {

  private static final String TOKEN = "plan-secret-7f3a";
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Dataset<Row> read() {
    return spark
        .read()
        .format("rapidpro")
        .option("api", "http://127.0.0.1:9")
        .option("token", TOKEN)
        .load();
  }

  @Test
  void isFoundByItsShortNameWithTheRunColumnsAndTheRejectColumn() {
    assertThat(read().schema()).isEqualTo(RunColumns.SOURCE);
  }

  @Test
  void keepsTheTokenOutOfEveryPlanDescription() {
    Dataset<Row> runs = read().select("uuid", "values");
    String plans =
        runs.queryExecution().toString() + runs.queryExecution().executedPlan().toString();
    assertThat(plans).contains("RapidProRuns[api=http://127.0.0.1:9").doesNotContain(TOKEN);
  }

  @Test
  void asksForPathsOnlyWhenAPathColumnIsRead() {
    assertThat(read().select("uuid").queryExecution().executedPlan().toString())
        .contains("paths=false");
    assertThat(read().select("uuid", "last_node").queryExecution().executedPlan().toString())
        .contains("paths=true");
  }
}
