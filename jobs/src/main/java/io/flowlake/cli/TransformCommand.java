package io.flowlake.cli;

import io.flowlake.lake.LakePaths;
import io.flowlake.models.Transform;
import io.flowlake.models.TransformResult;
import io.flowlake.ops.RunLock;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowlake transform}: rebuilds every mart, then prints counts and audits. */
@Command(
    name = "transform",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Rebuilds every mart in <lake>/marts from the lake's runs and run_values.",
      "Each mart is audited, then replaced in one Delta commit; running it twice gives the same marts."
    })
public final class TransformCommand implements Callable<Integer> {

  @Mixin LakeOption lakeOption;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Override
  public Integer call() {
    try (Sparks spark = Sparks.open("transform")) {
      LakePaths lake = lakeOption.paths(spark.session());
      try (RunLock lock = Locks.take(spark.session(), lake, "transform", System.out)) {
        transform(spark.session(), lake.root(), System.out);
      }
      return ExitCodes.OK;
    }
  }

  /** Shared by {@code transform}, {@code run} and {@code demo}. */
  public static TransformResult transform(SparkSession spark, String lake, PrintStream out) {
    TransformResult result = Transform.run(spark, lake);
    for (Map.Entry<String, Long> mart : result.rowCounts().entrySet()) {
      out.printf("mart %-20s %,12d rows%n", mart.getKey(), mart.getValue());
    }
    out.printf("audits: %d passed%n", result.auditsPassed().size());
    return result;
  }
}
