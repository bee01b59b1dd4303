package io.flowlake.cli;

import io.flowlake.lake.LakePaths;
import io.flowlake.ops.RunLock;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/** The lake's lock for a command that writes it, saying so when it took over a dead run's lock. */
final class Locks {

  static RunLock take(SparkSession spark, LakePaths lake, String command, JobConsole console) {
    RunLock lock =
        RunLock.acquire(
            lake,
            spark.sparkContext().hadoopConfiguration(),
            UUID.randomUUID().toString(),
            command);
    lock.replaced().ifPresent(console::lockTakenOver);
    return lock;
  }

  private Locks() {}
}
