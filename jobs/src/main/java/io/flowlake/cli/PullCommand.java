package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.lake.LakePaths;
import io.flowlake.ops.RunLock;
import io.flowlake.privacy.PersonalData;
import io.flowlake.pull.PullJob;
import io.flowlake.pull.PullSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
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
final class PullCommand implements Callable<Integer> {

  @Mixin ApiOptions apiOptions;
  @Mixin LakeOption lakeOption;
  @Mixin PullOptions pullOptions;
  @Mixin PersonalDataOptions personalDataOptions;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    PersonalData personalData = personalDataOptions.personalData();
    try (Sparks spark = Sparks.open("pull")) {
      LakePaths lake = lakeOption.paths(spark.session());
      JobConsole console = JobConsole.on(System.out);
      try (RunLock lock = Locks.take(spark.session(), lake, "pull", console)) {
        PullSettings settings = pullOptions.settings(config, personalData);
        PullJob job =
            new PullJob(
                spark.session(),
                lake,
                Clock.systemUTC(),
                console.pullProgress(config.requestsPerHour()));
        console.pulled(job.run(settings, PullJob.newPullId()));
      }
      return ExitCodes.OK;
    }
  }
}
