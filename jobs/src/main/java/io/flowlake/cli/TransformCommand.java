package io.flowlake.cli;

import io.flowlake.config.ConfigException;
import io.flowlake.lake.LakePaths;
import io.flowlake.models.SegmentRequest;
import io.flowlake.models.TableSnapshot;
import io.flowlake.models.Transform;
import io.flowlake.ops.RunLock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlake transform}: brings the marts up to date, then prints counts and audits. */
@Command(
    name = "transform",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Brings the marts in <lake>/marts up to date: recomputes the flows whose runs, values or",
      "contacts changed since the last transform, nothing when nothing changed, every flow with",
      "--full. Each mart is audited, then patched in one Delta commit (docs/transform.md)."
    })
final class TransformCommand implements Callable<Integer> {

  @Mixin LakeOption lakeOption;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;
  @Mixin SegmentOptions segmentOptions;

  @Option(names = "--full")
  boolean full;

  @Override
  public Integer call() {
    SegmentRequest segments = segmentOptions.request(lakeOption.lake);
    try (Sparks spark = Sparks.open("transform")) {
      LakePaths lake = lakeOption.paths(spark.session());
      // before the lock, which would leave a _state folder behind in a mistyped path
      if (TableSnapshot.latestVersionIfAny(spark.session(), lake.runs()).isEmpty()) {
        throw new ConfigException(
            "no lake at " + lake.root() + ": check --lake, or pull runs into the lake first");
      }
      JobConsole console = JobConsole.on(System.out);
      try (RunLock lock = Locks.take(spark.session(), lake, "transform", console)) {
        console.transformed(Transform.run(spark.session(), lake.root(), segments, full));
      }
      return ExitCodes.OK;
    }
  }
}
