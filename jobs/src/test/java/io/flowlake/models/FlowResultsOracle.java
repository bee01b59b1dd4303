package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.Contact;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import io.flowlake.models.MartOracle.RunValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Each flow's results table computed again in plain Java from run records, from the rules in
 * docs/marts.md ("Per-flow results tables"): a row per run, the run columns, then a category and a
 * value column per result, results ordered by name then key.
 */
public final class FlowResultsOracle {

  /** A flow's expected table: its name, its column names and headers in order, its rows. */
  public record Table(String name, List<String> columns, List<String> headers, List<Row> rows) {}

  private static final List<String> RUN_COLUMNS =
      List.of(
          "contact_uuid",
          "contact_name",
          "urn",
          "flow_name",
          "started",
          "modified",
          "exited",
          "run_uuid");

  private static final List<String> RUN_HEADERS =
      List.of(
          "Contact UUID",
          "Contact Name",
          "URN",
          "Flow",
          "Started",
          "Modified",
          "Exited",
          "Run UUID");

  private FlowResultsOracle() {}

  /** Every flow's table, by flow uuid. */
  public static Map<String, Table> tables(List<RunRecord> runs) {
    Map<String, Table> tables = new LinkedHashMap<>();
    MartOracle.byFlow(runs).forEach((flow, flowRuns) -> tables.put(flow, table(flow, flowRuns)));
    return tables;
  }

  /**
   * Asserts that {@code <lake>/marts/flow_results/} holds exactly one table per flow of {@code
   * runs}, each with the oracle's columns, in order, and rows.
   */
  public static void assertTablesMatch(SparkSession spark, String lake, List<RunRecord> runs) {
    Map<String, Table> expected = tables(runs);
    // a local lake, given as a path or as a file: URI
    Path dir =
        Path.of(
            new org.apache.hadoop.fs.Path(MartPaths.mart(lake, FlowResultsTable.DIR))
                .toUri()
                .getPath());
    try (Stream<Path> written = Files.list(dir)) {
      assertThat(written.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(
              expected.values().stream().map(Table::name).toList());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (Table table : expected.values()) {
      Dataset<Row> actual = spark.read().format("delta").load(dir.resolve(table.name()).toString());
      assertThat(actual.columns()).as(table.name()).containsExactlyElementsOf(table.columns());
      RowComparison.assertSameRows(
          table.name(), table.columns(), actual.collectAsList(), table.rows());
    }
  }

  private static Table table(String flow, List<RunRecord> flowRuns) {
    Map<String, List<RunValue>> byKey = MartOracle.group(RunValue.of(flowRuns), RunValue::key);
    List<String> keys = new ArrayList<>(byKey.keySet());
    Map<String, String> labels = new HashMap<>();
    keys.forEach(
        key -> {
          String name = ResultMartsOracle.resultName(byKey.get(key));
          labels.put(key, name == null ? key : name);
        });
    keys.sort(
        Comparator.comparing((String key) -> labels.get(key), OracleMath.CODE_POINT_ORDER)
            .thenComparing(Comparator.<String>naturalOrder()));
    Map<String, String> columnOf = columnNames(keys);
    List<String> columns = new ArrayList<>(RUN_COLUMNS);
    List<String> headers = new ArrayList<>(RUN_HEADERS);
    for (String key : keys) {
      columns.add(columnOf.get(key) + "_category");
      columns.add(columnOf.get(key) + "_value");
      headers.add(labels.get(key) + " (Category)");
      headers.add(labels.get(key) + " (Value)");
    }
    String flowName = MartOracle.flowName(flowRuns);
    List<Row> rows = new ArrayList<>();
    for (RunRecord run : flowRuns) {
      Contact contact = run.contact();
      List<Object> row = new ArrayList<>();
      row.add(contact == null ? null : contact.uuid());
      row.add(contact == null ? null : contact.name());
      row.add(contact == null ? null : contact.urn());
      row.add(flowName == null ? flow : flowName);
      row.add(run.createdOn());
      row.add(run.modifiedOn());
      row.add(run.exitedOn());
      row.add(run.uuid());
      for (String key : keys) {
        ResultValue value = run.values().get(key);
        row.add(value == null ? null : value.category());
        row.add(value == null ? null : value.value());
      }
      rows.add(RowFactory.create(row.toArray()));
    }
    String table = "flow_" + flow.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    return new Table(table, columns, headers, rows);
  }

  /**
   * Keys as column names: lower case, each run of other characters one underscore, none at the
   * ends, at most 40 characters; keys that come out alike get __2, __3... in key order.
   */
  private static Map<String, String> columnNames(List<String> keys) {
    Map<String, List<String>> byBase = new LinkedHashMap<>();
    for (String key : new TreeSet<>(keys)) {
      String base = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
      base = base.substring(0, Math.min(40, base.length())).replaceAll("^_+|_+$", "");
      byBase.computeIfAbsent(base.isEmpty() ? "result" : base, b -> new ArrayList<>()).add(key);
    }
    Map<String, String> names = new HashMap<>();
    byBase.forEach(
        (base, same) -> {
          for (int i = 0; i < same.size(); i++) {
            names.put(same.get(i), i == 0 ? base : base + "__" + (i + 1));
          }
        });
    return names;
  }
}
