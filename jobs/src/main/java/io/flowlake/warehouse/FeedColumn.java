package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * One column of a fed table: its PostgreSQL name and type, and the Spark expression of its value,
 * of the lake's own type ({@link CsvFields} writes it as text PostgreSQL's input function accepts:
 * instants with their offset, nested values as JSON for {@code jsonb}).
 */
record FeedColumn(String name, String pgType, Column value) {

  static FeedColumn text(String name) {
    return new FeedColumn(name, "text", col(name));
  }

  static FeedColumn text(String name, Column value) {
    return new FeedColumn(name, "text", value);
  }

  static FeedColumn bigint(String name) {
    return new FeedColumn(name, "bigint", col(name));
  }

  static FeedColumn integer(String name) {
    return new FeedColumn(name, "integer", col(name));
  }

  static FeedColumn bool(String name) {
    return new FeedColumn(name, "boolean", col(name));
  }

  static FeedColumn instant(String name) {
    return new FeedColumn(name, "timestamp with time zone", col(name));
  }

  static FeedColumn json(String name) {
    return new FeedColumn(name, "jsonb", col(name));
  }

  /** Each column's value, named for the column, then {@code extra}. */
  static Column[] values(List<FeedColumn> columns, Column... extra) {
    Column[] values = new Column[columns.size() + extra.length];
    for (int i = 0; i < columns.size(); i++) {
      values[i] = columns.get(i).value().as(columns.get(i).name());
    }
    System.arraycopy(extra, 0, values, columns.size(), extra.length);
    return values;
  }
}
