package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.lake.LakePaths;
import io.flowlake.ops.RunLock;
import io.flowlake.pull.BackfillJob;
import io.flowlake.pull.BackfillRecord;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
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
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    ApiConfig config = apiOptions.config();
    try (Sparks spark = Sparks.open("backfill")) {
      LakePaths lake = lakeOption.paths(spark.session());
      try (RunLock lock = Locks.take(spark.session(), lake, "backfill", System.out)) {
        backfill(spark.session(), lake, config, System.out);
      }
      return ExitCodes.OK;
    }
  }

  /**
   * A backfill and its summary line; shared by {@code backfill} and {@code run --with-archives}.
   */
  static BackfillRecord backfill(
      SparkSession spark, LakePaths lake, ApiConfig config, PrintStream out) {
    BackfillRecord done =
        new BackfillJob(spark, lake, Clock.systemUTC())
            .run(config, ApiOptions.sourceOptions(config));
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
    return done;
  }
}
