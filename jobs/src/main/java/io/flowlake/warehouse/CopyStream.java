package io.flowlake.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams a Dataset's rows as COPY CSV from Spark into PostgreSQL partition by partition ({@link
 * PrefetchedChunks}), so the driver holds a partition or two at a time, never the table. The bytes
 * the executors wrote go to the COPY as they are. A failure on either side cancels the COPY; the
 * caller's transaction then rolls back.
 */
final class CopyStream {

  /**
   * @param rows the columns in {@code copySql}'s order ({@link CsvFields} says how each is written)
   * @return rows COPYed, as PostgreSQL counted them
   */
  static long copy(Connection db, String copySql, Dataset<Row> rows, OptionalLong splitBytes)
      throws SQLException {
    try (PrefetchedChunks chunks = new PrefetchedChunks(rows, splitBytes)) {
      return copy(db, copySql, chunks);
    }
  }

  /**
   * @param chunks whole COPY CSV lines
   * @return rows COPYed, as PostgreSQL counted them
   */
  static long copy(Connection db, String copySql, Iterator<byte[]> chunks) throws SQLException {
    CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      while (chunks.hasNext()) {
        byte[] chunk = chunks.next();
        copy.writeToCopy(chunk, 0, chunk.length);
      }
      return copy.endCopy();
    } finally {
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException cancelFailed) {
          // the failure that stopped the COPY is the one to report; the rollback follows
        }
      }
    }
  }

  private CopyStream() {}
}
