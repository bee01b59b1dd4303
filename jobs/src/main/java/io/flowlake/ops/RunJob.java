package io.flowlake.ops;

import io.flowlake.api.ApiConfig;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.models.SegmentRequest;
import io.flowlake.models.Transform;
import io.flowlake.models.TransformResult;
import io.flowlake.pull.BackfillJob;
import io.flowlake.pull.PullJob;
import io.flowlake.pull.PullSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * {@code flowlake run}, what a schedule runs: under the lake's lock ({@link RunLock}), a backfill
 * from the archives if asked, a pull, then the marts of the flows that changed recomputed. Whether
 * it succeeds or fails, its {@link RunReport} is stored in {@code <lake>/_state/runs/} ({@link
 * RunReportStore}) before the run returns or throws. The lake is vacuumed last when its {@link
 * VacuumPolicy} says it is due ({@link VacuumJob}).
 */
public final class RunJob {

  /**
   * What a run does beyond the lake.
   *
   * @param api the workspace (the archives are listed through it)
   * @param connection the source options that reach the workspace, all the backfill's read takes
   *     (the archives source refuses a pull's window options)
   * @param pull the pull's settings
   * @param withArchives backfill from the run archives before the pull
   * @param maxRejects the rejects a pull may have before the run ends {@link RunOutcome#PARTIAL};
   *     negative for no limit
   * @param vacuum when to vacuum the lake after the marts, and to which retention
   * @param segments what the segment marts are cut by
   */
  public record Settings(
      ApiConfig api,
      Map<String, String> connection,
      PullSettings pull,
      boolean withArchives,
      long maxRejects,
      VacuumPolicy vacuum,
      SegmentRequest segments) {

    public Settings {
      connection = Map.copyOf(connection);
      Objects.requireNonNull(vacuum, "vacuum");
      Objects.requireNonNull(segments, "segments");
    }

    /** A run whose marts are not segmented. */
    public Settings(
        ApiConfig api,
        Map<String, String> connection,
        PullSettings pull,
        boolean withArchives,
        long maxRejects,
        VacuumPolicy vacuum) {
      this(api, connection, pull, withArchives, maxRejects, vacuum, SegmentRequest.none());
    }

    /** A run that does not vacuum. */
    public Settings(
        ApiConfig api,
        Map<String, String> connection,
        PullSettings pull,
        boolean withArchives,
        long maxRejects) {
      this(api, connection, pull, withArchives, maxRejects, VacuumPolicy.off());
    }

    @Override
    public String toString() {
      return "RunJob.Settings[pull=" + pull + ", withArchives=" + withArchives + "]";
    }
  }

  private final SparkSession spark;
  private final LakePaths lake;
  private final Clock clock;
  private final RunListener listener;
  private final RunExitCodes exitCodes;

  public RunJob(
      SparkSession spark,
      LakePaths lake,
      Clock clock,
      RunListener listener,
      RunExitCodes exitCodes) {
    this.spark = spark;
    this.lake = lake;
    this.clock = clock;
    this.listener = listener;
    this.exitCodes = exitCodes;
  }

  /**
   * Runs, stores the report and tells the listener it {@link RunListener#finished}, then returns
   * the outcome or throws what stopped the run ({@link LakeLockedException} when another live run
   * holds the lake: this one did nothing).
   *
   * @param startedAt when the run began, as its report tells (a command's start-up included)
   */
  public RunOutcome run(Settings settings, Instant startedAt) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return new ReportedRun(lake, conf, clock, listener, exitCodes)
        .run(
            settings.pull().personalData(),
            startedAt,
            report -> pullAndTransform(settings, report));
  }

  private RunOutcome pullAndTransform(Settings settings, RunReport report) {
    if (settings.withArchives()) {
      listener.backfilled(
          new BackfillJob(spark, lake, clock)
              .run(settings.api(), settings.connection(), settings.pull().personalData()));
    }
    PullJob pullJob =
        new PullJob(spark, lake, clock, listener.pullProgress(settings.api().requestsPerHour()));
    PullRecord pull = pullJob.run(settings.pull(), PullJob.newPullId());
    listener.pulled(pull);
    report.pull(pull, settings.maxRejects());
    // a run with nothing new finds nothing changed and leaves the marts as they are
    TransformResult marts =
        Transform.run(spark, lake.root(), settings.segments(), settings.pull().full());
    listener.transformed(marts);
    report.transform(marts);
    new VacuumJob(spark, lake, clock)
        .runIfDue(settings.vacuum())
        .ifPresent(vacuum -> listener.vacuumed(vacuum, settings.vacuum().retention()));
    RunOutcome outcome = outcome(pull, settings.maxRejects());
    if (outcome == RunOutcome.PARTIAL) {
      listener.tooManyRejects(pull.rejects(), settings.maxRejects());
    } else if (outcome == RunOutcome.NOTHING_NEW) {
      listener.nothingNew(pull.watermarkAfter());
    }
    return outcome;
  }

  private static RunOutcome outcome(PullRecord pull, long maxRejects) {
    if (maxRejects >= 0 && pull.rejects() > maxRejects) {
      return RunOutcome.PARTIAL;
    }
    // An incremental pull re-reads its overlap, so "nothing new" is a watermark that did not move;
    // a contact erased is news too: a scheduler that re-exports only on success must re-export.
    boolean nothingNew =
        pull.watermarkBefore() != null
            && pull.watermarkBefore().equals(pull.watermarkAfter())
            && pull.contactsErased() == 0;
    return nothingNew ? RunOutcome.NOTHING_NEW : RunOutcome.SUCCESS;
  }
}
