package io.flowlake.warehouse;

import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RunValueColumns;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.types.StructType;

/**
 * A lake table the warehouse feed keeps in step in PostgreSQL (docs/warehouse.md): the table of the
 * same name, its columns typed (nested values as {@code jsonb}), its lake key as primary key, and
 * the indexes analysts' queries need; its rows read from {@code source} (itself, or for {@code
 * run_values} derived from {@code runs}). The lake's contents are exported as they are: whatever
 * the personal-data policy kept at ingestion is all the warehouse gets.
 */
public record FeedTable(
    String name,
    Function<LakePaths, String> location,
    List<FeedColumn> columns,
    List<String> key,
    List<String> indexes,
    FeedSource source) {

  public static final FeedTable RUNS =
      new FeedTable(
          LakeTables.RUNS,
          LakePaths::runs,
          List.of(
              FeedColumn.text("uuid"),
              FeedColumn.bigint("id"),
              FeedColumn.text("flow_uuid"),
              FeedColumn.text("flow_name"),
              FeedColumn.text("contact_uuid"),
              FeedColumn.text("contact_name"),
              FeedColumn.text("contact_urn"),
              FeedColumn.text("contact_urn_display"),
              FeedColumn.text("contact_ref"),
              FeedColumn.text("start_uuid"),
              FeedColumn.bool("responded"),
              FeedColumn.json("path"),
              FeedColumn.json("values"),
              FeedColumn.instant("created_on"),
              FeedColumn.instant("modified_on"),
              FeedColumn.instant("exited_on"),
              FeedColumn.text("exit_type"),
              FeedColumn.integer("path_length"),
              FeedColumn.text("last_node"),
              FeedColumn.text("source"),
              FeedColumn.text(LakeTables.PARTITION_COLUMN)),
          List.of("uuid"),
          List.of("flow_uuid, modified_on", "contact_uuid"),
          FeedSource.itself(LakeTables.RUNS, LakePaths::runs, List.of("uuid")));

  public static final FeedTable RUN_VALUES =
      new FeedTable(
          LakeTables.RUN_VALUES,
          LakePaths::runValues,
          List.of(
              FeedColumn.text("run_uuid"),
              FeedColumn.text("flow_uuid"),
              FeedColumn.text("flow_name"),
              FeedColumn.text("contact_uuid"),
              FeedColumn.text("result_key"),
              FeedColumn.text("result_name"),
              FeedColumn.text("value"),
              FeedColumn.text("category"),
              FeedColumn.text("node_uuid"),
              FeedColumn.instant("time"),
              FeedColumn.text("input"),
              FeedColumn.instant("run_created_on"),
              FeedColumn.instant("run_modified_on"),
              FeedColumn.text("run_exit_type"),
              FeedColumn.text(LakeTables.PARTITION_COLUMN)),
          List.of("run_uuid", "result_key"),
          List.of("flow_uuid, result_key"),
          new FeedSource(
              LakeTables.RUNS,
              LakePaths::runs,
              List.of("uuid"),
              RunValueColumns::flatten,
              List.of("run_uuid"),
              FeedTable::runValuesOfRun));

  public static final FeedTable CONTACTS =
      new FeedTable(
          LakeTables.CONTACTS,
          LakePaths::contacts,
          List.of(
              FeedColumn.text("uuid"),
              FeedColumn.text("name"),
              FeedColumn.json("urns"),
              FeedColumn.text("status"),
              FeedColumn.text("language"),
              FeedColumn.json("groups"),
              FeedColumn.json("fields"),
              FeedColumn.text("flow_uuid", "flow", "uuid"),
              FeedColumn.text("flow_name", "flow", "name"),
              FeedColumn.instant("created_on"),
              FeedColumn.instant("modified_on"),
              FeedColumn.instant("last_seen_on")),
          List.of("uuid"),
          List.of(),
          FeedSource.itself(LakeTables.CONTACTS, LakePaths::contacts, List.of("uuid")));

  /** In the order they are exported: a run's values after the run. */
  public static final List<FeedTable> ALL = List.of(RUNS, RUN_VALUES, CONTACTS);

  public static java.util.Optional<FeedTable> named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  private static FeedSource.RowsOfRow runValuesOfRun(StructType runs) {
    RunValueColumns.Rows rows = new RunValueColumns.Rows(runs);
    return new FeedSource.RowsOfRow(rows.schema(), rows::of);
  }

  List<String> columnNames() {
    return columns.stream().map(FeedColumn::name).toList();
  }

  /**
   * The name {@link ExportState} records this table's version under: its own, or for a derived
   * table its source's too ("run_values from runs"), since the version is the source's.
   */
  String stateName() {
    return source.derived(this) ? name + " from " + source.name() : name;
  }

  List<String> pgTypes() {
    return columns.stream().map(FeedColumn::pgType).toList();
  }
}
