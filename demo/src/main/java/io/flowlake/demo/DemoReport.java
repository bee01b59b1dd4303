package io.flowlake.demo;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.LakePaths;
import io.flowlake.models.MartPaths;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The demo's closing table: the {@code flow_summary} mart as the transform wrote it, each flow's
 * counts checked against the simulator's ground truth counted in plain Java (not the mart's SQL).
 */
final class DemoReport {

  static final String FLOW_SUMMARY = "flow_summary";

  /** What the truth check compares, per flow: the run counts by state and the two main rates. */
  record FlowCounts(
      String flowUuid,
      String name,
      long runs,
      long ongoing,
      long completed,
      long interrupted,
      long expired,
      long failed,
      long responded) {

    double completionRate() {
      return (double) completed / runs;
    }

    double responseRate() {
      return (double) responded / runs;
    }
  }

  /** One flow_summary row: the counts the truth check compares, and what is only shown. */
  record SummaryRow(
      FlowCounts counts, double completionRate, double responseRate, Double medianSeconds) {

    /** The rates are compared too: the mart computes them, and must compute them as documented. */
    boolean matches(FlowCounts truth) {
      return counts.equals(truth)
          && completionRate == truth.completionRate()
          && responseRate == truth.responseRate();
    }
  }

  /**
   * Prints flow_summary and whether it equals the truth.
   *
   * @return true when every flow of the mart equals the truth and no flow of the truth is missing
   */
  static boolean print(
      SparkSession spark, LakePaths paths, List<RunRecord> truth, PrintStream out) {
    Map<String, SummaryRow> mart = flowSummary(spark, paths.root());
    Map<String, FlowCounts> expected = fromTruth(truth);
    out.printf(
        "%n%s (%s)%n%-28s %10s %10s %10s %10s %10s %12s  %s%n",
        FLOW_SUMMARY,
        MartPaths.mart(paths.root(), FLOW_SUMMARY),
        "flow_name",
        "runs",
        "completed",
        "completion",
        "responded",
        "response",
        "median_secs",
        "truth");
    boolean equal = mart.keySet().equals(expected.keySet());
    for (SummaryRow row : mart.values()) {
      boolean same = row.matches(expected.get(row.counts().flowUuid()));
      equal &= same;
      out.printf(
          "%-28s %,10d %,10d %9.1f%% %,10d %9.1f%% %12s  %s%n",
          row.counts().name(),
          row.counts().runs(),
          row.counts().completed(),
          100 * row.completionRate(),
          row.counts().responded(),
          100 * row.responseRate(),
          row.medianSeconds() == null ? "-" : String.format("%,.0f", row.medianSeconds()),
          same ? "equal" : "DIFFERENT");
    }
    long total = mart.values().stream().mapToLong(r -> r.counts().runs()).sum();
    out.printf(
        equal
            ? "%nflow_summary counts all %,d runs and equals the simulator's ground truth, flow by"
                + " flow.%n"
            : "%nflow_summary (%,d runs) DIFFERS from the simulator's ground truth.%n",
        total);
    out.printf(
        "Lake: %s  (try: spark.read.format(\"delta\").load(\"%s\"))%n",
        paths.root(), MartPaths.mart(paths.root(), FLOW_SUMMARY));
    return equal;
  }

  /** flow_summary's rows by flow uuid, in flow name order for printing. */
  private static Map<String, SummaryRow> flowSummary(SparkSession spark, String lake) {
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(MartPaths.mart(lake, FLOW_SUMMARY))
            .selectExpr(
                "flow_uuid",
                "flow_name",
                "runs",
                "ongoing",
                "completed",
                "interrupted",
                "expired",
                "failed",
                "responded",
                "completion_rate",
                "response_rate",
                "median_seconds_to_complete")
            .orderBy("flow_name", "flow_uuid")
            .collectAsList();
    Map<String, SummaryRow> flows = new LinkedHashMap<>();
    for (Row row : rows) {
      FlowCounts counts =
          new FlowCounts(
              row.getString(0),
              row.getString(1),
              row.getLong(2),
              row.getLong(3),
              row.getLong(4),
              row.getLong(5),
              row.getLong(6),
              row.getLong(7),
              row.getLong(8));
      flows.put(
          counts.flowUuid(),
          new SummaryRow(
              counts,
              row.getDouble(9),
              row.getDouble(10),
              row.isNullAt(11) ? null : row.getDouble(11)));
    }
    return flows;
  }

  /**
   * The same counts from the simulator's runs, one by one; a flow's name is the one on its newest
   * named run.
   */
  static Map<String, FlowCounts> fromTruth(List<RunRecord> truth) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, RunRecord> newest = new TreeMap<>();
    for (RunRecord run : truth) {
      long[] c = counts.computeIfAbsent(run.flowUuid(), uuid -> new long[7]);
      c[0]++;
      c[1 + stateIndex(run.exitType())]++;
      c[6] += run.responded() ? 1 : 0;
      if (run.flowName() != null) {
        newest.merge(run.flowUuid(), run, (a, b) -> b.modifiedOn().isAfter(a.modifiedOn()) ? b : a);
      }
    }
    Map<String, FlowCounts> flows = new TreeMap<>();
    counts.forEach(
        (uuid, c) ->
            flows.put(
                uuid,
                new FlowCounts(
                    uuid,
                    newest.containsKey(uuid) ? newest.get(uuid).flowName() : null,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5],
                    c[6])));
    return flows;
  }

  /** 0 for ongoing (no exit type), then completed, interrupted, expired, failed. */
  private static int stateIndex(String exitType) {
    return exitType == null ? 0 : 1 + RunRecord.EXIT_TYPES.indexOf(exitType);
  }

  private DemoReport() {}
}
