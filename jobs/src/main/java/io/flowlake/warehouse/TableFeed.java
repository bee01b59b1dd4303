package io.flowlake.warehouse;

import io.flowlake.lake.ChangeFeed;
import io.flowlake.lake.LakePaths;
import io.flowlake.models.TableSnapshot;
import io.flowlake.warehouse.WarehouseFeed.Sent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Brings one PostgreSQL table to one Delta version of its lake table, in one transaction: the rows
 * and {@link ExportState}'s record of the version commit together, so a reader sees the table as of
 * the previous export or of this one, never a mix.
 *
 * <p>A derived table ({@code run_values}) is read from its {@link FeedSource}, whose version is the
 * one recorded, and its changes are that source's ({@link LakeChanges#between}).
 *
 * <p>The first time (no record, or the lake is older than the record), the whole table: its old
 * rows deleted and the snapshot COPYed straight in; into an empty table, with its primary key and
 * indexes built after the COPY rather than maintained row by row ({@link DeferredIndexes}). After
 * that, only the net change since the recorded version ({@link LakeChanges#between}), COPYed into a
 * temporary table and merged with {@code DELETE} and {@code INSERT ... ON CONFLICT DO UPDATE}; a
 * small change is read in the driver without Spark ({@link LocalChanges}), a large one by Spark.
 * When the change data feed cannot serve that range (enabled after the recorded version, or its
 * files vacuumed), the caller is told so in one line and sends the whole table instead.
 *
 * <p>One feed per connection; feeds on several connections may share one {@link LocalNetChanges}.
 */
final class TableFeed {

  private final SparkSession spark;
  private final Connection db;
  private final Consumer<String> notes;
  private final LocalNetChanges localChanges;

  TableFeed(
      SparkSession spark, Connection db, Consumer<String> notes, LocalNetChanges localChanges) {
    this.spark = spark;
    this.db = db;
    this.notes = notes;
    this.localChanges = localChanges;
  }

  /** A feed of the same lake read on another connection, sharing this one's read of changes. */
  TableFeed on(Connection other) {
    return new TableFeed(spark, other, notes, localChanges);
  }

  LocalNetChanges localChanges() {
    return localChanges;
  }

  /**
   * What a table is due: its lake version and the one the warehouse records. Read on this feed's
   * connection; the transaction is ended, so no lock is held while other tables are sent.
   */
  record Due(FeedTable table, long version, OptionalLong exported) {

    boolean upToDate() {
      return exported.isPresent() && exported.getAsLong() == version;
    }

    /** Only the changes since the recorded version; else the whole table. */
    boolean changes() {
      return exported.isPresent() && exported.getAsLong() < version;
    }

    Sent upToDateSent() {
      return new Sent(table.name(), "up to date", table.source().name(), version, 0, 0);
    }
  }

  Due due(FeedTable table, LakePaths paths) throws SQLException {
    long version = TableSnapshot.latestVersion(spark, table.source().location().apply(paths));
    OptionalLong exported = ExportState.version(db, table.stateName());
    db.commit();
    return new Due(table, version, exported);
  }

  /**
   * Sends a table only its changes since the recorded version, or nothing and says so in one line
   * when the change data feed cannot serve that range (enabled after the recorded version, or its
   * files vacuumed): the caller then sends the whole table ({@link #full}).
   */
  Optional<Sent> changes(Due due, LakePaths paths) throws SQLException {
    FeedTable table = due.table();
    long after = due.exported().getAsLong();
    try {
      return Optional.of(changes(table, paths, after, due.version()));
    } catch (Exception e) { // Delta's AnalysisException is checked in Java's eyes
      db.rollback();
      if (!changesUnavailable(e)) {
        throw rethrow(e);
      }
      notes.accept(
          table.name()
              + ": the lake's change data feed cannot give versions "
              + (after + 1)
              + " to "
              + due.version()
              + " (enabled later, or vacuumed); sending the whole table again, in one transaction");
      return Optional.empty();
    }
  }

  /** Sends the whole table: the first time, or when its changes cannot be read. */
  Sent full(Due due, LakePaths paths) throws SQLException {
    if (due.exported().isPresent() && due.exported().getAsLong() > due.version()) {
      notes.accept(
          due.table().name()
              + ": the warehouse holds lake version "
              + due.exported().getAsLong()
              + ", newer than the lake's "
              + due.version()
              + " (a new lake?); sending the whole table again, in one transaction");
    }
    return full(due.table(), paths, due.version());
  }

  private Sent full(FeedTable table, LakePaths paths, long version) throws SQLException {
    try {
      DeferredIndexes indexes = null;
      if (DeferredIndexes.empty(db, table.name())) {
        indexes = DeferredIndexes.drop(db, table.name());
      } else {
        try (Statement sql = db.createStatement()) {
          sql.execute("delete from " + FeedSql.quote(table.name()));
        }
      }
      long rows =
          CopyStream.copy(
              db,
              FeedSql.copyInto(FeedSql.quote(table.name()), table.columnNames()),
              LakeChanges.snapshot(spark, paths, version, table),
              OptionalLong.of(splitBytes(table.source().location().apply(paths))));
      if (indexes != null) {
        indexes.rebuild(db);
      }
      try (Statement sql = db.createStatement()) {
        sql.execute(FeedSql.analyze(FeedSql.quote(table.name())));
      }
      ExportState.record(db, table.stateName(), version);
      if (!table.stateName().equals(table.name())) {
        ExportState.forget(db, table.name()); // a record of the table's own versions, from before
      }
      db.commit();
      return new Sent(table.name(), "full", table.source().name(), version, rows, 0);
    } catch (Exception e) {
      db.rollback();
      throw rethrow(e);
    }
  }

  private Sent changes(FeedTable table, LakePaths paths, long after, long version)
      throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute(FeedSql.createStage(table));
      List<String> staged = new ArrayList<>(table.columnNames());
      staged.add(LakeChanges.OP);
      String copy = FeedSql.copyInto(FeedSql.STAGE, staged);
      Optional<Iterator<byte[]>> small =
          LocalChanges.between(localChanges, paths, after, version, table);
      if (small.isPresent()) {
        CopyStream.copy(db, copy, small.get());
      } else {
        CopyStream.copy(
            db,
            copy,
            LakeChanges.between(spark, paths, after, version, table),
            OptionalLong.empty()); // netted by key: a shuffle sizes the partitions
      }
      long deleted = sql.executeUpdate(FeedSql.deleteStaged(table));
      long upserted = sql.executeUpdate(FeedSql.upsertStaged(table));
      ExportState.record(db, table.stateName(), version);
      db.commit();
      return new Sent(table.name(), "changes", table.source().name(), version, upserted, deleted);
    }
  }

  /**
   * The file split size that gives partitions of about {@link PrefetchedChunks#PARTITION_ROWS}
   * rows: bounded, since each is held on the driver, and few, since each is a Spark job.
   */
  private long splitBytes(String path) {
    return SplitSize.of(
        path, spark.sparkContext().hadoopConfiguration(), PrefetchedChunks.PARTITION_ROWS);
  }

  private static SQLException rethrow(Exception e) {
    if (e instanceof SQLException sql) {
      return sql;
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw new IllegalStateException(e.getMessage(), e);
  }

  /** A failure of the change data feed's read, as opposed to one of PostgreSQL or of the data. */
  static boolean changesUnavailable(Throwable e) {
    return ChangeFeed.unavailable(e);
  }
}
