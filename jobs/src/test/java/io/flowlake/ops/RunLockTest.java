package io.flowlake.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.lake.LakePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One holder per lake; dead or silent holders are detected and replaced, live ones never. */
class RunLockTest {

  @TempDir Path dir;
  private final Configuration conf = new Configuration();

  private LakePaths lake() {
    return LakePaths.qualified(dir.resolve("lake").toString(), conf);
  }

  private Path lockFile() {
    return dir.resolve("lake/_state/" + RunLock.FILE);
  }

  private void writeLock(String runId, long pid, String host, Instant heartbeat) throws Exception {
    Files.createDirectories(lockFile().getParent());
    LockHolder holder = new LockHolder(runId, "run", pid, host, heartbeat, heartbeat);
    Files.write(lockFile(), holder.toJson());
    Files.setLastModifiedTime(lockFile(), FileTime.from(heartbeat));
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLockAndAdmittedAfter() {
    try (RunLock first = RunLock.acquire(lake(), conf, "first", "run")) {
      assertThatThrownBy(() -> RunLock.acquire(lake(), conf, "second", "run"))
          .isInstanceOf(LakeLockedException.class)
          .hasMessageContaining("run first")
          .hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    assertThat(lockFile()).doesNotExist();
    try (RunLock second = RunLock.acquire(lake(), conf, "second", "run")) {
      assertThat(second.replaced()).isEmpty();
    }
  }

  @Test
  void ofManyRunsStartingAtOnceExactlyOneGetsTheLock() throws Exception {
    int runs = 8;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RunLock>> attempts = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String id = "run-" + i;
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  return RunLock.acquire(lake(), conf, id, "run");
                } catch (LakeLockedException e) {
                  return null;
                }
              }));
    }
    start.countDown();
    List<RunLock> winners = new ArrayList<>();
    for (Future<RunLock> attempt : attempts) {
      RunLock lock = attempt.get();
      if (lock != null) {
        winners.add(lock);
      }
    }
    pool.shutdown();
    assertThat(winners).hasSize(1);
    winners.get(0).close();
  }

  @Test
  void theLockOfAProcessThatDiedIsStaleAndTakenOver() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    writeLock("killed-run", dead.pid(), Hosts.name(), Instant.now()); // fresh heartbeat, dead pid

    try (RunLock lock = RunLock.acquire(lake(), conf, "next", "run")) {
      assertThat(lock.replaced())
          .hasValueSatisfying(h -> assertThat(h.runId()).isEqualTo("killed-run"));
      assertThat(new String(Files.readAllBytes(lockFile()))).contains("\"next\"");
    }
  }

  @Test
  void aLockFromAnotherHostIsHonouredUntilItsHeartbeatIsOlderThanTheLease() throws Exception {
    writeLock("remote", 1, "another-host", Instant.now().minusSeconds(5));
    assertThatThrownBy(() -> RunLock.acquire(lake(), conf, "mine", "run"))
        .isInstanceOf(LakeLockedException.class)
        .hasMessageContaining("another-host");

    writeLock("remote", 1, "another-host", Instant.now().minus(RunLock.LEASE).minusSeconds(5));
    try (RunLock lock = RunLock.acquire(lake(), conf, "mine", "run")) {
      assertThat(lock.replaced())
          .hasValueSatisfying(h -> assertThat(h.host()).isEqualTo("another-host"));
    }
  }

  @Test
  void closingNeverRemovesALockSomeoneElseHolds() throws Exception {
    RunLock mine = RunLock.acquire(lake(), conf, "mine", "run");
    // as if this run had stalled past its lease and another run had taken the lake over
    writeLock("other", ProcessHandle.current().pid(), Hosts.name(), Instant.now());
    mine.close();
    assertThat(new String(Files.readAllBytes(lockFile()))).contains("\"other\"");
  }

  @Test
  void anUnwritableLakeIsAConfigurationErrorNamingTheLock() throws Exception {
    Files.writeString(dir.resolve("lake"), "a file, not a folder");
    assertThatThrownBy(() -> RunLock.acquire(lake(), conf, "x", "run"))
        .isInstanceOf(io.flowlake.config.ConfigException.class)
        .hasMessageContaining(RunLock.FILE);
  }
}
