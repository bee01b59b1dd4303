package io.flowlake.cli;

import io.flowlake.config.ConfigException;
import io.flowlake.models.ExportFormat;
import io.flowlake.models.ExportResult;
import io.flowlake.models.MartExport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowlake export}: the marts as plain files ({@code --format --out}) or into PostgreSQL
 * tables ({@code --jdbc-url}).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFromRegistry.class,
    description = {
      "Writes the marts as CSV or Parquet files, for tools that do not read Delta,",
      "or (--jdbc-url) into PostgreSQL: runs, run_values and contacts kept in step",
      "incrementally, each mart replaced, each table in one transaction (docs/warehouse.md).",
      "File layout:",
      "<out>/<mart>.csv (one file per mart, rates rounded to 4 decimals) or",
      "<out>/<mart>/part-*.parquet, <out>/manifest.json (tables, row counts, schema version),",
      "and <out>/_SUCCESS last."
    })
final class ExportCommand implements Callable<Integer> {

  @Mixin LakeOption lakeOption;
  @Mixin JdbcOptions jdbcOptions;
  @Mixin ConfigOption configOption;
  @Mixin VerboseOption verboseOption;

  @Option(names = "--format", paramLabel = "FORMAT")
  String format;

  @Option(names = "--out", paramLabel = "DIR")
  String out;

  @Option(names = "--tables", paramLabel = "TABLES")
  String tables;

  @Option(names = "--jdbc-lock-wait", paramLabel = "DURATION", converter = DurationConverter.class)
  Duration lockWait;

  @Override
  public Integer call() throws Exception {
    if (jdbcOptions.url != null) {
      if (format != null || out != null) {
        throw new ConfigException(
            "give either --jdbc-url (PostgreSQL) or --format and --out (files), not both");
      }
      return JdbcExport.run(
          lakeOption, jdbcOptions.target(), ExportTables.parse(tables), lockWait, System.out);
    }
    if (tables != null) {
      throw new ConfigException("--tables goes with --jdbc-url; file exports write every mart");
    }
    if (format == null || out == null) {
      throw new ConfigException(
          "say where to export: --format csv|parquet --out DIR, or --jdbc-url jdbc:postgresql://...");
    }
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
