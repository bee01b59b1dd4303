package io.flowlake.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fed table's primary key and indexes taken off for a bulk load into it and put back after, in
 * the caller's transaction: PostgreSQL builds a btree from sorted rows several times faster than it
 * maintains one row by row during a COPY. Used only on an empty table (the first export), where
 * nobody can be reading rows the missing indexes would serve; the drop takes the table's exclusive
 * lock until commit, so a reader waits and then sees the whole new state. Their definitions are
 * read from PostgreSQL's catalogue, so whatever {@link FeedSql#create} declared comes back as it
 * was.
 */
final class DeferredIndexes {

  private final List<String> restore;

  private DeferredIndexes(List<String> restore) {
    this.restore = restore;
  }

  /** Drops {@code table}'s primary key and indexes; {@link #rebuild} puts them back. */
  static DeferredIndexes drop(Connection db, String table) throws SQLException {
    List<String> drop = new ArrayList<>();
    List<String> restore = new ArrayList<>();
    String quoted = FeedSql.quote(table);
    try (PreparedStatement q =
        db.prepareStatement(
            "select conname, pg_get_constraintdef(oid) from pg_constraint"
                + " where conrelid = to_regclass(?) and contype = 'p'")) {
      q.setString(1, quoted);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String name = FeedSql.quote(rs.getString(1));
          drop.add("alter table " + quoted + " drop constraint " + name);
          restore.add("alter table " + quoted + " add constraint " + name + " " + rs.getString(2));
        }
      }
    }
    try (PreparedStatement q =
        db.prepareStatement(
            "select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i"
                + " where i.indrelid = to_regclass(?) and not i.indisprimary")) {
      q.setString(1, quoted);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          drop.add("drop index " + rs.getString(1));
          restore.add(rs.getString(2));
        }
      }
    }
    try (Statement sql = db.createStatement()) {
      for (String statement : drop) {
        sql.execute(statement);
      }
    }
    return new DeferredIndexes(restore);
  }

  /** Builds the primary key and indexes again, from the rows now in the table. */
  void rebuild(Connection db) throws SQLException {
    try (Statement sql = db.createStatement()) {
      for (String statement : restore) {
        sql.execute(statement);
      }
    }
  }

  /** Whether {@code table} holds no row, as this transaction sees it. */
  static boolean empty(Connection db, String table) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery("select not exists (select 1 from " + FeedSql.quote(table) + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }
}
