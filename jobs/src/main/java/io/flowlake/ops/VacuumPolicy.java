package io.flowlake.ops;

import io.flowlake.config.ValueType;
import io.flowlake.lake.LakeVacuum;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a {@code run} vacuums the lake: always with {@code --vacuum}, else when its cadence ({@code
 * --vacuum-every}) has passed since the last vacuum. A lake that never kept a cadence starts one at
 * its next run instead of vacuuming: a new lake has nothing to remove yet.
 *
 * @param retention what the vacuum keeps ({@code --retention})
 * @param every the cadence: {@link Duration#ZERO} for every run, {@link ValueType#NEVER} for none
 * @param forced {@code --vacuum}: vacuum whatever the cadence says
 */
public record VacuumPolicy(Duration retention, Duration every, boolean forced) {

  public VacuumPolicy {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(every, "every");
  }

  /** A run that never vacuums. */
  public static VacuumPolicy off() {
    return new VacuumPolicy(LakeVacuum.DEFAULT_RETENTION, ValueType.NEVER, false);
  }

  /** Whether a run at {@code now} vacuums, given when the cadence counts from (if it has begun). */
  public boolean isDue(Optional<Instant> since, Instant now) {
    if (forced) {
      return true;
    }
    if (every.equals(ValueType.NEVER) || since.isEmpty()) {
      return false;
    }
    return !now.isBefore(since.get().plus(every));
  }

  /** Whether this policy keeps a cadence at all (so a first run starts it). */
  public boolean hasCadence() {
    return !every.equals(ValueType.NEVER);
  }
}
