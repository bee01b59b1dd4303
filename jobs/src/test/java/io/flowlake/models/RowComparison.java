package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Compares rows as multisets of column-name-to-value maps, so order does not matter and a failure
 * prints readable rows. Doubles are compared to 12 significant digits: the SQL and an independent
 * computation may add the same numbers in a different order.
 */
public final class RowComparison {

  private static final MathContext PRECISION = new MathContext(12);

  private RowComparison() {}

  /**
   * Asserts {@code actual} and {@code expected} hold the same rows over {@code columns}. Rows
   * without a schema (e.g. {@code RowFactory.create}) must hold exactly those columns, in order.
   */
  public static void assertSameRows(
      String what, List<String> columns, List<Row> actual, List<Row> expected) {
    assertThat(normalise(columns, actual))
        .as(what)
        .containsExactlyInAnyOrderElementsOf(normalise(columns, expected));
  }

  static List<Map<String, Object>> normalise(List<String> columns, List<Row> rows) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        String column = columns.get(i);
        // rows from Spark carry their schema; hand-built rows hold the columns in order
        Object value = row.schema() == null ? row.get(i) : row.get(row.fieldIndex(column));
        values.put(column, value(value));
      }
      result.add(values);
    }
    return result;
  }

  /**
   * Values compared by meaning: timestamps as instants, doubles rounded, nested values as lists.
   */
  static Object value(Object value) {
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite()
          ? d
          : new BigDecimal(d).round(PRECISION).stripTrailingZeros();
    }
    if (value instanceof Float f) {
      return value(f.doubleValue());
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof Date d) {
      return d.toLocalDate();
    }
    if (value instanceof Row r) {
      List<Object> fields = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        fields.add(value(r.get(i)));
      }
      return fields;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return CollectionConverters.asJava(seq).stream().map(RowComparison::value).toList();
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<Object, Object> values = new LinkedHashMap<>();
      CollectionConverters.asJava(map).forEach((k, v) -> values.put(value(k), value(v)));
      return values;
    }
    return value;
  }
}
