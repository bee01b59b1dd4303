package io.flowlake.ops;

import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeVacuum;
import io.flowlake.lake.VacuumState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * A vacuum of the whole lake, by {@code flowlake vacuum} or by a {@code run} it is due in: each
 * Delta table purged and vacuumed ({@link LakeVacuum}), then the {@code _state} history trimmed to
 * the same retention ({@link StateHistory}), then the time recorded ({@link VacuumState}) for the
 * cadence. Callers hold the lake's lock.
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

  /** Vacuums now; returns how many tables it vacuumed. */
  public int run(Duration retention) {
    int tables = new LakeVacuum(spark, lake).vacuum(retention);
    Instant done = clock.instant();
    new StateHistory(lake, conf(spark)).trim(retention, done);
    state.vacuumed(done, retention, tables);
    return tables;
  }

  /**
   * Vacuums if {@code policy} says it is due, which costs one small state read when it is not (no
   * Spark job); returns the tables vacuumed, or empty when it was not due.
   */
  public OptionalInt runIfDue(VacuumPolicy policy) {
    Optional<Instant> since = state.since();
    if (since.isEmpty() && policy.hasCadence() && !policy.forced()) {
      state.start(clock.instant());
      return OptionalInt.empty();
    }
    if (!policy.isDue(since, clock.instant())) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(run(policy.retention()));
  }

  private static Configuration conf(SparkSession spark) {
    return spark.sparkContext().hadoopConfiguration();
  }
}
