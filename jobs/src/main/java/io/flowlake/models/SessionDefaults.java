package io.flowlake.models;

import java.util.ArrayList;
import java.util.List;
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
    SessionDefaults defaults = new SessionDefaults(spark.conf());
    int cores = Math.max(1, spark.sparkContext().defaultParallelism());
    defaults.setUnlessSet(SHUFFLE_PARTITIONS, cores);
    defaults.setUnlessSet(
        DELTA_SNAPSHOT_PARTITIONS, Math.min(cores, DELTA_DEFAULT_SNAPSHOT_PARTITIONS));
    return defaults;
  }

  private void setUnlessSet(String key, int value) {
    if (!conf.contains(key)) {
      conf.set(key, value);
      applied.add(key);
    }
  }

  @Override
  public void close() {
    applied.forEach(conf::unset);
  }
}
