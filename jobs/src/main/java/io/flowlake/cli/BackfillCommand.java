package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.lake.LakePaths;
import io.flowlake.ops.RunLock;
import io.flowlake.privacy.PersonalData;
import io.flowlake.pull.BackfillJob;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowlake backfill}: the runs only RapidPro's archives still hold, into the lake. */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Merges the workspace's run archives (runs older than RapidPro's ~90-day retention) into",
      "the lake, each archive checked against its size, MD5 and record count first. Archives",
      "already merged are skipped unless RapidPro rewrote them."
    })
final class BackfillCommand implements Callable<Integer> {

  @Mixin ApiOptions apiOptions;
  @Mixin LakeOption lakeOption;
  @Mixin PersonalDataOptions personalDataOptions;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    PersonalData personalData = personalDataOptions.personalData();
    try (Sparks spark = Sparks.open("backfill")) {
      LakePaths lake = lakeOption.paths(spark.session());
      JobConsole console = JobConsole.on(System.out);
      try (RunLock lock = Locks.take(spark.session(), lake, "backfill", console)) {
        console.backfilled(
            new BackfillJob(spark.session(), lake, Clock.systemUTC())
                .run(config, ApiOptions.sourceOptions(config), personalData));
      }
      return ExitCodes.OK;
    }
  }
}
