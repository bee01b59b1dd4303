package io.flowlake.cli;

import io.flowlake.models.AuditFailedException;
import io.flowlake.models.Transform;
import io.flowlake.models.TransformResult;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowlake transform --lake DIR}: rebuilds every mart, then prints counts and audits. */
@Command(
    name = "transform",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild every mart in <lake>/marts from the lake's runs and run_values.",
      "Each mart is audited, then replaced in one Delta commit; running it twice gives the same marts."
    })
public final class TransformCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--lake",
      required = true,
      paramLabel = "DIR",
      description = "Lake root (a local directory or a Hadoop URI such as s3a://bucket/lake).")
  String lake;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SparkSession spark = LakeSparkSession.open("flowlake transform");
    try {
      TransformResult result = Transform.run(spark, lake);
      for (Map.Entry<String, Long> mart : result.rowCounts().entrySet()) {
        out.printf("%-20s %,12d rows%n", mart.getKey(), mart.getValue());
      }
      out.printf("audits: %d passed%n", result.auditsPassed().size());
      return 0;
    } catch (AuditFailedException | IllegalArgumentException e) {
      err.println("transform failed: " + e.getMessage());
      return 1;
    } finally {
      spark.stop();
    }
  }
}
