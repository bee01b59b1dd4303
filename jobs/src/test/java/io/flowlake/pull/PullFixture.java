package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.lake.StateStore;
import io.flowlake.simulator.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** A simulator, a lake and the calls a pull test makes on them. */
final class PullFixture {

  /** 3,000 runs: 12 pages, and a bulk interrupt of 650 runs sharing one modified_on. */
  static final int RUNS = 3_000;

  final SparkSession spark;
  private final Supplier<Simulator> simulator;

  /** Pulls from the simulator the test runs now ({@code SimulatorExtension::get}). */
  PullFixture(SparkSession spark, Supplier<Simulator> simulator) {
    this.spark = spark;
    this.simulator = simulator;
  }

  /** The pull tests' workspace: {@link #RUNS} runs in 5 flows, unthrottled. */
  static Simulator.Builder workspace(long seed) {
    return Simulator.builder().runs(RUNS).flows(5).seed(seed).requestsPerHour(0);
  }

  /** Source options for this simulator: fast pacing, fast retries (no test waits for long). */
  Map<String, String> options() {
    Simulator sim = simulator.get();
    Map<String, String> options = new HashMap<>();
    options.put(ConnectionSettings.API.key(), sim.url().toString());
    options.put(ConnectionSettings.TOKEN.key(), sim.token());
    options.put(ConnectionSettings.REQUESTS_PER_HOUR.key(), "3600000");
    options.put(ConnectionSettings.BACKOFF_BASE.key(), "5ms");
    options.put(ConnectionSettings.RETRY_AFTER_FALLBACK.key(), "1s");
    return options;
  }

  PullRecord pull(Path lake) {
    return pull(lake, options(), PullStage.Listener.NONE);
  }

  PullRecord pull(Path lake, Map<String, String> options, PullStage.Listener stages) {
    PullSettings settings = new PullSettings(options, Duration.ofMinutes(10), false);
    return new PullJob(spark, paths(lake), Clock.systemUTC(), stages)
        .run(settings, PullJob.newPullId());
  }

  LakePaths paths(Path lake) {
    return new LakePaths(lake.toUri().toString());
  }

  Map<String, RunRecord> lakeRuns(Path lake) {
    return LakeRuns.read(spark, paths(lake).runs());
  }

  List<PullRecord> history(Path lake) {
    return new StateStore(paths(lake), spark.sparkContext().hadoopConfiguration()).history();
  }

  /** The lake holds exactly the simulator's runs, each equal field for field. */
  void assertLakeEqualsTruth(Path lake) {
    Map<String, RunRecord> truth = LakeRuns.byUuid(simulator.get().workspace().snapshot());
    Map<String, RunRecord> runs = lakeRuns(lake);
    assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(truth.keySet());
    truth.forEach((uuid, run) -> assertThat(runs.get(uuid)).as("run %s", uuid).isEqualTo(run));
    long values = truth.values().stream().mapToLong(r -> r.values().size()).sum();
    assertThat(spark.read().format("delta").load(paths(lake).runValues()).count())
        .as("run_values rows")
        .isEqualTo(values);
  }
}
