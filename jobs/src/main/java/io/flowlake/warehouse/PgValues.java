package io.flowlake.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;

/** Spark row values as JDBC parameters; instants go as UTC offsets so no zone shifts them. */
final class PgValues {

  static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof Timestamp t) {
      statement.setObject(index, t.toInstant().atOffset(ZoneOffset.UTC));
    } else if (value instanceof Instant t) {
      statement.setObject(index, t.atOffset(ZoneOffset.UTC));
    } else if (value instanceof java.sql.Date d) {
      statement.setObject(index, d.toLocalDate());
    } else {
      statement.setObject(index, value);
    }
  }

  private PgValues() {}
}
