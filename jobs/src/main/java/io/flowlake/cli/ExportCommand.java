package io.flowlake.cli;

import io.flowlake.models.ExportFormat;
import io.flowlake.models.ExportResult;
import io.flowlake.models.MartExport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowlake export --lake DIR --format csv|parquet --out DIR}: marts as plain files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the marts as plain files for tools that do not read Delta:",
      "<out>/<mart>/part-*.csv|parquet, <out>/manifest.json (tables, row counts, schema version),",
      "and <out>/_SUCCESS last."
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--lake",
      required = true,
      paramLabel = "DIR",
      description = "Lake root whose marts to export.")
  String lake;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "csv or parquet.")
  String format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the files to.")
  String out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExportFormat exportFormat;
    try {
      exportFormat = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      err.println("export failed: " + e.getMessage());
      return 2;
    }
    SparkSession spark = LakeSparkSession.open("flowlake export");
    try {
      ExportResult result = MartExport.export(spark, lake, exportFormat, out);
      for (Map.Entry<String, Long> mart : result.rowCounts().entrySet()) {
        stdout.printf("%-20s %,12d rows%n", mart.getKey(), mart.getValue());
      }
      stdout.println(
          "wrote " + result.out() + " (" + exportFormat.id() + ", manifest.json, _SUCCESS)");
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("export failed: " + e.getMessage());
      return 1;
    } finally {
      spark.stop();
    }
  }
}
