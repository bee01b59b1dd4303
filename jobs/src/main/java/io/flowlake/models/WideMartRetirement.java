package io.flowlake.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Migrates a lake made before the per-flow results tables: its one wide mart, {@code
 * marts/flow_results_wide} (a column pair per result of every flow), is removed; the tables under
 * {@code marts/flow_results/} replace it. Its rows are derived from runs, so nothing is lost.
 */
final class WideMartRetirement {

  static final String OLD_MART = "flow_results_wide";

  private WideMartRetirement() {}

  /**
   * @return the one line to tell a person, when there was a wide mart to remove
   */
  static Optional<String> retire(SparkSession spark, String lake) {
    Path old = new Path(MartPaths.mart(lake, OLD_MART));
    try {
      FileSystem fs = old.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(old)) {
        return Optional.empty();
      }
      if (!fs.delete(old, true)) {
        throw new IOException("delete returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the old mart " + old + ": " + e.getMessage(), e);
    }
    return Optional.of(
        "removed the old mart "
            + OLD_MART
            + ": one table per flow under marts/"
            + FlowResultsTable.DIR
            + "/ replaces it (see flow_results_index)");
  }
}
