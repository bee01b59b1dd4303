package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What PostgreSQL's catalog says of an exported table in the {@code public} schema. */
final class PgCatalog {

  private PgCatalog() {}

  /** The number a {@code select count(*) ...} gives. */
  static long count(Statement sql, String countQuery) throws SQLException {
    try (ResultSet rs = sql.executeQuery(countQuery)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The primary key's columns, in the key's order; empty when the table has none. */
  static List<String> primaryKey(Statement sql, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs =
        sql.executeQuery(
            "select a.attname from pg_index i"
                + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)"
                + " where i.indrelid = '\"public\".\""
                + table
                + "\"'::regclass and i.indisprimary"
                + " order by array_position(i.indkey::int2[], a.attnum)")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    return columns;
  }

  /** The column's type as {@code information_schema} names it ("jsonb", "double precision"). */
  static String columnType(Statement sql, String table, String column) throws SQLException {
    try (ResultSet rs =
        sql.executeQuery(
            "select data_type from information_schema.columns where table_schema = 'public'"
                + " and table_name = '"
                + table
                + "' and column_name = '"
                + column
                + "'")) {
      assertThat(rs.next()).as(table + "." + column).isTrue();
      return rs.getString(1);
    }
  }
}
