package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.config.ConfigException;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.models.TransformResult;
import io.flowlake.ops.LakeLockedException;
import io.flowlake.ops.RunLock;
import io.flowlake.ops.RunOutcome;
import io.flowlake.ops.RunReport;
import io.flowlake.ops.RunReportStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlake run}: pull, then rebuild the marts; what a schedule runs. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Pulls the workspace's runs into the lake, then rebuilds every mart (pull + transform).",
      "This is the command to schedule: one run at a time per lake (a lock), a JSON report per",
      "run in <lake>/_state/runs/, and exit codes 0 success, 5 nothing new, 3 too many rejects,",
      "4 lake locked by another run, 2 bad configuration, 1 failure."
    })
final class RunCommand implements Callable<Integer> {

  @Mixin ApiOptions apiOptions;
  @Mixin LakeOption lakeOption;
  @Mixin PullOptions pullOptions;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Option(names = "--max-rejects", paramLabel = "N")
  Long maxRejects;

  @Option(names = "--report-json")
  boolean reportJson;

  @Option(names = "--with-archives")
  boolean withArchives;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    if (maxRejects != null && maxRejects < 0) {
      throw new ConfigException("--max-rejects " + maxRejects + " must be 0 or more");
    }
    long limit = maxRejects == null ? -1 : maxRejects;
    PrintStream human = reportJson ? System.err : System.out;
    Instant started = Instant.now();
    try (Sparks spark = Sparks.open("run")) {
      LakePaths lake = lakeOption.paths(spark.session());
      Configuration conf = spark.session().sparkContext().hadoopConfiguration();
      RunReport report = new RunReport(UUID.randomUUID().toString(), "run", lake.root(), started);
      RunOutcome outcome = RunOutcome.FAILURE;
      int exitCode = ExitCodes.FAILURE;
      String error = null;
      try (RunLock lock = Locks.take(spark.session(), lake, report.runId(), "run", human)) {
        lock.replaced().ifPresent(report::staleLockReplaced);
        if (withArchives) {
          BackfillCommand.backfill(spark.session(), lake, config, human);
        }
        PullRecord pull =
            PullCommand.pull(spark.session(), lake, pullOptions.settings(config), config, 0, human);
        report.pull(pull, limit);
        TransformResult marts = TransformCommand.transform(spark.session(), lake.root(), human);
        report.transform(marts);
        outcome = outcome(pull, limit);
        if (outcome == RunOutcome.PARTIAL) {
          human.printf(
              "flowlake run: %,d records rejected, more than --max-rejects %,d: see the rejects table%n",
              pull.rejects(), limit);
        }
      } catch (LakeLockedException e) {
        outcome = RunOutcome.LOCKED;
        error = e.getMessage();
        throw e;
      } catch (RuntimeException | Error e) {
        Throwable cause = ErrorReporter.ownCause(e);
        error = String.valueOf(cause.getMessage());
        exitCode = ErrorReporter.exitCode(cause); // the code the process will exit with
        throw e;
      } finally {
        if (outcome != RunOutcome.FAILURE) {
          exitCode = ExitCodes.of(outcome);
        }
        report.finish(outcome, exitCode, Instant.now(), error);
        try {
          new RunReportStore(lake, conf).write(report, started.toEpochMilli());
        } catch (RuntimeException e) {
          // the run's own outcome matters more than its report: say so, keep the exit code
          human.println("flowlake run: " + e.getMessage());
        }
        if (reportJson) {
          System.out.println(report.toJson());
        }
      }
      return ExitCodes.of(outcome);
    }
  }

  private static RunOutcome outcome(PullRecord pull, long maxRejects) {
    if (maxRejects >= 0 && pull.rejects() > maxRejects) {
      return RunOutcome.PARTIAL;
    }
    // an incremental pull re-reads its overlap, so "nothing new" is a watermark that did not move
    boolean nothingNew =
        pull.watermarkBefore() != null && pull.watermarkBefore().equals(pull.watermarkAfter());
    return nothingNew ? RunOutcome.NOTHING_NEW : RunOutcome.SUCCESS;
  }
}
