package io.flowlake.lake;

import io.delta.tables.DeltaTable;
import io.flowlake.lake.DeltaLogFiles.TableSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Creates the lake's Delta tables on first use, with their declared schema and partitioning. No
 * table has deletion vectors, so delta-rs and polars read every one ({@link ReaderFeatures}). Every
 * table keeps file statistics only on its {@link StatsColumns}, so no personal value reaches the
 * Delta log; a table made before that rule gets the property when it is next opened (its older log
 * entries age out with Delta's log retention, docs/erasure.md).
 *
 * <p>The tables the warehouse feed sends ({@link #CHANGE_FEED_TABLES}) record Delta's change data
 * feed, from which {@code export --jdbc-url} reads what changed since its last export; a lake made
 * before that gets it when the table is next opened, and the feed sends such a table whole once
 * (docs/warehouse.md).
 */
final class LakeTableCreator {

  static final String CHANGE_FEED = "delta.enableChangeDataFeed";

  /** The tables {@code export --jdbc-url} feeds incrementally. */
  static final Set<String> CHANGE_FEED_TABLES =
      Set.of(LakeTables.RUNS, LakeTables.RUN_VALUES, LakeTables.CONTACTS);

  static DeltaTable runs(SparkSession spark, LakePaths paths) {
    return create(
        spark, paths.runs(), LakeTables.RUNS, LakeTables.RUNS_SCHEMA, LakeTables.PARTITION_COLUMN);
  }

  static DeltaTable runValues(SparkSession spark, LakePaths paths) {
    return create(
        spark,
        paths.runValues(),
        LakeTables.RUN_VALUES,
        LakeTables.RUN_VALUES_SCHEMA,
        LakeTables.PARTITION_COLUMN);
  }

  static DeltaTable rejects(SparkSession spark, LakePaths paths) {
    return create(spark, paths.rejects(), LakeTables.REJECTS, LakeTables.REJECTS_SCHEMA, null);
  }

  static DeltaTable tombstones(SparkSession spark, LakePaths paths) {
    return create(
        spark, paths.tombstones(), LakeTables.TOMBSTONES, LakeTables.TOMBSTONES_SCHEMA, null);
  }

  static DeltaTable contacts(SparkSession spark, LakePaths paths) {
    return create(
        spark, paths.contacts(), LakeTables.CONTACTS, ContactTables.CONTACTS_SCHEMA, null);
  }

  static DeltaTable contactFields(SparkSession spark, LakePaths paths) {
    return create(
        spark,
        paths.contactFields(),
        LakeTables.CONTACT_FIELDS,
        ContactTables.CONTACT_FIELDS_SCHEMA,
        null);
  }

  static DeltaTable groups(SparkSession spark, LakePaths paths) {
    return create(spark, paths.groups(), LakeTables.GROUPS, ContactTables.GROUPS_SCHEMA, null);
  }

  private static DeltaTable create(
      SparkSession spark, String location, String name, StructType schema, String partitionColumn) {
    String statsColumns = StatsColumns.of(name);
    if (settled(spark, location, name, statsColumns)) {
      return DeltaTable.forPath(spark, location);
    }
    clearUncommittedLog(spark, location);
    var builder =
        DeltaTable.createIfNotExists(spark)
            .location(location)
            .addColumns(schema)
            .property(ReaderFeatures.DELETION_VECTORS_PROPERTY, "false")
            .property(StatsColumns.PROPERTY, statsColumns);
    if (CHANGE_FEED_TABLES.contains(name)) {
      builder = builder.property(CHANGE_FEED, "true");
    }
    if (partitionColumn != null) {
      builder = builder.partitionedBy(partitionColumn);
    }
    DeltaTable table = builder.execute();
    if (settled(spark, location, name, statsColumns)) {
      return table; // created just now with every setting: no DESCRIBE DETAIL (a snapshot) to ask
    }
    Map<String, String> properties = table.detail().select("properties").head().getJavaMap(0);
    keepStatsOnlyOn(spark, properties, location, statsColumns);
    ReaderFeatures.dropDeletionVectors(spark, table, location);
    if (CHANGE_FEED_TABLES.contains(name)) {
      recordChanges(spark, properties, location);
    }
    return table;
  }

  /**
   * Whether the table exists with every setting {@link #create} would give it, as its latest
   * commit's checksum says ({@link DeltaLogFiles#latestSettings}): then opening it is all there is
   * to do, and the pull that lands a few runs does not pay for {@code createIfNotExists} and two
   * {@code DESCRIBE DETAIL}s (a table snapshot each) on every table it writes. Without a checksum
   * the answer is no, and Delta is asked as before.
   */
  private static boolean settled(
      SparkSession spark, String location, String name, String statsColumns) {
    return new DeltaLogFiles(spark.sparkContext().hadoopConfiguration())
        .latestSettings(location)
        .filter(s -> statsColumns.equals(s.properties().get(StatsColumns.PROPERTY)))
        .filter(s -> !s.features().contains(ReaderFeatures.DELETION_VECTORS_FEATURE))
        .filter(
            s ->
                !CHANGE_FEED_TABLES.contains(name)
                    || TableSettings.recordsChanges(s.properties().get(CHANGE_FEED)))
        .isPresent();
  }

  /** A table created before {@link StatsColumns} existed is given the property now. */
  private static void keepStatsOnlyOn(
      SparkSession spark, Map<String, String> properties, String location, String statsColumns) {
    if (!statsColumns.equals(properties.get(StatsColumns.PROPERTY))) {
      spark.sql(
          "alter table delta.`"
              + location
              + "` set tblproperties ('"
              + StatsColumns.PROPERTY
              + "' = '"
              + statsColumns
              + "')");
    }
  }

  /** A feed table created before the change data feed was turned on records it from now on. */
  private static void recordChanges(
      SparkSession spark, Map<String, String> properties, String location) {
    // as Delta reads the property ('TRUE' switches the feed on too): no commit that changes nothing
    if (!TableSettings.recordsChanges(properties.get(CHANGE_FEED))) {
      spark.sql(
          "alter table delta.`"
              + location
              + "` set tblproperties ('"
              + CHANGE_FEED
              + "' = 'true')");
    }
  }

  /**
   * A first write killed before its commit leaves a {@code _delta_log} folder with no commit in it;
   * Delta then neither opens nor creates the table. Such a log holds nothing committed (a commit is
   * one atomic file), so it is removed and the table created afresh.
   */
  private static void clearUncommittedLog(SparkSession spark, String location) {
    Path log = new Path(location, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.isDirectory(log)
          && fs.listStatus(log, p -> p.getName().endsWith(".json")).length == 0) {
        fs.delete(log, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot inspect the Delta log " + log + ": " + e.getMessage(), e);
    }
  }

  private LakeTableCreator() {}
}
