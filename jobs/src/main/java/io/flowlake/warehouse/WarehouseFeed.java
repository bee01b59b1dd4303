package io.flowlake.warehouse;

import io.flowlake.lake.LakePaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
   * @param tables the tables to bring up to date, each in its own transaction, in this order
   * @param notes one line per table sent whole when only its changes were due
   */
  public static List<Sent> export(
      SparkSession spark,
      LakePaths paths,
      List<FeedTable> tables,
      Connection db,
      Consumer<String> notes)
      throws SQLException {
    db.setAutoCommit(false);
    FeedSchema.prepare(db, tables);
    TableFeed feed = new TableFeed(spark, db, notes);
    List<Sent> sent = new ArrayList<>();
    for (FeedTable table : tables) {
      long start = System.nanoTime();
      sent.add(feed.feed(table, paths).took((System.nanoTime() - start) / 1e9));
    }
    return sent;
  }

  private WarehouseFeed() {}
}
