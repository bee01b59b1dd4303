package io.flowlake.lake;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code contact_fields} and {@code groups}: read whole from the API each pull (a workspace has
 * tens of them) and each replaced by one Delta overwrite, so a reader sees the old list or the new
 * one, never a mix, and a field or group deleted in RapidPro leaves the lake with the next pull.
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
    LakeTableCreator.contactFields(spark, paths);
    replace(paths.contactFields(), rows, ContactTables.CONTACT_FIELDS_SCHEMA);
  }

  /** Rows of {@link ContactTables#GROUPS_SCHEMA}. */
  public void groups(List<Row> rows) {
    LakeTableCreator.groups(spark, paths);
    replace(paths.groups(), rows, ContactTables.GROUPS_SCHEMA);
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
}
