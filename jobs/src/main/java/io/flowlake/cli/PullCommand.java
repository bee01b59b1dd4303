package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.pull.PullJob;
import io.flowlake.pull.PullSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlake pull}: every run of the workspace into the lake, incrementally. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Pulls the runs of a RapidPro / TextIt workspace into the lake.",
      "The first pull fetches everything; later pulls fetch only runs modified since the last one",
      "(less an overlap), and merge them: one row per run, newest wins."
    })
final class PullCommand implements Callable<Integer> {

  @Mixin ApiOptions apiOptions;
  @Mixin LakeOption lakeOption;
  @Mixin VerboseOption verboseOption;

  @Option(
      names = "--overlap",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description =
          "Re-read this much before the watermark on incremental pulls (default: ${DEFAULT-VALUE}).")
  Duration overlap;

  @Option(names = "--full", description = "Ignore the watermark and fetch every run again.")
  boolean full;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    PullSettings settings = new PullSettings(ApiOptions.sourceOptions(config), overlap, full);
    try (Sparks spark = Sparks.open("pull")) {
      PullRecord pull =
          pull(spark.session(), lakeOption.paths(spark.session()), settings, config, 0);
      PullReport.print(pull, System.out);
      return ExitCodes.OK;
    }
  }

  /** A pull with a progress line; shared by {@code pull}, {@code run} and {@code demo}. */
  static PullRecord pull(
      SparkSession spark,
      LakePaths lake,
      PullSettings settings,
      ApiConfig config,
      long expectedRuns) {
    String pullId = PullJob.newPullId();
    try (ProgressLine progress =
        new ProgressLine(pullId, expectedRuns, config.requestsPerHour(), System.out)) {
      return new PullJob(spark, lake, Clock.systemUTC(), progress).run(settings, pullId);
    }
  }
}
