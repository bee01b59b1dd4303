package io.flowlake.ops;

import io.flowlake.lake.LakePaths;
import io.flowlake.privacy.LakePolicyRecord;
import io.flowlake.privacy.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;

/**
 * What every {@code run} does around its work, with or without Spark: the personal-data policy
 * admitted, the lake's lock held ({@link RunLock}), and whether the work succeeds, fails or is
 * stopped by a signal ({@link StopRequest}), its {@link RunReport} stored in {@code
 * <lake>/_state/runs/} ({@link RunReportStore}) and the listener told it {@link
 * RunListener#finished} before the run returns or throws.
 */
final class ReportedRun {

  private final LakePaths lake;
  private final Configuration conf;
  private final Clock clock;
  private final RunListener listener;
  private final RunExitCodes exitCodes;

  ReportedRun(
      LakePaths lake,
      Configuration conf,
      Clock clock,
      RunListener listener,
      RunExitCodes exitCodes) {
    this.lake = lake;
    this.conf = conf;
    this.clock = clock;
    this.listener = listener;
    this.exitCodes = exitCodes;
  }

  /**
   * Does {@code work} under the lock and returns its outcome, or throws what stopped it ({@link
   * LakeLockedException} when another live run holds the lake: this one did nothing).
   *
   * @param startedAt when the run began, as its report tells (a command's start-up included)
   */
  RunOutcome run(PersonalData policy, Instant startedAt, Function<RunReport, RunOutcome> work) {
    // before the lock and the report: a run refused for its policy leaves the lake as it was
    new LakePolicyRecord(lake, conf, clock).admit(policy);
    RunReport report = new RunReport(UUID.randomUUID().toString(), "run", lake.root(), startedAt);
    RunOutcome outcome = RunOutcome.FAILURE;
    int exitCode = exitCodes.of(RunOutcome.FAILURE);
    String error = null;
    try (RunLock lock = RunLock.acquire(lake, conf, report.runId(), "run")) {
      lock.replaced()
          .ifPresent(
              dead -> {
                listener.lockTakenOver(dead);
                report.staleLockReplaced(dead);
              });
      outcome = workThenEndInterrupts(work, report);
    } catch (LakeLockedException e) {
      outcome = RunOutcome.LOCKED;
      error = e.getMessage();
      throw e;
    } catch (Throwable e) { // Spark throws checked exceptions undeclared; all are rethrown as is
      if (StopRequest.signal().isPresent()) {
        // whatever the cancelled work threw, it was the stop that ended the run
        // done already if the work threw; not if taking or releasing the lock did, and the
        // report needs I/O
        StopRequest.acknowledge();
        outcome = RunOutcome.INTERRUPTED;
        error = "interrupted by SIG" + StopRequest.signal().get();
        throw e;
      }
      error = exitCodes.message(e);
      exitCode = exitCodes.of(e); // the code the process will exit with
      throw e;
    } finally {
      if (outcome != RunOutcome.FAILURE) {
        exitCode = exitCodes.of(outcome);
      }
      report.finish(outcome, exitCode, clock.instant(), error);
      try {
        new RunReportStore(lake, conf).write(report, startedAt.toEpochMilli());
      } catch (RuntimeException e) {
        // the run's own outcome matters more than its report: say so, keep the exit code
        listener.reportNotStored(e);
      }
      listener.finished(report);
    }
    return outcome;
  }

  /**
   * The work, after which a stop asked meanwhile interrupts no more: releasing the lock reads and
   * deletes its file, which an interrupt would abort, leaving the lake locked for the lease.
   */
  private static RunOutcome workThenEndInterrupts(
      Function<RunReport, RunOutcome> work, RunReport report) {
    try {
      return work.apply(report);
    } finally {
      if (StopRequest.signal().isPresent()) {
        StopRequest.acknowledge();
      }
    }
  }
}
