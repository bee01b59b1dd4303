package io.flowlake.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Settings a transform or a pull needs that Spark's defaults get wrong for the lake's small tables
 * and batches, applied only where the user set nothing and undone afterwards, so a notebook's
 * session is left as found. ({@code flowlake}'s own session sets them from the start.)
 */
public final class SessionDefaults implements AutoCloseable {

  /** Spark's default of 200 would mostly schedule empty tasks: the marts are small aggregates. */
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /** Delta rebuilds a table's state in 50 tasks by default, for each mart it replaces. */
  static final String DELTA_SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  private static final int DELTA_DEFAULT_SNAPSHOT_PARTITIONS = 50;

  private final RuntimeConfig conf;
  private final List<String> applied = new ArrayList<>();

  private SessionDefaults(RuntimeConfig conf) {
    this.conf = conf;
  }

  public static SessionDefaults apply(SparkSession spark) {
    int cores = Math.max(1, spark.sparkContext().defaultParallelism());
    return unlessSet(
        spark,
        Map.of(
            SHUFFLE_PARTITIONS,
            String.valueOf(cores),
            DELTA_SNAPSHOT_PARTITIONS,
            String.valueOf(Math.min(cores, DELTA_DEFAULT_SNAPSHOT_PARTITIONS))));
  }

  /** Sets each of {@code settings} the session does not have yet; {@link #close} unsets them. */
  private static SessionDefaults unlessSet(SparkSession spark, Map<String, String> settings) {
    SessionDefaults defaults = new SessionDefaults(spark.conf());
    settings.forEach(
        (key, value) -> {
          if (!defaults.conf.contains(key)) {
            defaults.conf.set(key, value);
            defaults.applied.add(key);
          }
        });
    return defaults;
  }

  @Override
  public void close() {
    applied.forEach(conf::unset);
  }
}
