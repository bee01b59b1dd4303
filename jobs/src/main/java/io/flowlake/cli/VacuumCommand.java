package io.flowlake.cli;

import io.flowlake.lake.LakePaths;
import io.flowlake.ops.RunLock;
import io.flowlake.ops.VacuumJob;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowlake vacuum}: erased and replaced rows leave the lake's files (docs/erasure.md). */
@Command(
    name = "vacuum",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Rewrites the files that still hold deleted rows, then removes every file no lake version",
      "newer than --retention needs (Delta's REORG ... APPLY (PURGE), then VACUUM), tables and marts.",
      "Time travel then reaches back only --retention; pull records and run reports older go too.",
      "run does the same when its last vacuum is --vacuum-every old (docs/storage.md)."
    })
final class VacuumCommand implements Callable<Integer> {

  @Mixin LakeOption lakeOption;
  @Mixin RetentionOption retentionOption;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    Duration retention = retentionOption.retention();
    try (Sparks spark = Sparks.open("vacuum")) {
      LakePaths lake = lakeOption.paths(spark.session());
      JobConsole console = JobConsole.on(System.out);
      try (RunLock lock = Locks.take(spark.session(), lake, "vacuum", console)) {
        console.vacuumed(
            new VacuumJob(spark.session(), lake, Clock.systemUTC()).run(retention), retention);
      }
      return ExitCodes.OK;
    }
  }
}
