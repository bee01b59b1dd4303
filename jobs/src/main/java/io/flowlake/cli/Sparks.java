package io.flowlake.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Opens the job's Spark session. Under spark-submit the master and resources come from the submit
 * line; run directly (bin/flowlake) it is local mode on every core, loopback only, no UI. Closing
 * stops the session only if this opened it, so a command embedded in a running application (a
 * notebook, a test) leaves that application's session alone.
 */
public final class Sparks implements AutoCloseable {

  private final SparkSession session;
  private final boolean owned;

  private Sparks(SparkSession session, boolean owned) {
    this.session = session;
    this.owned = owned;
  }

  public static Sparks open(String command) {
    boolean existed = SparkSession.getDefaultSession().isDefined();
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("flowlake " + command)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.sql.session.timeZone", "UTC");
    if (!submitted.contains("spark.master")) {
      builder
          .master("local[*]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    if (!submitted.contains("spark.databricks.delta.snapshotPartitions")) {
      // Delta rebuilds a table's state with 50 tasks by default: minutes of overhead for a
      // lake of a few hundred files on a small driver.
      builder.config("spark.databricks.delta.snapshotPartitions", "4");
    }
    if (!submitted.contains("spark.sql.shuffle.partitions")) {
      // The lake's batches are small next to Spark's default of 200 shuffle partitions.
      builder.config("spark.sql.shuffle.partitions", "8");
    }
    SparkSession session = builder.getOrCreate();
    // A stop (StopRequest) cancels the command's jobs; this makes the cancel interrupt their
    // tasks too, so a fetch waiting on the API ends at once instead of at its next page.
    session.sparkContext().setLocalProperty("spark.job.interruptOnCancel", "true");
    return new Sparks(session, !existed);
  }

  /**
   * The Hadoop configuration a session would have, without starting one: the running session's when
   * there is one (a notebook, a test), else built from the submitted {@code spark.hadoop.*}
   * settings as Spark builds its own.
   */
  public static Configuration hadoopConfiguration() {
    Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined()) {
      return running.get().sparkContext().hadoopConfiguration();
    }
    return SparkHadoopUtil.get().newConfiguration(new SparkConf());
  }

  public SparkSession session() {
    return session;
  }

  @Override
  public void close() {
    if (owned) {
      session.stop();
    }
  }
}
