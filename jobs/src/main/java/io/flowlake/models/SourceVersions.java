package io.flowlake.models;

import io.flowlake.lake.LakeTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String table : TABLES) {
      TableSnapshot.latestVersionIfAny(spark, MartPaths.table(lake, table))
          .ifPresent(v -> versions.put(table, v));
    }
    return versions;
  }
}
