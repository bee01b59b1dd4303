package io.flowlake.demo;

import static org.apache.spark.sql.functions.col;

import io.flowlake.lake.LakePaths;
import io.flowlake.models.MartPaths;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The demo's last lines: the largest flow's completion and response by gender, from flow_segments
 * (what notebook 5 charts for every dimension). Suppressed segments are printed as such.
 */
final class DemoSegments {

  private DemoSegments() {}

  static void printByGender(SparkSession spark, LakePaths paths, PrintStream out) {
    String path = MartPaths.mart(paths.root(), "flow_segments");
    List<Row> largest =
        spark
            .read()
            .format("delta")
            .load(MartPaths.mart(paths.root(), "flow_summary"))
            .orderBy(col("runs").desc(), col("flow_uuid"))
            .select("flow_uuid", "flow_name")
            .limit(1)
            .collectAsList();
    if (largest.isEmpty()) {
      return;
    }
    String flow = largest.get(0).getString(0);
    List<Row> genders =
        spark
            .read()
            .format("delta")
            .load(path)
            .where(col("flow_uuid").equalTo(flow).and(col("dimension").equalTo("gender")))
            .orderBy("segment_order")
            .select("segment", "runs", "completion_rate", "response_rate", "suppressed")
            .collectAsList();
    out.printf(
        "%n%s by gender (flow_segments)%n%-28s %10s %10s %10s%n",
        largest.get(0).getString(1), "gender", "runs", "completion", "response");
    for (Row g : genders) {
      out.printf(
          g.getBoolean(4) ? "%-28s %,10d %10s %10s%n" : "%-28s %,10d %9.1f%% %9.1f%%%n",
          g.getString(0),
          g.getLong(1),
          g.getBoolean(4) ? "(fewer than" : 100 * g.getDouble(2),
          g.getBoolean(4) ? "min runs)" : 100 * g.getDouble(3));
    }
  }
}
