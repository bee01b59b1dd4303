package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The source as Spark sees it before reading: its schema, its plan, and what planning costs (the
 * windows are planned when Spark plans the query, from flows.json and, if it needs several windows,
 * a probe page).
 */
@ExtendWith(SharedSpark.class)
class RapidProSourcePlanTest {

  private static final String TOKEN = "plan-secret-7f3a";
  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(1_000).flows(3).seed(4).token(TOKEN));

  private static Dataset<Row> read() {
    return spark
        .read()
        .format("rapidpro")
        .option("api", simulator.get().url().toString())
        .option("token", TOKEN)
        .load();
  }

  @Test
  void isFoundByItsShortNameWithTheRunColumnsAndTheRejectColumn() {
    assertThat(read().schema()).isEqualTo(RunColumns.SOURCE);
  }

  @Test
  void keepsTheTokenOutOfEveryPlanDescription(Simulator sim) {
    Dataset<Row> runs = read().select("uuid", "values");
    String plans =
        runs.queryExecution().toString() + runs.queryExecution().executedPlan().toString();
    assertThat(plans).contains("RapidProRuns[api=" + sim.url()).doesNotContain(TOKEN);
  }

  @Test
  void planningAFastServersReadCostsFlowsJsonOnly(Simulator sim) {
    sim.requests().clear();

    read().select("uuid").queryExecution().executedPlan();

    assertThat(sim.requests().all())
        .extracting(
            r ->
                r.pathAndQuery()
                    .substring(
                        0,
                        r.pathAndQuery().indexOf('?') < 0
                            ? r.pathAndQuery().length()
                            : r.pathAndQuery().indexOf('?')))
        .as("one window is enough at the default budget: no probe page")
        .containsExactly("/api/v2/flows.json");
  }

  @Test
  void asksForPathsOnlyWhenAPathColumnIsRead() {
    assertThat(read().select("uuid").queryExecution().executedPlan().toString())
        .contains("paths=false");
    assertThat(read().select("uuid", "last_node").queryExecution().executedPlan().toString())
        .contains("paths=true");
  }
}
