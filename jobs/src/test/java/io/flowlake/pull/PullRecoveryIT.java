package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.PullRecord;
import io.flowlake.simulator.Fault;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pull that dies after any of its stages, or fails in the middle of fetching, leaves a lake the
 * next pull brings to exactly the simulator's ground truth.
 */
@ExtendWith(SharedSpark.class)
class PullRecoveryIT {

  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  final SimulatorExtension simulator = SimulatorExtension.serving(PullFixture.workspace(7));

  private final PullFixture fx = new PullFixture(spark, simulator::get);
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = PullStage.class,
      names = {"FETCHED", "RUNS_MERGED", "RUN_VALUES_REFRESHED", "REJECTS_KEPT"})
  void aPullKilledAfterAnyStageConvergesWhenRunAgain(PullStage killedAfter, Simulator sim) {
    Path lake = dir.resolve("lake");
    PullRecord first = fx.pull(lake);
    sim.workspace().modifyRuns(100);
    sim.workspace().addRuns(50);

    assertThatThrownBy(
            () ->
                fx.pull(
                    lake,
                    fx.options(),
                    stage -> {
                      if (stage == killedAfter) {
                        throw new IllegalStateException("killed after " + stage);
                      }
                    }))
        .hasMessageContaining("killed");
    assertThat(fx.history(lake)).hasSize(1); // the state still describes the first pull
    assertThat(
            new io.flowlake.lake.StateStore(
                    fx.paths(lake), spark.sparkContext().hadoopConfiguration())
                .watermark())
        .contains(first.watermarkAfter());

    fx.pull(lake);
    fx.assertLakeEqualsTruth(lake);
  }

  @Test
  void aPullThatFailsMidFetchKeepsTheLakeAsItWasAndARetryCompletesIt(Simulator sim) {
    Path lake = dir.resolve("lake");
    fx.pull(lake);
    Map<String, RunRecord> before = fx.lakeRuns(lake);
    sim.workspace().addRuns(600); // three pages to fetch
    // the hook counts runs.json requests only (not flows.json, not the deleted-contacts listing)
    long runsRequestsSoFar =
        sim.requests().all().stream()
            .filter(r -> r.pathAndQuery().startsWith("/api/v2/runs.json"))
            .count();
    sim.onRunsRequest(
        n -> {
          if (n == runsRequestsSoFar + 3) { // the pull's third page
            sim.faults().enqueue(10, Fault.serverError(503)); // more than max attempts
          }
        });
    Map<String, String> options = fx.options();
    options.put("maxAttempts", "3");

    assertThatThrownBy(() -> fx.pull(lake, options, PullStage.Listener.NONE))
        .hasStackTraceContaining("failed after 3 attempts");
    assertThat(fx.lakeRuns(lake)).isEqualTo(before);

    sim.onRunsRequest(n -> {});
    sim.faults().clear();
    fx.pull(lake);
    fx.assertLakeEqualsTruth(lake);
  }
}
