package io.flowlake.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Erases contacts from the lake: tombstones first ({@link Tombstones}), then their rows deleted
 * from {@code runs}, {@code run_values}, {@code contacts} (when the lake has it) and {@code
 * rejects} (whose raw text names the contact), and from every mart with a row per run that names
 * its contact ({@code contact_uuid}: each flow's table under {@code marts/flow_results/}): those
 * rows go now, not at the next transform. The aggregate marts name no one; the next transform stops
 * counting them. The rows stay in older data files, for time travel, until {@link LakeVacuum}
 * removes those.
 *
 * <p>Each delete is a MERGE against a DataFrame of the uuids, never a predicate with the uuids in
 * it: Delta writes a delete's predicate text into the log's {@code commitInfo}, which no vacuum
 * removes. Tombstones go first, so an erasure killed half-way is finished by the next one (the same
 * contacts listed again, or given again to {@code forget}) and no landing in between brings the
 * rows back. Running it twice changes nothing the second time.
 */
public final class Erasure {

  /** The rows each table lost; counts only, never whose. */
  public record Erased(long contacts, long runs, long runValues, long contactRows, long rejects) {}

  /** The column by which a per-run mart names its contact. */
  static final String MART_CONTACT_COLUMN = "contact_uuid";

  /** The directory under {@code marts/} holding one table per flow (FlowResultsTable.DIR). */
  static final String FLOW_RESULTS_DIR = "flow_results";

  private final SparkSession spark;
  private final LakePaths paths;

  public Erasure(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /**
   * @param uuids the contacts' uuids, already validated
   * @param origin {@link LakeTables#ORIGIN_RAPIDPRO} or {@link LakeTables#ORIGIN_FORGET}
   */
  public Erased erase(List<String> uuids, String origin, Instant at) {
    List<String> distinct = uuids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return new Erased(0, 0, 0, 0, 0);
    }
    Dataset<Row> erased = spark.createDataset(distinct, Encoders.STRING()).toDF("uuid");
    new Tombstones(spark, paths).add(erased, origin, at);
    for (String mart : martsNamingContacts()) {
      delete(mart, erased, "t.`" + MART_CONTACT_COLUMN + "` = s.uuid");
    }
    return new Erased(
        distinct.size(),
        delete(paths.runs(), erased, "t.contact_uuid = s.uuid"),
        delete(paths.runValues(), erased, "t.contact_uuid = s.uuid"),
        delete(paths.contacts(), erased, "t.uuid = s.uuid"),
        delete(paths.rejects(), erased, "instr(t.raw, s.uuid) > 0"));
  }

  /**
   * The marts under {@code marts/} and {@code marts/flow_results/} with a {@link
   * #MART_CONTACT_COLUMN} column.
   */
  private List<String> martsNamingContacts() {
    Path marts = new Path(paths.marts());
    List<String> naming = new ArrayList<>(martsNamingContacts(marts));
    naming.addAll(martsNamingContacts(new Path(marts, FLOW_RESULTS_DIR)));
    return naming;
  }

  private List<String> martsNamingContacts(Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.isDirectory(dir)) {
        return List.of();
      }
      return Arrays.stream(fs.listStatus(dir))
          .filter(FileStatus::isDirectory)
          .map(status -> status.getPath().toString())
          .filter(mart -> DeltaTable.isDeltaTable(spark, mart))
          .filter(
              mart ->
                  Arrays.asList(spark.read().format("delta").load(mart).columns())
                      .contains(MART_CONTACT_COLUMN))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the marts under " + dir, e);
    }
  }

  /** Deletes the rows of {@code table} that {@code condition} matches; 0 if no such table. */
  private long delete(String table, Dataset<Row> uuids, String condition) {
    if (!DeltaTable.isDeltaTable(spark, table)) {
      return 0;
    }
    Row metrics =
        DeltaTable.forPath(spark, table)
            .as("t")
            .merge(uuids.as("s"), condition)
            .whenMatched()
            .delete()
            .execute()
            .select("num_deleted_rows")
            .head();
    return metrics.getLong(0);
  }
}
