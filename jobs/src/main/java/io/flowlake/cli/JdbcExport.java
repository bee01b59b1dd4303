package io.flowlake.cli;

import io.delta.tables.DeltaTable;
import io.flowlake.config.ConfigException;
import io.flowlake.lake.LakePaths;
import io.flowlake.models.MartPaths;
import io.flowlake.models.ModelCatalog;
import io.flowlake.warehouse.FeedTable;
import io.flowlake.warehouse.JdbcTarget;
import io.flowlake.warehouse.PgConnect;
import io.flowlake.warehouse.PostgresMartExport;
import io.flowlake.warehouse.WarehouseFeed;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code export --jdbc-url}: the lake's base tables fed incrementally ({@link WarehouseFeed}), then
 * every mart replaced ({@link PostgresMartExport}), and a line per table written. The connection
 * and the schema's lock come first, so a bad login or a running exporter fails before Spark starts.
 */
final class JdbcExport {

  static int run(
      LakeOption lakeOption,
      JdbcTarget target,
      ExportTables tables,
      Duration lockWait,
      PrintStream out)
      throws SQLException {
    try (Connection db = PgConnect.open(target)) {
      WarehouseFeed.lock(db, lockWait);
      try (Sparks spark = Sparks.open("export")) {
        LakePaths paths = lakeOption.paths(spark.session());
        List<FeedTable> base = present(spark.session(), paths, tables);
        for (WarehouseFeed.Sent sent :
            WarehouseFeed.export(spark.session(), paths, base, db, target, out::println)) {
          out.printf("%-20s %s, %.1f s%n", sent.table(), sent.describe(), sent.seconds());
        }
        int written = base.size();
        if (tables.marts() && (tables.named() || martsBuilt(spark.session(), paths))) {
          Map<String, Long> counts =
              PostgresMartExport.export(spark.session(), paths.root(), target);
          for (Map.Entry<String, Long> mart : counts.entrySet()) {
            out.printf("%-20s %,12d rows%n", mart.getKey(), mart.getValue());
          }
          written += counts.size();
        }
        out.println("wrote " + written + " tables to " + target.url());
        return ExitCodes.OK;
      }
    }
  }

  /** The chosen base tables the lake has; one the user named and the lake lacks is an error. */
  private static List<FeedTable> present(SparkSession spark, LakePaths paths, ExportTables tables) {
    List<FeedTable> present = new ArrayList<>();
    for (FeedTable table : tables.base()) {
      if (DeltaTable.isDeltaTable(spark, table.location().apply(paths))) {
        present.add(table);
      } else if (tables.named()) {
        throw new ConfigException(
            "--tables "
                + table.name()
                + ": the lake "
                + paths.root()
                + " has no such table (pull first, or leave it out)");
      }
    }
    return present;
  }

  private static boolean martsBuilt(SparkSession spark, LakePaths paths) {
    return ModelCatalog.load().marts().stream()
        .allMatch(m -> DeltaTable.isDeltaTable(spark, MartPaths.mart(paths.root(), m.name())));
  }

  private JdbcExport() {}
}
