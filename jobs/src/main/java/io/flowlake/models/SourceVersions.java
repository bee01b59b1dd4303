package io.flowlake.models;

import io.flowlake.lake.DeltaLogFiles;
import io.flowlake.lake.LakeTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta version of each lake table the marts are computed from, read from the tables' logs only
 * (no data file is opened). A table the lake does not have is left out.
 */
final class SourceVersions {

  /** The tables whose changes can change a mart; contacts only through the segment marts. */
  static final List<String> TABLES =
      List.of(LakeTables.RUNS, LakeTables.RUN_VALUES, LakeTables.CONTACTS);

  private SourceVersions() {}

  static Map<String, Long> of(SparkSession spark, String lake) {
    return of(spark.sparkContext().hadoopConfiguration(), lake);
  }

  /** As {@link #of(SparkSession, String)}, without a Spark session: a listing of each log. */
  static Map<String, Long> of(Configuration conf, String lake) {
    DeltaLogFiles logs = new DeltaLogFiles(conf);
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : TABLES) {
      logs.latestVersion(MartPaths.table(lake, table)).ifPresent(v -> versions.put(table, v));
    }
    return versions;
  }

  /** "contacts v3, run_values v4, runs v5": the versions as the transform's one line says them. */
  static String describe(Map<String, Long> versions) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Long> e : new TreeMap<>(versions).entrySet()) {
      text.append(text.length() == 0 ? "" : ", ")
          .append(e.getKey())
          .append(" v")
          .append(e.getValue());
    }
    return text.toString();
  }
}
