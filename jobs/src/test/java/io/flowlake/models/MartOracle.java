package io.flowlake.models;

import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The marts computed again in plain Java from run records, without the SQL, from the definitions in
 * docs/marts.md. Rows hold the mart's columns in the mart's order. Use {@link #assertMartsMatch} to
 * check a transformed lake against the records it was built from (e.g. a simulator's ground truth).
 */
public final class MartOracle {

  /**
   * The marts the oracle computes (the per-flow results tables and their index are reshapings,
   * checked by {@link FlowResultsOracle}).
   */
  public static final List<String> MARTS =
      List.of("flow_summary", "flow_daily", "result_categories", "result_numeric", "node_dropoff");

  private MartOracle() {}

  /** Every mart of {@link #MARTS}, by name. */
  public static Map<String, List<Row>> all(List<RunRecord> runs) {
    Map<String, List<Row>> marts = new LinkedHashMap<>();
    marts.put("flow_summary", flowSummary(runs));
    marts.put("flow_daily", flowDaily(runs));
    marts.put("result_categories", ResultMartsOracle.resultCategories(runs));
    marts.put("result_numeric", ResultMartsOracle.resultNumeric(runs));
    marts.put("node_dropoff", nodeDropoff(runs));
    return marts;
  }

  /**
   * Asserts that each mart in {@code <lake>/marts} holds exactly the oracle's rows for {@code runs}
   * (order aside; doubles to 12 significant digits).
   */
  public static void assertMartsMatch(SparkSession spark, String lake, List<RunRecord> runs) {
    all(runs)
        .forEach(
            (mart, expected) -> {
              Dataset<Row> actual = spark.read().format("delta").load(MartPaths.mart(lake, mart));
              RowComparison.assertSameRows(
                  mart, List.of(actual.columns()), actual.collectAsList(), expected);
            });
  }

  public static List<Row> flowSummary(List<RunRecord> runs) {
    List<Row> rows = new ArrayList<>();
    byFlow(runs)
        .forEach(
            (flow, flowRuns) -> {
              long total = flowRuns.size();
              long ongoing = count(flowRuns, r -> r.exitType() == null);
              long completed = countExit(flowRuns, "completed");
              long interrupted = countExit(flowRuns, "interrupted");
              long expired = countExit(flowRuns, "expired");
              long failed = countExit(flowRuns, "failed");
              long responded = count(flowRuns, RunRecord::responded);
              List<Double> seconds =
                  flowRuns.stream()
                      .filter(r -> "completed".equals(r.exitType()) && r.exitedOn() != null)
                      .map(r -> (double) OracleMath.wholeSeconds(r.createdOn(), r.exitedOn()))
                      .sorted()
                      .toList();
              rows.add(
                  RowFactory.create(
                      flow,
                      flowName(flowRuns),
                      total,
                      ongoing,
                      completed,
                      interrupted,
                      expired,
                      failed,
                      responded,
                      (double) completed / total,
                      (double) responded / total,
                      (double) interrupted / total,
                      (double) expired / total,
                      (double) failed / total,
                      OracleMath.percentile(seconds, 0.5),
                      OracleMath.percentile(seconds, 0.9),
                      flowRuns.stream()
                          .map(RunRecord::createdOn)
                          .min(Comparator.naturalOrder())
                          .orElseThrow(),
                      flowRuns.stream()
                          .map(RunRecord::modifiedOn)
                          .max(Comparator.naturalOrder())
                          .orElseThrow()));
            });
    return rows;
  }

  public static List<Row> flowDaily(List<RunRecord> runs) {
    List<Row> rows = new ArrayList<>();
    byFlow(runs)
        .forEach(
            (flow, flowRuns) ->
                group(flowRuns, r -> LocalDate.ofInstant(r.createdOn(), ZoneOffset.UTC))
                    .forEach(
                        (day, dayRuns) -> {
                          long started = dayRuns.size();
                          long completed = countExit(dayRuns, "completed");
                          long responded = count(dayRuns, RunRecord::responded);
                          rows.add(
                              RowFactory.create(
                                  flow,
                                  flowName(flowRuns),
                                  day,
                                  started,
                                  completed,
                                  responded,
                                  (double) completed / started,
                                  (double) responded / started));
                        }));
    return rows;
  }

  public static List<Row> nodeDropoff(List<RunRecord> runs) {
    List<Row> rows = new ArrayList<>();
    byFlow(runs)
        .forEach(
            (flow, flowRuns) -> {
              Map<String, long[]> nodes = new LinkedHashMap<>();
              for (RunRecord run : flowRuns) {
                if (run.path() == null) {
                  continue;
                }
                String last = LakeFixture.lastNode(run);
                Set<String> visited = new LinkedHashSet<>();
                run.path().stream()
                    .map(PathStep::node)
                    .filter(Objects::nonNull)
                    .forEach(visited::add);
                for (String node : visited) {
                  // reached, ended here, ongoing, interrupted, expired, failed
                  long[] counts = nodes.computeIfAbsent(node, n -> new long[6]);
                  counts[0]++;
                  if (node.equals(last) && !"completed".equals(run.exitType())) {
                    counts[1]++;
                    int slot = exitSlot(run.exitType());
                    if (slot >= 0) {
                      counts[slot]++;
                    }
                  }
                }
              }
              nodes.forEach(
                  (node, c) ->
                      rows.add(
                          RowFactory.create(
                              flow,
                              flowName(flowRuns),
                              node,
                              ResultMartsOracle.nodeLabel(flowRuns, node),
                              c[0],
                              c[1],
                              c[2],
                              c[3],
                              c[4],
                              c[5])));
            });
    return rows;
  }

  /** The name on the most recently modified run that has one; ties go to the greater name. */
  static String flowName(List<RunRecord> flowRuns) {
    return flowRuns.stream()
        .filter(r -> r.flowName() != null)
        .max(
            Comparator.comparing(RunRecord::modifiedOn)
                .thenComparing(RunRecord::flowName, OracleMath.CODE_POINT_ORDER))
        .map(RunRecord::flowName)
        .orElse(null);
  }

  static Map<String, List<RunRecord>> byFlow(List<RunRecord> runs) {
    return group(runs, RunRecord::flowUuid);
  }

  /** Groups in first-seen order; a null key is a group of its own, as in SQL. */
  static <K, T> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
    Map<K, List<T>> groups = new LinkedHashMap<>();
    for (T item : items) {
      groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
    }
    return groups;
  }

  private static int exitSlot(String exitType) {
    if (exitType == null) {
      return 2;
    }
    return switch (exitType) {
      case "interrupted" -> 3;
      case "expired" -> 4;
      case "failed" -> 5;
      default -> -1;
    };
  }

  private static long countExit(List<RunRecord> runs, String exitType) {
    return count(runs, r -> exitType.equals(r.exitType()));
  }

  private static long count(List<RunRecord> runs, java.util.function.Predicate<RunRecord> test) {
    return runs.stream().filter(test).count();
  }

  /** Every (run, key, value) of the runs, for the result marts. */
  record RunValue(RunRecord run, String key, ResultValue value) {

    static List<RunValue> of(List<RunRecord> runs) {
      return runs.stream()
          .flatMap(
              r ->
                  r.values().entrySet().stream()
                      .map(e -> new RunValue(r, e.getKey(), e.getValue())))
          .collect(Collectors.toList());
    }

    Instant modifiedOn() {
      return run.modifiedOn();
    }
  }
}
