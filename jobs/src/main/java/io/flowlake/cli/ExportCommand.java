package io.flowlake.cli;

import io.flowlake.api.ConfigException;
import io.flowlake.models.ExportFormat;
import io.flowlake.models.ExportResult;
import io.flowlake.models.MartExport;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlake export --lake DIR --format csv|parquet --out DIR}: marts as plain files. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the marts as CSV or Parquet files, for tools that do not read Delta.",
      "Layout:",
      "<out>/<mart>/part-*.csv|parquet, <out>/manifest.json (tables, row counts, schema version),",
      "and <out>/_SUCCESS last."
    })
final class ExportCommand implements Callable<Integer> {

  @Mixin LakeOption lakeOption;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

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
    ExportFormat exportFormat;
    try {
      exportFormat = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--format: " + e.getMessage());
    }
    try (Sparks spark = Sparks.open("export")) {
      ExportResult result =
          MartExport.export(
              spark.session(), lakeOption.paths(spark.session()).root(), exportFormat, out);
      for (Map.Entry<String, Long> mart : result.rowCounts().entrySet()) {
        System.out.printf("%-20s %,12d rows%n", mart.getKey(), mart.getValue());
      }
      System.out.println(
          "wrote " + result.out() + " (" + exportFormat.id() + ", manifest.json, _SUCCESS)");
      return ExitCodes.OK;
    }
  }
}
