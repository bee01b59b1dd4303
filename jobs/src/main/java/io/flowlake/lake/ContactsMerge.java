package io.flowlake.lake;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * Lands a batch of contact rows ({@link ContactTables#CONTACTS_SCHEMA}) in {@code contacts}: one
 * row per uuid, the newest {@code modified_on} wins. One Delta commit either way, and landing the
 * same batch again changes nothing, so a pull killed before it records its contacts watermark
 * converges when run again. An erased contact ({@link Tombstones}) is never landed again. A merge
 * leaves out the contacts the table holds with the same {@code modified_on} (the overlap's
 * re-reads), and a batch with nothing else adds no commit.
 */
public final class ContactsMerge {

  private final SparkSession spark;
  private final LakePaths paths;

  public ContactsMerge(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /**
   * Merges {@code batch} into the table (an incremental pull), or, with {@code replace}, makes the
   * table exactly the batch (a full pull: every contact that is not deleted was read, so one that
   * is missing is gone, and rows kept under another field selection are rewritten).
   */
  public void land(Dataset<Row> batch, boolean replace) {
    Dataset<Row> rows = new Tombstones(spark, paths).dropFromContacts(newestPerUuid(batch));
    boolean exists = DeltaTable.isDeltaTable(spark, paths.contacts());
    if (replace || !exists) {
      LakeTableCreator.contacts(spark, paths);
      rows.write().format("delta").mode(SaveMode.Overwrite).save(paths.contacts());
      return;
    }
    Dataset<Row> held =
        spark
            .read()
            .format("delta")
            .load(paths.contacts())
            .select(col("uuid").as("_held_uuid"), col("modified_on").as("_held_modified_on"));
    Dataset<Row> changed =
        rows.join(
            held,
            rows.col("uuid")
                .equalTo(held.col("_held_uuid"))
                .and(rows.col("modified_on").equalTo(held.col("_held_modified_on"))),
            "left_anti");
    if (changed.isEmpty()) {
      return;
    }
    LakeTableCreator.contacts(spark, paths)
        .as("t")
        .merge(changed.as("s"), "t.uuid = s.uuid")
        .whenMatched("s.modified_on > t.modified_on")
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /** The overlap and inclusive bounds can bring a contact twice: keep its newest copy. */
  private static Dataset<Row> newestPerUuid(Dataset<Row> batch) {
    Column[] columns =
        Arrays.stream(ContactTables.CONTACTS_SCHEMA.fieldNames())
            .map(functions::col)
            .toArray(Column[]::new);
    return batch
        .select(columns)
        .withColumn(
            "_rank",
            functions
                .row_number()
                .over(Window.partitionBy("uuid").orderBy(col("modified_on").desc())))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
