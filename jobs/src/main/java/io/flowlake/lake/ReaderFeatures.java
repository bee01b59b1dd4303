package io.flowlake.lake;

import io.delta.tables.DeltaTable;
import java.util.List;
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

  private ReaderFeatures() {}

  /** Drops deletion vectors from each of the lake's run-side and contact tables that has them. */
  public static void dropDeletionVectors(SparkSession spark, LakePaths paths) {
    for (String location :
        List.of(
            paths.runs(),
            paths.runValues(),
            paths.rejects(),
            paths.tombstones(),
            paths.contacts(),
            paths.contactFields(),
            paths.groups())) {
      if (DeltaTable.isDeltaTable(spark, location)) {
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
