package io.flowlake.ops;

import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeVacuum;
import io.flowlake.lake.VacuumResult;
import io.flowlake.lake.VacuumState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * A vacuum of the whole lake, by {@code flowlake vacuum} or by a {@code run} it is due in: each
 * Delta table that can have something to remove purged and vacuumed ({@link LakeVacuum}), then the
 * {@code _state} history trimmed to the same retention ({@link StateHistory}), then the time
 * recorded ({@link VacuumState}) for the cadence. Callers hold the lake's lock.
 */
public final class VacuumJob {

  private final SparkSession spark;
  private final LakePaths lake;
  private final Clock clock;
  private final VacuumState state;

  public VacuumJob(SparkSession spark, LakePaths lake, Clock clock) {
    this.spark = spark;
    this.lake = lake;
    this.clock = clock;
    this.state = new VacuumState(lake, conf(spark));
  }

  /** Vacuums now, each table that can have something to remove; returns what it did. */
  public VacuumResult run(Duration retention) {
    VacuumResult result = new LakeVacuum(spark, lake, clock).vacuum(retention, state.marks());
    Instant done = clock.instant();
    new StateHistory(lake, conf(spark)).trim(retention, done);
    state.vacuumed(done, retention, result);
    return result;
  }

  /**
   * Vacuums if {@code policy} says it is due, which costs one small state read when it is not (no
   * Spark job); returns what it did, or empty when it was not due.
   */
  public Optional<VacuumResult> runIfDue(VacuumPolicy policy) {
    Optional<Instant> since = state.since();
    if (since.isEmpty() && policy.hasCadence() && !policy.forced()) {
      state.start(clock.instant());
      return Optional.empty();
    }
    if (!policy.isDue(since, clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(run(policy.retention()));
  }

  private static Configuration conf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }
}
