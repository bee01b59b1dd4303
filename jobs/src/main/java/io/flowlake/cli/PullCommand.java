package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.ops.RunLock;
import io.flowlake.pull.PullJob;
import io.flowlake.pull.PullSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowlake pull}: every run of the workspace into the lake, incrementally. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Pulls the runs of a RapidPro / TextIt workspace into the lake.",
      "The first pull fetches everything; later pulls fetch only runs modified since the last one",
      "(less an overlap), and merge them: one row per run, newest wins."
    })
public final class PullCommand implements Callable<Integer> {

  @Mixin ApiOptions apiOptions;
  @Mixin LakeOption lakeOption;
  @Mixin PullOptions pullOptions;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    try (Sparks spark = Sparks.open("pull")) {
      LakePaths lake = lakeOption.paths(spark.session());
      try (RunLock lock = Locks.take(spark.session(), lake, "pull", System.out)) {
        pull(spark.session(), lake, pullOptions.settings(config), config, 0);
      }
      return ExitCodes.OK;
    }
  }

  /**
   * A pull with a progress line and its summary; shared by {@code pull}, {@code run}, {@code demo}.
   */
  public static PullRecord pull(
      SparkSession spark,
      LakePaths lake,
      PullSettings settings,
      ApiConfig config,
      long expectedRuns) {
    return pull(spark, lake, settings, config, expectedRuns, System.out);
  }

  /** As above, printing to {@code out} ({@code run --report-json} keeps stdout for the report). */
  static PullRecord pull(
      SparkSession spark,
      LakePaths lake,
      PullSettings settings,
      ApiConfig config,
      long expectedRuns,
      PrintStream out) {
    String pullId = PullJob.newPullId();
    PullRecord pull;
    try (ProgressLine progress =
        new ProgressLine(pullId, expectedRuns, config.requestsPerHour(), out)) {
      pull = new PullJob(spark, lake, Clock.systemUTC(), progress).run(settings, pullId);
    }
    PullReport.print(pull, out);
    return pull;
  }
}
