package io.flowlake.models;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small-cell suppression, the one place every export goes through (files and PostgreSQL): in a mart
 * with a {@code suppressed} column, the counts and rates of the rows it marks become null. Survey
 * results split by demographics can identify people (one 15-year-old in a ward), so a segment with
 * fewer than {@code --min-segment-runs} runs is published without its numbers. The lake keeps them
 * exact for its owner.
 */
public final class SuppressedCells {

  public static final String FLAG = "suppressed";

  /** The columns that count or rate a segment's runs. */
  static final Set<String> COUNTS_AND_RATES =
      Set.of(
          "runs",
          "ongoing",
          "completed",
          "interrupted",
          "expired",
          "failed",
          "responded",
          "completion_rate",
          "response_rate",
          "interruption_rate",
          "expiry_rate",
          "failure_rate",
          "share");

  private SuppressedCells() {}

  /** {@code rows} with suppressed rows' counts and rates null; unchanged without the flag. */
  public static Dataset<Row> apply(Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    if (!columns.contains(FLAG)) {
      return rows;
    }
    Column[] out =
        columns.stream()
            .map(
                name ->
                    COUNTS_AND_RATES.contains(name)
                        ? when(col(FLAG), lit(null).cast(rows.schema().apply(name).dataType()))
                            .otherwise(col(name))
                            .as(name)
                        : col(name))
            .toArray(Column[]::new);
    return rows.select(out);
  }
}
