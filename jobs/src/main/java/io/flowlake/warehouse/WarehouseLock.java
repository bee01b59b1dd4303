package io.flowlake.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One exporter per schema: a session-level PostgreSQL advisory lock keyed on the schema's name,
 * held for the whole export (every table's transaction) and released when the session ends, so a
 * killed exporter never leaves it behind. A second exporter polls for it until its wait runs out,
 * then gives up without writing.
 */
final class WarehouseLock {

  /** The lock's key; any session running it with the same schema contends for the same lock. */
  static final String KEY = "hashtext('flowlake export ' || current_schema())";

  private static final Duration POLL = Duration.ofMillis(500);

  static void acquire(Connection db, Duration wait) throws SQLException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!tryLock(db)) {
      if (System.nanoTime() >= deadline) {
        throw new WarehouseLockedException(schema(db), wait);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WarehouseLockedException(schema(db), wait);
      }
    }
  }

  private static boolean tryLock(Connection db) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
      rs.next();
      boolean locked = rs.getBoolean(1);
      if (!db.getAutoCommit()) {
        db.commit();
      }
      return locked;
    }
  }

  private static String schema(Connection db) throws SQLException {
    try (Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("select current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private WarehouseLock() {}
}
