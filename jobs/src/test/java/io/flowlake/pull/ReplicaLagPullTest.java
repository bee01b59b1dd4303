package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.PullRecord;
import io.flowlake.simulator.ManualClock;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental pulls against a simulator whose runs endpoint reads a lagging replica
 * (docs/rapidpro-api.md §9 pitfall 4): a write shows up to {@link #LAG} after its {@code
 * modified_on}, out of order, so a pull's watermark can pass a run that appears later. The overlap
 * re-read below the watermark is what catches it. The simulator and the pulls share one {@link
 * ManualClock}: no test sleeps, and the same seed gives the same writes and delays every time.
 */
@ExtendWith(SharedSpark.class)
class ReplicaLagPullTest {
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration LAG = Duration.ofMinutes(2);

  /** Few runs: three pulls per test, and what matters is the minute of writes. */
  private static final int RUNS = 600;

  /** {@code --overlap}'s default. */
  private static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(10);

  private static final SparkSession spark = SharedSpark.session();
  private final ManualClock clock = new ManualClock(START);

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(
          Simulator.builder()
              .runs(RUNS)
              .flows(5)
              .seed(7)
              .requestsPerHour(0)
              .clock(clock)
              .replicaLag(LAG));

  private final PullFixture fx = new PullFixture(spark, simulator::get);
  private final List<String> written = new ArrayList<>();
  private long behindAfterEarlyPull;
  @TempDir Path dir;

  private PullRecord pull(Path lake, Duration overlap) {
    return new PullJob(spark, fx.paths(lake), clock)
        .run(new PullSettings(fx.options(), overlap, false), PullJob.newPullId());
  }

  /**
   * A full pull; then a minute of writes, one a second (runs started and runs moving on), and an
   * incremental pull while some are still on their way to the replica; then, once all have arrived,
   * another incremental pull. Returns the three pulls.
   */
  private List<PullRecord> pullWhileWritesArrive(Path lake, Duration overlap) {
    clock.advance(Duration.ofMinutes(1));
    PullRecord full = pull(lake, overlap);
    for (int k = 0; k < 60; k++) {
      written.addAll(
          k % 3 == 0
              ? simulator.get().workspace().addRuns(1)
              : simulator.get().workspace().modifyRuns(1));
      clock.advance(Duration.ofSeconds(1));
    }
    PullRecord early = pull(lake, overlap); // the writes are 1-60 s old, the lag up to 120 s
    behindAfterEarlyPull = behind(lake).size();
    clock.advance(LAG);
    PullRecord late = pull(lake, overlap);
    return List.of(full, early, late);
  }

  /** The simulator's runs that the lake lacks or holds in an older version. */
  private List<RunRecord> behind(Path lake) {
    Map<String, RunRecord> runs = fx.lakeRuns(lake);
    return LakeRuns.byUuid(simulator.get().workspace().snapshot()).values().stream()
        .filter(r -> !r.equals(runs.get(r.uuid())))
        .toList();
  }

  @Test
  void withoutOverlapAnIncrementalPullLosesRunsThatArrivedBehindItsWatermark() {
    Path lake = dir.resolve("lake");

    List<PullRecord> pulls = pullWhileWritesArrive(lake, Duration.ZERO);

    Instant passed = pulls.get(1).watermarkAfter();
    assertThat(pulls.get(2).after()).isEqualTo(passed);
    Map<String, RunRecord> runs = fx.lakeRuns(lake);
    List<RunRecord> wrong = behind(lake);
    // Each run the lake lacks or holds stale was written in that minute, shows a modified_on
    // below the watermark the early pull recorded, and so was not asked for again.
    assertThat(wrong)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(written).contains(r.uuid()))
        .allSatisfy(r -> assertThat(r.modifiedOn()).isBefore(passed))
        .anySatisfy(r -> assertThat(runs).doesNotContainKey(r.uuid()));
  }

  @Test
  void theDefaultOverlapCatchesEveryRunTheReplicaShowedLate() {
    Path lake = dir.resolve("lake");

    List<PullRecord> pulls = pullWhileWritesArrive(lake, DEFAULT_OVERLAP);

    assertThat(behindAfterEarlyPull).isPositive(); // runs the replica had not shown yet
    assertThat(pulls.get(2).after())
        .isEqualTo(pulls.get(1).watermarkAfter().minus(DEFAULT_OVERLAP));
    fx.assertLakeEqualsTruth(lake);
  }
}
