package io.flowlake.cli;

import io.flowlake.lake.PullRecord;
import io.flowlake.models.TransformResult;
import io.flowlake.ops.LockHolder;
import io.flowlake.ops.RunListener;
import io.flowlake.ops.RunReport;
import io.flowlake.pull.BackfillRecord;
import io.flowlake.pull.PullStage;
import java.io.PrintStream;
import java.util.Map;

/**
 * What the jobs tell, printed for a person: a progress line while a pull runs, then each job's
 * summary lines, the same whichever command ran the job ({@code pull}, {@code backfill}, {@code
 * transform}, {@code run}, {@code demo}).
 */
public final class JobConsole implements RunListener {

  private final PrintStream out;
  private final PrintStream reportJson;

  private JobConsole(PrintStream out, PrintStream reportJson) {
    this.out = out;
    this.reportJson = reportJson;
  }

  /** Everything on {@code out}. */
  public static JobConsole on(PrintStream out) {
    return new JobConsole(out, null);
  }

  /**
   * {@code run --report-json}: the finished run's report as one JSON line on {@code reportJson},
   * everything else on {@code out}.
   */
  static JobConsole withReportJson(PrintStream out, PrintStream reportJson) {
    return new JobConsole(out, reportJson);
  }

  @Override
  public void lockTakenOver(LockHolder dead) {
    out.println("took over the stale lock of " + dead.describe());
  }

  @Override
  public void backfilled(BackfillRecord done) {
    out.printf(
        "backfill: %,d archives listed, %,d already merged, %,d merged (%,d runs, %,d rejects,"
            + " %,d months) in %.1f s%n",
        done.listed(),
        done.alreadyMerged(),
        done.merged(),
        done.runs(),
        done.rejects(),
        done.monthsTouched(),
        done.seconds());
    if (done.rejects() > 0) {
      out.printf("%,d archive lines could not be parsed: see the rejects table%n", done.rejects());
    }
  }

  @Override
  public PullStage.Listener pullProgress(int requestsPerHour) {
    return pullProgress(requestsPerHour, 0);
  }

  /** A progress line whose ETA counts on {@code expectedRuns} (0: unknown, by windows instead). */
  public PullStage.Listener pullProgress(int requestsPerHour, long expectedRuns) {
    return new ProgressLine(expectedRuns, requestsPerHour, out);
  }

  @Override
  public void pulled(PullRecord pull) {
    PullReport.print(pull, out);
  }

  @Override
  public void transformed(TransformResult marts) {
    marts.notes().forEach(out::println);
    if (marts.upToDate()) {
      out.println("marts up to date: " + marts.why());
      return;
    }
    out.println("marts: " + marts.why());
    for (Map.Entry<String, Long> mart : marts.rowCounts().entrySet()) {
      out.printf("mart %-20s %,12d rows%n", mart.getKey(), mart.getValue());
    }
    out.printf("audits: %d passed%n", marts.auditsPassed().size());
  }

  @Override
  public void vacuumed(io.flowlake.lake.VacuumResult vacuum, java.time.Duration retention) {
    out.printf(
        "vacuum: %d tables vacuumed (%d purged first), %d skipped as unchanged;"
            + " files older than %s removed%n",
        vacuum.vacuumed(), vacuum.purged(), vacuum.skipped(), retention);
  }

  @Override
  public void tooManyRejects(long rejects, long maxRejects) {
    out.printf(
        "flowlake run: %,d records rejected, more than --max-rejects %,d: see the rejects table%n",
        rejects, maxRejects);
  }

  @Override
  public void nothingNew(java.time.Instant watermark) {
    out.println("nothing new since " + watermark);
  }

  @Override
  public void reportNotStored(RuntimeException e) {
    out.println("flowlake run: " + e.getMessage());
  }

  @Override
  public void finished(RunReport report) {
    if (reportJson != null) {
      reportJson.println(report.toJson());
    }
  }
}
