package io.flowlake.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * The warehouse's own record of what it holds: per fed table, the lake's Delta version it was last
 * brought to. Written in the same transaction as that table's batch, so the record and the rows
 * never disagree: an export killed before a commit leaves both as they were, and the next one sends
 * that batch again; one killed after sends nothing twice.
 */
final class ExportState {

  static final String TABLE = "flowlake_export_state";

  static void ensure(Connection db) throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute(
          "create table if not exists "
              + TABLE
              + " (table_name text primary key, lake_version bigint not null,"
              + " exported_at timestamp with time zone not null)");
    }
  }

  static OptionalLong version(Connection db, String table) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement("select lake_version from " + TABLE + " where table_name = ?")) {
      q.setString(1, table);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /** Within the caller's transaction. */
  static void record(Connection db, String table, long version) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement(
            "insert into "
                + TABLE
                + " (table_name, lake_version, exported_at) values (?, ?, now())"
                + " on conflict (table_name) do update set lake_version = excluded.lake_version,"
                + " exported_at = excluded.exported_at")) {
      q.setString(1, table);
      q.setLong(2, version);
      q.executeUpdate();
    }
  }

  /** Within the caller's transaction: drops {@code table}'s record, if any. */
  static void forget(Connection db, String table) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement("delete from " + TABLE + " where table_name = ?")) {
      q.setString(1, table);
      q.executeUpdate();
    }
  }

  private ExportState() {}
}
