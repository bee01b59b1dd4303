package io.flowlake.warehouse;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import java.util.List;
import org.apache.spark.sql.Column;

/**
 * A row as one line of PostgreSQL's COPY CSV, built by the executors so the driver only passes text
 * on: every value quoted with its quotes doubled, a null as nothing (COPY CSV's NULL).
 */
final class CsvLines {

  static Column of(List<FeedColumn> columns) {
    Column[] fields = new Column[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = field(columns.get(i).text());
    }
    return concat_ws(",", fields);
  }

  static Column field(Column text) {
    return coalesce(concat(lit("\""), regexp_replace(text, "\"", "\"\""), lit("\"")), lit(""));
  }

  private CsvLines() {}
}
