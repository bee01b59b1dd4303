package io.flowlake.warehouse;

import io.flowlake.lake.LakePaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * {@code export --jdbc-url --tables}: keeps the lake's base tables in step in PostgreSQL
 * (docs/warehouse.md). Holds the schema's advisory lock ({@link WarehouseLock}) on {@code db} from
 * before the first table until the connection closes; the caller takes it with {@link #lock} before
 * starting Spark, so a second exporter gives up at once.
 */
public final class WarehouseFeed {

  /**
   * What one table received: {@code how} is "full", "changes" or "up to date"; {@code version} is
   * that of the lake table {@code from} ({@code runs} for {@code run_values}, derived from it);
   * {@code seconds} is how long the table took, its transaction's commit included.
   */
  public record Sent(
      String table,
      String how,
      String from,
      long version,
      long upserted,
      long deleted,
      double seconds) {

    Sent(String table, String how, String from, long version, long upserted, long deleted) {
      this(table, how, from, version, upserted, deleted, 0);
    }

    Sent took(double seconds) {
      return new Sent(table, how, from, version, upserted, deleted, seconds);
    }

    public String describe() {
      String at = from.equals(table) ? "lake version " : from + " version ";
      return switch (how) {
        case "up to date" -> "up to date at " + at + version;
        case "full" -> String.format("%,d rows (whole table) at %s%d", upserted, at, version);
        default ->
            String.format(
                "%,d upserted, %,d deleted (changes) at %s%d", upserted, deleted, at, version);
      };
    }
  }

  public static void lock(Connection db, Duration wait) throws SQLException {
    WarehouseLock.acquire(db, wait);
  }

  /**
   * Brings each table up to date in its own transaction. Tables due only their changes are sent
   * side by side, each on a connection of its own ({@code target}; the first on {@code db}): such a
   * batch is small, and its time is the lake read and PostgreSQL's single-threaded statements,
   * which overlap. Tables sent whole follow one at a time on {@code db}, since each already keeps
   * both cores busy and holds a bounded buffer in the driver. The first failure is thrown once the
   * batches under way have ended, committed or rolled back; no whole table is started after it.
   *
   * @param tables the tables to bring up to date; the result is in this order
   * @param notes one line per table sent whole when only its changes were due
   */
  public static List<Sent> export(
      SparkSession spark,
      LakePaths paths,
      List<FeedTable> tables,
      Connection db,
      JdbcTarget target,
      Consumer<String> notes)
      throws SQLException {
    db.setAutoCommit(false);
    FeedSchema.prepare(db, tables);
    TableFeed onDb =
        new TableFeed(
            spark, db, notes, new LocalNetChanges(spark.sparkContext().hadoopConfiguration()));
    List<TableFeed.Due> dues = new ArrayList<>();
    for (FeedTable table : tables) {
      dues.add(onDb.due(table, paths));
    }
    Map<FeedTable, Optional<Sent>> changed = sendChanges(spark, paths, dues, onDb, target);
    List<Sent> sent = new ArrayList<>();
    for (TableFeed.Due due : dues) {
      Optional<Sent> batch = changed.getOrDefault(due.table(), Optional.empty());
      if (batch.isPresent()) {
        sent.add(batch.get());
      } else if (due.upToDate()) {
        sent.add(due.upToDateSent());
      } else {
        long start = System.nanoTime();
        sent.add(onDb.full(due, paths).took(seconds(start)));
      }
    }
    return sent;
  }

  /**
   * The batches of the tables due only their changes, side by side; a table whose changes cannot be
   * read maps to empty.
   */
  private static Map<FeedTable, Optional<Sent>> sendChanges(
      SparkSession spark,
      LakePaths paths,
      List<TableFeed.Due> dues,
      TableFeed onDb,
      JdbcTarget target)
      throws SQLException {
    List<TableFeed.Due> changing = dues.stream().filter(TableFeed.Due::changes).toList();
    for (TableFeed.Due due : changing) {
      LocalChanges.expect(
          onDb.localChanges(), paths, due.exported().getAsLong(), due.version(), due.table());
    }
    List<Optional<Sent>> batches =
        SideBySide.run(
            changing,
            (due, i) -> {
              long start = System.nanoTime();
              Optional<Sent> sent;
              if (i == 0) {
                sent = onDb.changes(due, paths);
              } else {
                try (Connection own = PgConnect.open(target)) {
                  own.setAutoCommit(false);
                  sent = onDb.on(own).changes(due, paths);
                }
              }
              return sent.map(s -> s.took(seconds(start)));
            });
    Map<FeedTable, Optional<Sent>> changed = new HashMap<>();
    for (int i = 0; i < changing.size(); i++) {
      changed.put(changing.get(i).table(), batches.get(i));
    }
    return changed;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private WarehouseFeed() {}
}
