package io.flowlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps every record the parser refused, with its raw text, the reason and where it came from (a
 * token-free page URL or an archive and line). Keyed by a hash of the raw text, so a pull re-run
 * after a crash does not count the same reject twice.
 */
public final class RejectsStore {

  private final SparkSession spark;
  private final LakePaths paths;

  public RejectsStore(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** {@code rejects}: rows with columns raw, reason, location. */
  public void add(Dataset<Row> rejects, String source, Instant at) {
    Dataset<Row> rows =
        rejects
            .withColumn("reject_id", sha2(col("raw"), 256))
            .withColumn("source", lit(source))
            .withColumn("rejected_at", lit(Timestamp.from(at)))
            .select("reject_id", "raw", "reason", "source", "location", "rejected_at")
            .dropDuplicates("reject_id");
    LakeTableCreator.rejects(spark, paths)
        .as("t")
        .merge(rows.as("s"), "t.reject_id = s.reject_id")
        .whenNotMatched()
        .insertAll()
        .execute();
  }
}
