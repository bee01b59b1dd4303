package io.flowlake.ops;

/** Another live run holds the lake's lock; this run did nothing. */
public final class LakeLockedException extends RuntimeException {

  private final transient LockHolder holder;

  public LakeLockedException(String lock, LockHolder holder) {
    super(
        "the lake is locked by "
            + holder.describe()
            + "; this run did nothing (if that run is dead on another host, its lock expires "
            + RunLock.LEASE.toSeconds()
            + " s after its last heartbeat, or delete "
            + lock
            + ")");
    this.holder = holder;
  }

  public LockHolder holder() {
    return holder;
  }
}
