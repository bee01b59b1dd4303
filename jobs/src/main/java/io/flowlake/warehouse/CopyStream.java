package io.flowlake.warehouse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams COPY CSV lines from Spark into PostgreSQL partition by partition ({@link
 * PrefetchedLines}), so the driver holds a partition or two at a time, never the table. A failure
 * on either side cancels the COPY; the caller's transaction then rolls back.
 */
final class CopyStream {

  private static final int BUFFER = 1 << 16;

  /**
   * @return lines sent
   */
  static long copy(
      Connection db, String copySql, Dataset<Row> rows, CsvLines format, OptionalLong splitBytes)
      throws SQLException {
    CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    long sent = 0;
    try {
      Writer out =
          new BufferedWriter(
              new OutputStreamWriter(new PGCopyOutputStream(copy, BUFFER), StandardCharsets.UTF_8),
              BUFFER);
      try (PrefetchedLines it = new PrefetchedLines(rows, format, splitBytes)) {
        while (it.hasNext()) {
          out.write(it.next());
          out.write('\n');
          sent++;
        }
      }
      out.close(); // flushes and ends the COPY
      return sent;
    } catch (IOException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("COPY failed: " + e.getMessage(), e);
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
