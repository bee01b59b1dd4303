package io.flowlake.cli;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.LakePaths;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The demo's closing table: runs, completed and responded per flow as the lake has them, each
 * checked against the simulator's ground truth counted in plain Java.
 */
final class DemoReport {

  /** Per-flow counts: runs, completed, responded. */
  record FlowCounts(String name, long runs, long completed, long responded) {}

  static boolean print(
      SparkSession spark, LakePaths paths, List<RunRecord> truth, PrintStream out) {
    Map<String, FlowCounts> lake = fromLake(spark, paths);
    Map<String, FlowCounts> expected = fromTruth(truth);
    out.printf("%n%-28s %10s %10s %10s  %s%n", "flow", "runs", "completed", "responded", "truth");
    for (FlowCounts flow : lake.values()) {
      boolean same = flow.equals(expected.get(flow.name()));
      out.printf(
          "%-28s %,10d %,10d %,10d  %s%n",
          flow.name(),
          flow.runs(),
          flow.completed(),
          flow.responded(),
          same ? "equal" : "DIFFERENT");
    }
    boolean equal = Objects.equals(lake, expected);
    long total = lake.values().stream().mapToLong(FlowCounts::runs).sum();
    out.printf(
        equal
            ? "%nThe lake holds all %,d runs and equals the simulator's ground truth, flow by flow.%n"
            : "%nThe lake (%,d runs) DIFFERS from the simulator's ground truth.%n",
        total);
    out.printf(
        "Lake: %s  (try: spark.read.format(\"delta\").load(\"%s\"))%n", paths.root(), paths.runs());
    return equal;
  }

  private static Map<String, FlowCounts> fromLake(SparkSession spark, LakePaths paths) {
    spark.read().format("delta").load(paths.runs()).createOrReplaceTempView("demo_runs");
    Map<String, FlowCounts> flows = new TreeMap<>();
    for (Row row :
        spark
            .sql(
                "select flow_name, count(*), count_if(exit_type = 'completed'), count_if(responded)"
                    + " from demo_runs group by flow_name")
            .collectAsList()) {
      flows.put(
          row.getString(0),
          new FlowCounts(row.getString(0), row.getLong(1), row.getLong(2), row.getLong(3)));
    }
    return flows;
  }

  private static Map<String, FlowCounts> fromTruth(List<RunRecord> truth) {
    Map<String, long[]> counts = new TreeMap<>();
    for (RunRecord run : truth) {
      long[] c = counts.computeIfAbsent(run.flowName(), name -> new long[3]);
      c[0]++;
      c[1] += "completed".equals(run.exitType()) ? 1 : 0;
      c[2] += run.responded() ? 1 : 0;
    }
    Map<String, FlowCounts> flows = new TreeMap<>();
    counts.forEach((name, c) -> flows.put(name, new FlowCounts(name, c[0], c[1], c[2])));
    return flows;
  }

  private DemoReport() {}
}
