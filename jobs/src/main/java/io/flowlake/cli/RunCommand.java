package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.lake.LakePaths;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlake run}: pull, then rebuild the marts; what a schedule runs. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Pulls the workspace's runs into the lake, then rebuilds every mart (pull + transform).",
      "This is the command to schedule."
    })
final class RunCommand implements Callable<Integer> {

  @Mixin ApiOptions apiOptions;
  @Mixin LakeOption lakeOption;
  @Mixin PullOptions pullOptions;
  @Mixin VerboseOption verboseOption;

  @Option(
      names = "--with-archives",
      description = "Backfill from RapidPro's run archives first (runs older than its retention).")
  boolean withArchives;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    try (Sparks spark = Sparks.open("run")) {
      LakePaths lake = lakeOption.paths(spark.session());
      if (withArchives) {
        BackfillCommand.backfill(spark.session(), lake, config, System.out);
      }
      PullCommand.pull(spark.session(), lake, pullOptions.settings(config), config, 0);
      TransformCommand.transform(spark.session(), lake.root(), System.out);
      return ExitCodes.OK;
    }
  }
}
