package io.flowlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The runs of an API batch that {@code runs} already holds exactly, which a merge would leave as
 * they are. An incremental pull re-reads its overlap window before the watermark (replica lag,
 * docs/rapidpro-api.md), so a quiet workspace's pull brings back only runs the lake has: knowing
 * that before the merge lets it skip the merge and the {@code run_values} rebuild.
 *
 * <p>A run is held when {@code runs} has its uuid with the same {@code modified_on} from the API
 * (an archive copy on a tie is replaced by the API's, {@link RunsMerge}). The lookup is for small
 * batches, the incremental pull's: their (uuid, modified_on) pairs are collected and {@code runs}
 * is asked for those uuids only, from the files whose {@code modified_on} statistics reach the
 * batch's oldest run ({@link StatsColumns}). A larger batch goes to the merge whole.
 */
public final class HeldRuns {

  /** The most runs looked up; a pull that brings more is not a re-read of its overlap. */
  static final long MOST_LOOKED_UP = 10_000;

  private final SparkSession spark;
  private final LakePaths paths;

  public HeldRuns(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /**
   * {@code batch} (API runs, {@link io.flowlake.source.RunColumns#RUN} columns) less the runs the
   * lake holds exactly; empty when it holds them all.
   *
   * @param count how many rows {@code batch} has
   * @param oldest its oldest {@code modified_on}
   */
  public Optional<Dataset<Row>> changed(Dataset<Row> batch, long count, Instant oldest) {
    if (count == 0) {
      return Optional.empty();
    }
    if (count > MOST_LOOKED_UP
        || new DeltaLogFiles(spark.sparkContext().hadoopConfiguration())
            .holdsNoRows(paths.runs())) {
      return Optional.of(batch);
    }
    List<Row> read = batch.select("uuid", "modified_on").collectAsList();
    Set<String> uuids = new HashSet<>();
    read.forEach(r -> uuids.add(r.getString(0)));
    Set<Row> held =
        new HashSet<>(
            spark
                .read()
                .format("delta")
                .load(paths.runs())
                .where(
                    col("modified_on")
                        .geq(lit(Timestamp.from(oldest)))
                        .and(col("source").equalTo(LakeTables.SOURCE_API))
                        .and(col("uuid").isInCollection(uuids)))
                .select("uuid", "modified_on")
                .collectAsList());
    Set<String> changed = new HashSet<>();
    read.stream().filter(r -> !held.contains(r)).forEach(r -> changed.add(r.getString(0)));
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    Column isChanged = col("uuid").isInCollection(changed);
    return Optional.of(batch.where(isChanged));
  }
}
