package io.flowlake.warehouse;

import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * A row of text fields ({@link #texts}) as one line of PostgreSQL's COPY CSV, built on the
 * executors so the driver only passes text on: a text or JSON value quoted with its quotes doubled,
 * a number, boolean or instant as it is (their text never holds a comma, quote or line break, and
 * is never empty), a null as nothing (COPY CSV's NULL). Fields past the table's columns (the
 * merge's {@code _op}) go bare.
 *
 * <p>Plain Java, not a Spark SQL expression per field: a concatenation of every column's quoting is
 * a projection too large for whole-stage code generation, and Spark then generates and formats its
 * code again in every task, which cost more than the scan itself.
 */
final class CsvLines implements Function<Row, String> {

  private static final Set<String> BARE = Set.of("bigint", "integer", "boolean");

  private final boolean[] quoted;

  /**
   * @param extra bare fields after the columns' own
   */
  CsvLines(List<FeedColumn> columns, int extra) {
    this.quoted = new boolean[columns.size() + extra];
    for (int i = 0; i < columns.size(); i++) {
      quoted[i] = !bare(columns.get(i));
    }
  }

  /** Each column's value as text, named for the column. */
  static Column[] texts(List<FeedColumn> columns, Column... extra) {
    Column[] texts = new Column[columns.size() + extra.length];
    for (int i = 0; i < columns.size(); i++) {
      texts[i] = columns.get(i).text().as(columns.get(i).name());
    }
    System.arraycopy(extra, 0, texts, columns.size(), extra.length);
    return texts;
  }

  @Override
  public String call(Row row) {
    StringBuilder line = new StringBuilder(512);
    for (int i = 0; i < quoted.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String value = row.getString(i);
      if (value == null) {
        continue;
      }
      if (quoted[i]) {
        quote(value, line);
      } else {
        line.append(value);
      }
    }
    return line.toString();
  }

  static void quote(String value, StringBuilder line) {
    line.append('"');
    int from = 0;
    for (int q = value.indexOf('"'); q >= 0; q = value.indexOf('"', q + 1)) {
      line.append(value, from, q + 1).append('"');
      from = q + 1;
    }
    line.append(value, from, value.length()).append('"');
  }

  private static boolean bare(FeedColumn column) {
    return BARE.contains(column.pgType()) || column.pgType().startsWith("timestamp");
  }
}
