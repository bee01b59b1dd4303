package io.flowlake.warehouse;

import java.sql.Connection;

/**
 * Benchmark only (in the feed's package for {@link DeferredIndexes}): a COPY done the way the first
 * export does it, the table's primary key and indexes dropped for the load and built after it, for
 * the floor that compares like with like.
 */
public final class FloorIndexes {

  /** A bulk load into the table. */
  public interface Load {
    void run() throws Exception;
  }

  /** Runs {@code load} with {@code table}'s primary key and indexes off, then builds them. */
  public static void deferred(Connection db, String table, Load load) throws Exception {
    DeferredIndexes indexes = DeferredIndexes.drop(db, table);
    load.run();
    indexes.rebuild(db);
  }

  private FloorIndexes() {}
}
