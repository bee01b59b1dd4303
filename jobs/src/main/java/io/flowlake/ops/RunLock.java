package io.flowlake.ops;

import io.flowlake.config.ConfigException;
import io.flowlake.lake.LakePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer at a time per lake: {@code <lake>/_state/lock.json} names the holder (run id, pid,
 * host, start); its modification time is a heartbeat refreshed every {@link #HEARTBEAT}. A lock
 * whose holder is dead (same host, pid gone) or silent for {@link #LEASE} is stale and is taken
 * over, so a killed run never blocks the schedule. Closing releases it.
 */
public final class RunLock implements AutoCloseable {

  public static final String FILE = "lock.json";
  public static final Duration HEARTBEAT = Duration.ofSeconds(10);
  public static final Duration LEASE = Duration.ofSeconds(90);

  private final LockFile file;
  private final LockHolder holder;
  private final Optional<LockHolder> replaced;
  private final ScheduledExecutorService heartbeat;

  private RunLock(LockFile file, LockHolder holder, Optional<LockHolder> replaced) {
    this.file = file;
    this.holder = holder;
    this.replaced = replaced;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "flowlake-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleAtFixedRate(
        this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lake's lock for {@code runId}.
   *
   * @throws LakeLockedException when a live run holds it
   */
  public static RunLock acquire(LakePaths lake, Configuration conf, String runId, String command) {
    LockFile file = lockFile(lake, conf);
    LockHolder me = LockHolder.current(runId, command);
    try {
      if (file.createNew(me.toJson())) {
        return new RunLock(file, me, Optional.empty());
      }
      Optional<LockFile.Snapshot> seen = file.read();
      if (seen.isEmpty()) { // released between our two looks
        return acquireOnce(file, me, Optional.empty());
      }
      LockHolder other = LockHolder.fromJson(seen.get().content(), seen.get().heartbeat());
      if (!other.isStale(Instant.now(), LEASE)) {
        throw new LakeLockedException(file.location(), other);
      }
      return takeOver(file, me, other);
    } catch (IOException e) {
      // before any request: a lake that cannot hold a lock file cannot hold the data either
      throw new ConfigException(
          "cannot write to the lake: its lock "
              + file.location()
              + " ("
              + e.getMessage()
              + "): give a writable --lake");
    }
  }

  /**
   * Moves the stale lock aside (only one of two racing runs can), checks it is the one judged
   * stale, not a fresh lock another run took meanwhile, then creates ours.
   */
  private static RunLock takeOver(LockFile file, LockHolder me, LockHolder stale)
      throws IOException {
    String aside = ".stale-" + me.runId();
    if (!file.moveAside(aside)) {
      throw lockedByWhoeverHoldsIt(file, stale);
    }
    Optional<LockFile.Snapshot> moved = file.readAside(aside);
    boolean same =
        moved.isPresent()
            && LockHolder.fromJson(moved.get().content(), moved.get().heartbeat())
                .runId()
                .equals(stale.runId());
    if (!same) {
      if (!file.moveBack(aside)) {
        file.deleteAside(aside);
      }
      throw lockedByWhoeverHoldsIt(file, stale);
    }
    file.deleteAside(aside);
    return acquireOnce(file, me, Optional.of(stale));
  }

  private static RunLock acquireOnce(LockFile file, LockHolder me, Optional<LockHolder> replaced)
      throws IOException {
    if (!file.createNew(me.toJson())) {
      throw lockedByWhoeverHoldsIt(file, replaced.orElse(me));
    }
    return new RunLock(file, me, replaced);
  }

  private static LakeLockedException lockedByWhoeverHoldsIt(LockFile file, LockHolder fallback)
      throws IOException {
    Optional<LockFile.Snapshot> now = file.read();
    LockHolder holder =
        now.map(s -> LockHolder.fromJson(s.content(), s.heartbeat())).orElse(fallback);
    return new LakeLockedException(file.location(), holder);
  }

  private static LockFile lockFile(LakePaths lake, Configuration conf) {
    Path path = new Path(lake.state(), FILE);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof LocalFileSystem local) {
        return new LocalLockFile(local.pathToFile(path).toPath());
      }
      return new HadoopLockFile(fs, path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + path, e);
    }
  }

  /** The dead run whose lock this one took over, if any. */
  public Optional<LockHolder> replaced() {
    return replaced;
  }

  public LockHolder holder() {
    return holder;
  }

  private void beat() {
    try {
      file.touch();
    } catch (IOException | RuntimeException e) {
      // a missed beat only shortens the lease; the next one tries again
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      Optional<LockFile.Snapshot> current = file.read();
      boolean ours =
          current.isPresent()
              && LockHolder.fromJson(current.get().content(), current.get().heartbeat())
                  .runId()
                  .equals(holder.runId());
      if (ours) {
        file.delete();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lake's lock " + file.location(), e);
    }
  }
}
