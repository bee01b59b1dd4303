package io.flowlake.lake;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The erased contacts ({@code tombstones}): the SHA-256 of each one's uuid, never the uuid.
 * RapidPro does not rewrite its run archives when it deletes a contact (docs/rapidpro-api.md §7),
 * so every landing of runs, archives included, drops the runs and rejects of a tombstoned contact
 * before they reach a table; an erasure stays one.
 */
public final class Tombstones {

  static final String HASH = "contact_uuid_sha256";

  private final SparkSession spark;
  private final LakePaths paths;

  public Tombstones(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** The hash a tombstone keeps of a contact uuid column. */
  public static Column hashOf(Column contactUuid) {
    return sha2(contactUuid, 256);
  }

  /**
   * Adds a tombstone per contact in {@code uuids} (one column, {@code uuid}) not yet tombstoned;
   * matched by hash, so adding the same contacts again changes nothing.
   */
  void add(Dataset<Row> uuids, String origin, Instant at) {
    Dataset<Row> rows =
        uuids
            .select(hashOf(col("uuid")).as(HASH))
            .distinct()
            .withColumn("origin", lit(origin))
            .withColumn("tombstoned_at", lit(Timestamp.from(at)));
    LakeTableCreator.tombstones(spark, paths)
        .as("t")
        .merge(rows.as("s"), "t." + HASH + " = s." + HASH)
        .whenNotMatched()
        .insertAll()
        .execute();
  }

  /** {@code runs} ({@code contact_uuid} column) less those of a tombstoned contact. */
  public Dataset<Row> dropFromRuns(Dataset<Row> runs) {
    return without(runs, hashOf(col("contact_uuid")));
  }

  /** {@code contacts} rows ({@code uuid} column) less the tombstoned ones. */
  public Dataset<Row> dropFromContacts(Dataset<Row> contacts) {
    return without(contacts, hashOf(col("uuid")));
  }

  /**
   * {@code rejects} ({@code raw} column) less those whose JSON names a tombstoned contact: a run's
   * {@code contact.uuid}, else a contact record's own {@code uuid}. A reject whose raw text is not
   * such JSON cannot be matched here ({@link Erasure} still finds the uuid in it).
   */
  public Dataset<Row> dropFromRejects(Dataset<Row> rejects) {
    Column contact =
        coalesce(
            get_json_object(col("raw"), "$.contact.uuid"), get_json_object(col("raw"), "$.uuid"));
    return without(rejects, hashOf(contact));
  }

  private Dataset<Row> without(Dataset<Row> rows, Column contactHash) {
    if (none()) {
      return rows;
    }
    Dataset<Row> erased = spark.read().format("delta").load(paths.tombstones()).select(HASH);
    return rows.join(erased, contactHash.equalTo(erased.col(HASH)), "left_anti");
  }

  /**
   * No tombstone table, or one its latest checksum says is empty: then there is nothing to drop,
   * and no join. Most lakes never erase, and the join costs every landing a scan of the table and a
   * broadcast. A table without a checksum to say so is joined as before.
   */
  private boolean none() {
    return new DeltaLogFiles(spark.sparkContext().hadoopConfiguration())
        .holdsNoRows(paths.tombstones());
  }
}
