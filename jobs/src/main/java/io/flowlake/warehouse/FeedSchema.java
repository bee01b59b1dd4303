package io.flowlake.warehouse;

import io.flowlake.config.ConfigException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure the fed tables exist with flowlake's columns before any batch is sent. A table of the
 * same name with other columns or types is refused (exit 2), never dropped: unlike a mart, it may
 * hold what the lake no longer can.
 */
final class FeedSchema {

  static void prepare(Connection db, List<FeedTable> tables) throws SQLException {
    ExportState.ensure(db);
    for (FeedTable table : tables) {
      List<String[]> existing = columns(db, table.name());
      if (existing.isEmpty()) {
        try (Statement sql = db.createStatement()) {
          for (String statement : FeedSql.create(table)) {
            sql.execute(statement);
          }
        }
      } else if (!matches(existing, table)) {
        db.rollback();
        throw new ConfigException(
            "PostgreSQL table "
                + table.name()
                + " exists with other columns than flowlake's ("
                + describe(existing)
                + "); rename or drop it, or export to another schema (docs/warehouse.md)");
      }
    }
    db.commit();
  }

  private static boolean matches(List<String[]> existing, FeedTable table) {
    List<String> names = existing.stream().map(c -> c[0]).toList();
    List<String> types = existing.stream().map(c -> c[1]).toList();
    return names.equals(table.columnNames()) && types.equals(table.pgTypes());
  }

  private static String describe(List<String[]> columns) {
    List<String> shown = new ArrayList<>();
    for (String[] c : columns) {
      shown.add(c[0] + " " + c[1]);
    }
    return String.join(", ", shown);
  }

  private static List<String[]> columns(Connection db, String table) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement q =
        db.prepareStatement(
            "select column_name, data_type from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ?"
                + " order by ordinal_position")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return columns;
  }

  private FeedSchema() {}
}
