package io.flowlake.cli;

import io.flowlake.warehouse.JdbcTarget;
import io.flowlake.warehouse.PostgresMartExport;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Map;

/** {@code export --jdbc-url}: every mart into PostgreSQL, and a line per table written. */
final class JdbcExport {

  static int run(LakeOption lakeOption, JdbcTarget target, PrintStream out) throws SQLException {
    try (Sparks spark = Sparks.open("export")) {
      Map<String, Long> counts =
          PostgresMartExport.export(
              spark.session(), lakeOption.paths(spark.session()).root(), target);
      for (Map.Entry<String, Long> mart : counts.entrySet()) {
        out.printf("%-20s %,12d rows%n", mart.getKey(), mart.getValue());
      }
      out.println("wrote " + counts.size() + " tables to " + target.url());
      return ExitCodes.OK;
    }
  }

  private JdbcExport() {}
}
