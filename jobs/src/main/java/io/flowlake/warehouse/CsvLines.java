package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.replace;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * A row as one line of PostgreSQL's COPY CSV, built by the executors so the driver only passes text
 * on: a text or JSON value quoted with its quotes doubled (a plain string replace, not a regular
 * expression: this runs for every field of every row exported), a number, boolean or instant as it
 * is (their text never holds a comma, quote or line break, and is never empty), a null as nothing
 * (COPY CSV's NULL).
 */
final class CsvLines {

  private static final Set<String> BARE = Set.of("bigint", "integer", "boolean");

  static Column of(List<FeedColumn> columns) {
    Column[] fields = new Column[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      FeedColumn column = columns.get(i);
      fields[i] = bare(column) ? coalesce(column.text(), lit("")) : field(column.text());
    }
    return concat_ws(",", fields);
  }

  static Column field(Column text) {
    return coalesce(concat(lit("\""), replace(text, lit("\""), lit("\"\"")), lit("\"")), lit(""));
  }

  private static boolean bare(FeedColumn column) {
    return BARE.contains(column.pgType()) || column.pgType().startsWith("timestamp");
  }

  private CsvLines() {}
}
