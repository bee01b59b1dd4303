package io.flowlake.pull;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.flowlake.lake.ContactsState;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.NextPullDigest;
import io.flowlake.lake.OverlapDigest;
import io.flowlake.lake.PullRecord;
import io.flowlake.lake.PulledTables;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pull's last step: records in {@code _state} what the next pull's re-reads will return if the
 * workspace does not change ({@link NextPullDigest}), from the lake as this pull left it: the runs
 * and contacts modified since their watermarks less the overlap (a filtered read of their recent
 * files), the definitions and the deletions as listed. Best effort: a failure here removes the
 * file, which only costs the next {@code run} its shortcut.
 */
final class NextPullRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(NextPullRecorder.class);

  private final SparkSession spark;
  private final LakePaths paths;
  private final Configuration conf;

  NextPullRecorder(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
    this.conf = spark.sparkContext().hadoopConfiguration();
  }

  /**
   * @param runsHeld every row {@code runs} holds, when the pull knows them without reading the
   *     table (a first load's append, {@link RunLanding.Landed#runsHeld}): digested instead of a
   *     read of {@code runs}, whose first snapshot in a JVM costs Spark jobs
   */
  void record(
      PullRecord pull,
      Duration overlap,
      Optional<ContactsLanding> contacts,
      OverlapDigest deletions,
      Optional<Dataset<Row>> runsHeld) {
    NextPullDigest.Store store = new NextPullDigest.Store(paths, conf);
    try {
      if (pull.watermarkAfter() == null) {
        store.clear();
        return;
      }
      OverlapDigest runs =
          digest(
              runsHeld.orElseGet(() -> spark.read().format("delta").load(paths.runs())),
              pull.watermarkAfter().minus(overlap));
      OverlapDigest contactsDigest = null;
      String definitions = null;
      if (contacts.isPresent()) {
        Optional<ContactsState.Mark> mark = new ContactsState(paths, conf).mark();
        if (mark.isEmpty()) {
          store.clear();
          return;
        }
        contactsDigest =
            digest(
                spark.read().format("delta").load(paths.contacts()),
                mark.get().watermark().minus(overlap));
        definitions = contacts.get().definitionsDigest();
      }
      store.write(
          new NextPullDigest(
              pull.pullId(),
              pull.watermarkAfter(),
              runs,
              contactsDigest,
              definitions,
              deletions,
              PulledTables.versions(paths, conf)));
    } catch (RuntimeException e) {
      LOG.warn("the next run cannot skip Spark: no digest recorded ({})", e.getMessage());
      store.clear();
    }
  }

  /** The rows modified at or after {@code after}, digested. */
  private static OverlapDigest digest(Dataset<Row> rows, Instant after) {
    OverlapDigest.Builder digest = new OverlapDigest.Builder(after);
    for (Row row :
        rows.where(col("modified_on").geq(lit(Timestamp.from(after))))
            .select("uuid", "modified_on")
            .collectAsList()) {
      Object at = row.get(1);
      digest.add(row.getString(0), at instanceof Instant i ? i : ((Timestamp) at).toInstant());
    }
    return digest.digest();
  }
}
