package io.flowlake.lake;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * {@code contact_fields} and {@code groups}: read whole from the API each pull (a workspace has
 * tens of them) and each replaced by one Delta overwrite, so a reader sees the old list or the new
 * one, never a mix, and a field or group deleted in RapidPro leaves the lake with the next pull. A
 * list that has not changed is not written again: a pull with nothing new adds no commit.
 */
public final class DefinitionsReplace {

  private final SparkSession spark;
  private final LakePaths paths;

  public DefinitionsReplace(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** Rows of {@link ContactTables#CONTACT_FIELDS_SCHEMA}. */
  public void contactFields(List<Row> rows) {
    if (!holds(paths.contactFields(), rows, ContactTables.CONTACT_FIELDS_SCHEMA)) {
      LakeTableCreator.contactFields(spark, paths);
      replace(paths.contactFields(), rows, ContactTables.CONTACT_FIELDS_SCHEMA);
    }
  }

  /** Rows of {@link ContactTables#GROUPS_SCHEMA}. */
  public void groups(List<Row> rows) {
    if (!holds(paths.groups(), rows, ContactTables.GROUPS_SCHEMA)) {
      LakeTableCreator.groups(spark, paths);
      replace(paths.groups(), rows, ContactTables.GROUPS_SCHEMA);
    }
  }

  private void replace(String location, List<Row> rows, StructType schema) {
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .save(location);
  }

  /** Whether the table at {@code location} has exactly {@code rows} (keys are unique). */
  private boolean holds(String location, List<Row> rows, StructType schema) {
    if (!new DeltaLogFiles(spark.sparkContext().hadoopConfiguration()).isTable(location)) {
      return false;
    }
    List<Row> current =
        spark
            .read()
            .format("delta")
            .load(location)
            .select(Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new))
            .collectAsList();
    return current.size() == rows.size() && new HashSet<>(current).equals(new HashSet<>(rows));
  }
}
