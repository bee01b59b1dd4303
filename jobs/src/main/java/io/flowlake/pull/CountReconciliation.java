package io.flowlake.pull;

import static org.apache.spark.sql.functions.col;

import io.flowlake.api.FlowSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Compares the lake's runs per flow and exit type with the counts {@code /api/v2/flows.json} gives
 * (docs/rapidpro-api.md: {@code active, waiting, completed, interrupted, expired, failed}), which
 * is how a user would notice missing data. The API does not tell active from waiting in a run (both
 * have no exit type), so those two are compared as one "ongoing" count. Only meaningful after a
 * full pull: an incremental one reads only what changed.
 */
final class CountReconciliation {

  static final String ONGOING = "ongoing";

  /** One line per (flow, exit type) whose counts differ; empty when every count agrees. */
  static List<String> mismatches(Dataset<Row> lakeRuns, List<FlowSummary> flows) {
    Map<String, Map<String, Long>> lake = new TreeMap<>();
    for (Row row : lakeRuns.groupBy(col("flow_uuid"), col("exit_type")).count().collectAsList()) {
      String exit = row.isNullAt(1) ? ONGOING : row.getString(1);
      lake.computeIfAbsent(row.getString(0), f -> new TreeMap<>())
          .merge(exit, row.getLong(2), Long::sum);
    }
    Map<String, Map<String, Long>> api = new TreeMap<>();
    Map<String, String> names = new TreeMap<>();
    for (FlowSummary flow : flows) {
      names.put(flow.uuid(), flow.name());
      Map<String, Long> counts = api.computeIfAbsent(flow.uuid(), f -> new TreeMap<>());
      flow.runs()
          .forEach(
              (status, n) ->
                  counts.merge(
                      status.equals("active") || status.equals("waiting") ? ONGOING : status,
                      n,
                      Long::sum));
    }
    TreeSet<String> flowUuids = new TreeSet<>(lake.keySet());
    flowUuids.addAll(api.keySet());
    List<String> out = new ArrayList<>();
    for (String flow : flowUuids) {
      Map<String, Long> inLake = lake.getOrDefault(flow, Map.of());
      Map<String, Long> inApi = api.getOrDefault(flow, Map.of());
      TreeSet<String> exits = new TreeSet<>(inLake.keySet());
      exits.addAll(inApi.keySet());
      for (String exit : exits) {
        long l = inLake.getOrDefault(exit, 0L);
        long a = inApi.getOrDefault(exit, 0L);
        if (l != a) {
          out.add(
              String.format(
                  "flow %s (%s) %s: lake %d, flows.json %d",
                  flow, names.getOrDefault(flow, "not in flows.json"), exit, l, a));
        }
      }
    }
    return out;
  }

  private CountReconciliation() {}
}
