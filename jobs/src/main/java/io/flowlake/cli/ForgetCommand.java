package io.flowlake.cli;

import io.flowlake.lake.Erasure;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.ops.RunLock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowlake forget}: an erasure request that came from outside RapidPro. The contacts are
 * tombstoned and their rows deleted, as for a contact deleted in RapidPro (docs/erasure.md).
 */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Erases contacts from the lake: their runs, run values, contact rows and rejects, now and",
      "in every later pull or backfill (a tombstone keeps the SHA-256 of each UUID, not the UUID).",
      "Their data leaves the lake's files at the next vacuum older than --retention."
    })
final class ForgetCommand implements Callable<Integer> {

  @Mixin LakeOption lakeOption;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Option(names = "--contact", paramLabel = "UUID", arity = "1..*", required = true)
  List<String> contacts;

  @Override
  public Integer call() {
    List<String> uuids = ContactUuids.parse(contacts);
    try (Sparks spark = Sparks.open("forget")) {
      LakePaths lake = lakeOption.paths(spark.session());
      JobConsole console = JobConsole.on(System.out);
      try (RunLock lock = Locks.take(spark.session(), lake, "forget", console)) {
        Erasure.Erased erased =
            new Erasure(spark.session(), lake)
                .erase(uuids, LakeTables.ORIGIN_FORGET, Instant.now());
        System.out.println(ErasureReport.line("forgot %,d contacts", erased));
      }
      return ExitCodes.OK;
    }
  }
}
