package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * One column of a fed table: its PostgreSQL name and type, and the field of the source's rows its
 * value is (a column, or a field of a struct column: {@code [flow, uuid]}), of the lake's own type
 * ({@link CsvFields} writes it as text PostgreSQL's input function accepts: instants with their
 * offset, nested values as JSON for {@code jsonb}).
 */
record FeedColumn(String name, String pgType, List<String> field) {

  static FeedColumn text(String name) {
    return new FeedColumn(name, "text", List.of(name));
  }

  /** A text column whose value is the field {@code path} of the source's rows. */
  static FeedColumn text(String name, String... path) {
    return new FeedColumn(name, "text", List.of(path));
  }

  static FeedColumn bigint(String name) {
    return new FeedColumn(name, "bigint", List.of(name));
  }

  static FeedColumn integer(String name) {
    return new FeedColumn(name, "integer", List.of(name));
  }

  static FeedColumn bool(String name) {
    return new FeedColumn(name, "boolean", List.of(name));
  }

  static FeedColumn instant(String name) {
    return new FeedColumn(name, "timestamp with time zone", List.of(name));
  }

  static FeedColumn json(String name) {
    return new FeedColumn(name, "jsonb", List.of(name));
  }

  /** The column's value in Spark. */
  Column value() {
    Column value = col(field.get(0));
    for (String nested : field.subList(1, field.size())) {
      value = value.getField(nested);
    }
    return value;
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
