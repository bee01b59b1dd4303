package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.to_json;

import org.apache.spark.sql.Column;

/**
 * One column of a fed table: its PostgreSQL name and type, and the Spark expression that gives its
 * value as text PostgreSQL's input function accepts (instants with their offset, so no session zone
 * shifts them; nested values as JSON for {@code jsonb}).
 */
record FeedColumn(String name, String pgType, Column text) {

  private static final String INSTANT = "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX";

  static FeedColumn text(String name) {
    return new FeedColumn(name, "text", col(name));
  }

  static FeedColumn text(String name, Column value) {
    return new FeedColumn(name, "text", value);
  }

  static FeedColumn bigint(String name) {
    return new FeedColumn(name, "bigint", col(name).cast("string"));
  }

  static FeedColumn integer(String name) {
    return new FeedColumn(name, "integer", col(name).cast("string"));
  }

  static FeedColumn bool(String name) {
    return new FeedColumn(name, "boolean", col(name).cast("string"));
  }

  static FeedColumn instant(String name) {
    return new FeedColumn(name, "timestamp with time zone", date_format(col(name), INSTANT));
  }

  static FeedColumn json(String name) {
    return new FeedColumn(name, "jsonb", to_json(col(name)));
  }
}
