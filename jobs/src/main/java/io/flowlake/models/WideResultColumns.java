package io.flowlake.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The result columns of {@code flow_results_wide}, named as RapidPro's results export names them:
 * {@code <Result> (Category) - <Flow>} and {@code <Result> (Value) - <Flow>}. Each is filled from
 * the run's {@code result_values} map only on runs of its flow, so the pivot is a projection of the
 * runs: no shuffle, nothing but the (flow, result) list on the driver. RapidPro's {@code (Text)}
 * column is left out: it shows {@code input}, which the API stopped sending in Dec 2024.
 *
 * <p>The generated expressions read the run's {@code result_values} and its flow's {@code
 * flow_index} (an integer per flow: one int comparison per column and row instead of a uuid
 * string's).
 */
final class WideResultColumns {

  /** A (flow, result) pair: a row of {@code int_wide_result_columns}. */
  record Pair(
      String flowUuid, int flowIndex, String flowLabel, String resultKey, String resultLabel) {

    static Pair of(Row row) {
      return new Pair(
          row.getAs("flow_uuid"),
          row.<Integer>getAs("flow_index"),
          row.getAs("flow_label"),
          row.getAs("result_key"),
          row.getAs("result_label"));
    }

    String header(String kind) {
      return resultLabel + " (" + kind + ") - " + flowLabel;
    }
  }

  /** Export column kind and the field of a run's result value it shows. */
  private static final List<String[]> KINDS =
      List.of(new String[] {"Category", "category"}, new String[] {"Value", "value"});

  private static final Comparator<Pair> COLUMN_ORDER =
      Comparator.comparingInt(Pair::flowIndex)
          .thenComparing(Pair::resultLabel)
          .thenComparing(Pair::resultKey);

  private WideResultColumns() {}

  /** The select-list fragment (each column preceded by a comma) for the given pairs. */
  static String render(List<Row> rows) {
    List<Pair> pairs = new ArrayList<>(rows.stream().map(Pair::of).toList());
    pairs.sort(COLUMN_ORDER);
    Map<String, Integer> sameHeader = new HashMap<>();
    pairs.forEach(p -> sameHeader.merge(caseless(p.header("Category")), 1, Integer::sum));
    StringBuilder sql = new StringBuilder();
    for (Pair pair : pairs) {
      // Spark and Delta match column names ignoring case: two flows or results whose names differ
      // only by case would collide, so both get their uuid and key appended.
      boolean ambiguous = sameHeader.get(caseless(pair.header("Category"))) > 1;
      for (String[] kind : KINDS) {
        String header = pair.header(kind[0]);
        if (ambiguous) {
          header += " [" + pair.flowUuid() + "/" + pair.resultKey() + "]";
        }
        sql.append(",\n        case when flow_index = ")
            .append(pair.flowIndex())
            .append(" then result_values[")
            .append(SqlText.stringLiteral(pair.resultKey()))
            .append("].")
            .append(kind[1])
            .append(" end as ")
            .append(SqlText.identifier(header));
      }
    }
    return sql.toString();
  }

  private static String caseless(String header) {
    return header.toLowerCase(Locale.ROOT);
  }
}
