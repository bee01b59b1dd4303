package io.flowlake.cli;

import io.flowlake.lake.LakePaths;
import io.flowlake.ops.RunLock;
import java.io.PrintStream;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/** The lake's lock for a command that writes it, saying so when it took over a dead run's lock. */
final class Locks {

  static RunLock take(SparkSession spark, LakePaths lake, String command, PrintStream out) {
    return take(spark, lake, UUID.randomUUID().toString(), command, out);
  }

  static RunLock take(
      SparkSession spark, LakePaths lake, String runId, String command, PrintStream out) {
    RunLock lock =
        RunLock.acquire(lake, spark.sparkContext().hadoopConfiguration(), runId, command);
    lock.replaced()
        .ifPresent(dead -> out.println("took over the stale lock of " + dead.describe()));
    return lock;
  }

  private Locks() {}
}
