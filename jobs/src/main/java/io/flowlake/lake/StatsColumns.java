package io.flowlake.lake;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of each lake table that Delta keeps file statistics (min/max) for, in its log.
 *
 * <p>Delta writes those statistics into every commit's {@code add} actions and into checkpoints,
 * and by default for a table's first 32 columns: a contact's uuid, name or URN would sit in clear
 * in {@code _delta_log} after its rows, and even its data files, are gone. So each table names the
 * columns worth skipping files on (times, flows, keys of no one) and no personal column ever gets
 * statistics: not a contact's uuid, name or URNs, not a result's value or input, not a reject's raw
 * text or reason (which can quote a value).
 */
public final class StatsColumns {

  /** The table property Delta reads the list from. */
  public static final String PROPERTY = "delta.dataSkippingStatsColumns";

  private static final Map<String, List<String>> BY_TABLE =
      Map.of(
          LakeTables.RUNS,
          List.of("uuid", "flow_uuid", "created_on", "modified_on", "exited_on", "exit_type"),
          LakeTables.RUN_VALUES,
          List.of("run_uuid", "flow_uuid", "result_key", "run_created_on", "run_modified_on"),
          LakeTables.REJECTS,
          List.of("reject_id", "source", "rejected_at"),
          LakeTables.TOMBSTONES,
          List.of("contact_uuid_sha256", "origin", "tombstoned_at"),
          LakeTables.CONTACTS,
          List.of("status", "created_on", "modified_on", "last_seen_on"),
          LakeTables.CONTACT_FIELDS,
          List.of("key", "type"),
          LakeTables.GROUPS,
          List.of("uuid", "status"));

  /** The property's value for {@code table}, e.g. {@code uuid,flow_uuid,created_on}. */
  public static String of(String table) {
    List<String> columns = BY_TABLE.get(table);
    if (columns == null) {
      throw new IllegalArgumentException(
          "no statistics columns declared for the lake table " + table);
    }
    return quoted(columns);
  }

  /** Column names as the property takes them: back-quoted, so a name may hold spaces. */
  public static String quoted(List<String> columns) {
    return columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(","));
  }

  private StatsColumns() {}
}
