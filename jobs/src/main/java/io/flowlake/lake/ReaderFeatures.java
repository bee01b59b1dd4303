package io.flowlake.lake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps every lake table readable by the common non-Spark readers (delta-rs {@code deltalake},
 * polars): no deletion vectors, which they refuse ("reader features: {'deletionVectors'} not yet
 * supported"). A merge then rewrites the files it touches instead of marking rows in a vector
 * (docs/readers.md has what that costs).
 *
 * <p>A table an older flowlake created with deletion vectors keeps the feature in its protocol even
 * once the property is false, and delta-rs refuses the protocol, not only the vectors. So such a
 * table drops the feature with Delta's own {@code DROP FEATURE}, which turns the property off,
 * rewrites every file that has a vector (as {@code REORG ... APPLY (PURGE)} does) and removes the
 * feature from the protocol. It happens once per table, when a pull next opens the lake or a writer
 * next opens the table; a table without the feature costs one look at its protocol.
 */
public final class ReaderFeatures {

  static final String DELETION_VECTORS_PROPERTY = "delta.enableDeletionVectors";
  static final String DELETION_VECTORS_FEATURE = "deletionVectors";
  static final String FILE = "reader-features.json";

  private ReaderFeatures() {}

  /**
   * Drops deletion vectors from each of the lake's run-side and contact tables that has them, once
   * per lake: {@code _state/reader-features.json} records that every table was looked at, and a
   * table created after that is created without the feature ({@link LakeTableCreator}), so later
   * pulls open no table for this (seven snapshots, a few seconds of a pull with nothing new). A
   * table whose latest checksum shows a protocol without the feature is not opened either.
   */
  public static void dropDeletionVectors(SparkSession spark, LakePaths paths) {
    StateStore store = new StateStore(paths, spark.sparkContext().hadoopConfiguration());
    Path done = new Path(paths.state(), FILE);
    if (store.read(done).isPresent()) {
      return;
    }
    dropFromEach(spark, paths);
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.put("deletion_vectors_dropped", true);
    store.write(done, state);
  }

  private static void dropFromEach(SparkSession spark, LakePaths paths) {
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    for (String location :
        List.of(
            paths.runs(),
            paths.runValues(),
            paths.rejects(),
            paths.tombstones(),
            paths.contacts(),
            paths.contactFields(),
            paths.groups())) {
      // no table, or a latest checksum whose protocol lacks the feature: no snapshot to open
      boolean without =
          !log.isTable(location)
              || log.latestSettings(location)
                  .map(s -> !s.features().contains(DELETION_VECTORS_FEATURE))
                  .orElse(false);
      if (!without && DeltaTable.isDeltaTable(spark, location)) {
        dropDeletionVectors(spark, DeltaTable.forPath(spark, location), location);
      }
    }
  }

  /** Drops deletion vectors from the table at {@code location} when its protocol has them. */
  static void dropDeletionVectors(SparkSession spark, DeltaTable table, String location) {
    Row detail = table.detail().select("tableFeatures").head();
    List<String> features = detail.isNullAt(0) ? List.of() : detail.getList(0);
    if (features.contains(DELETION_VECTORS_FEATURE)) {
      spark.sql("alter table delta.`" + location + "` drop feature " + DELETION_VECTORS_FEATURE);
    }
  }
}
