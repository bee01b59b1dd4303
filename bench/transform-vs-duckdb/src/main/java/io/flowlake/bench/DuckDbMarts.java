package io.flowlake.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same marts computed by DuckDB over the same Parquet files (the lake's Delta data files,
 * written once by {@link BenchLake}), each materialised and written to Parquet as Spark writes
 * Delta. The SQL is in resources/duckdb, one file per step, following docs/marts.md.
 */
final class DuckDbMarts {

  /** Steps in dependency order; the intermediate ones are kept as tables but not written out. */
  static final List<String> STEPS =
      List.of(
          "flow_summary",
          "flow_daily",
          "result_value_counts",
          "result_names",
          "result_categories",
          "result_numeric",
          "node_dropoff",
          "wide_result_columns",
          "flow_results_wide");

  static final List<String> MARTS =
      List.of(
          "flow_summary",
          "flow_daily",
          "result_categories",
          "result_numeric",
          "node_dropoff",
          "flow_results_wide");

  private DuckDbMarts() {}

  static Connection open(int threads, String memoryLimit) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("set threads = " + threads);
      statement.execute("set memory_limit = '" + memoryLimit + "'");
      statement.execute("set preserve_insertion_order = false");
    }
    return connection;
  }

  /**
   * Builds every mart from the lake's Parquet files; returns each mart's row count and puts each
   * step's seconds into {@code stepSeconds}.
   */
  static Map<String, Long> run(
      Connection connection, String lake, String out, Map<String, Double> stepSeconds)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : List.of("runs", "run_values")) {
        statement.execute(
            "create or replace view "
                + table
                + " as select * from read_parquet('"
                + lake
                + "/"
                + table
                + "/*/*.parquet', hive_partitioning = true)");
      }
      for (String step : STEPS) {
        long start = System.nanoTime();
        String sql = sql(step);
        if (step.equals("flow_results_wide")) {
          sql = sql.replace("{{ result_columns }}", resultColumns(statement));
        }
        String file = out + "/" + step + ".parquet";
        if (step.equals("flow_results_wide")) {
          // one row per run: streamed to its file, not held as an in-memory table
          statement.execute(
              "copy (" + sql + ") to '" + file + "' (format parquet, row_group_size 16384)");
        } else {
          statement.execute("create or replace table " + step + " as " + sql);
          if (MARTS.contains(step)) {
            statement.execute("copy " + step + " to '" + file + "' (format parquet)");
          }
        }
        if (MARTS.contains(step)) {
          String count = "select count(*) from read_parquet('" + file + "')";
          try (ResultSet rows = statement.executeQuery(count)) {
            rows.next();
            counts.put(step, rows.getLong(1));
          }
        }
        stepSeconds.put(step, (System.nanoTime() - start) / 1e9);
      }
    }
    return counts;
  }

  /** The wide export's result columns, as flowlake's WideResultColumns generates them. */
  private static String resultColumns(Statement statement) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet pairs =
        statement.executeQuery(
            "select flow_index, flow_label, result_key, result_label from wide_result_columns"
                + " order by flow_index, result_label, result_key")) {
      while (pairs.next()) {
        int flow = pairs.getInt(1);
        String key = pairs.getString(3).replace("'", "''");
        for (String[] kind : new String[][] {{"Category", "category"}, {"Value", "value"}}) {
          String header =
              (pairs.getString(4) + " (" + kind[0] + ") - " + pairs.getString(2))
                  .replace("\"", "\"\"");
          columns.add(
              ",\n        case when run_flows.flow_index = "
                  + flow
                  + " then map_extract(runs.\"values\", '"
                  + key
                  + "')[1]."
                  + kind[1]
                  + " end as \""
                  + header
                  + "\"");
        }
      }
    }
    return String.join("", columns);
  }

  private static String sql(String step) {
    try (InputStream in = DuckDbMarts.class.getResourceAsStream("/duckdb/" + step + ".sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
