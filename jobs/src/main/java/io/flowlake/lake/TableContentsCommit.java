package io.flowlake.lake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.VersionChecksum;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.AddFile$;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.delta.actions.Metadata$;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Makes Parquet files already written into a Delta table's directory the table's whole contents, in
 * one commit, with Delta's own transaction (its conflict checks, checksum and checkpoints): the
 * table is created when there is none, or every file of its current version is removed and its
 * schema replaced when the columns differ. What Delta's overwrite does, without a Spark job per
 * table: the files come from one job that wrote many tables ({@code models/FlowResultsFiles}).
 *
 * <p>Each file's statistics give its row count only: a results table is read whole, so there are no
 * files to skip, and no contact value ever sits in the log in clear (docs/erasure.md). The commit
 * records a WRITE in overwrite mode, without operation metrics.
 */
public final class TableContentsCommit {

  private TableContentsCommit() {}

  /**
   * @param path the table's directory, holding {@code files}
   * @param schema the table's columns (all nullable, as Delta keeps them)
   * @param properties table properties to set (kept ones the table has otherwise)
   * @return the version committed
   * @throws java.util.ConcurrentModificationException (Delta's) when another writer committed to
   *     the table while this one wrote
   */
  public static long replace(
      SparkSession spark,
      String path,
      StructType schema,
      Map<String, String> properties,
      List<TableFile> files) {
    return prepare(spark, path, schema, properties, files).commit();
  }

  /**
   * The commit of {@link #replace}, made against the version the table is at now, to be committed
   * later; Delta refuses it if another writer has committed since.
   */
  static Prepared prepare(
      SparkSession spark,
      String path,
      StructType schema,
      Map<String, String> properties,
      List<TableFile> files) {
    return prepare(DeltaLog.forTable(spark, path).startTransaction(), schema, properties, files);
  }

  /**
   * The commit of {@link #replace} in a transaction the caller started, before it read the rows it
   * wrote ({@link OneFileTableWrite#rewrite}): Delta refuses it if another writer has committed
   * since that version.
   */
  static Prepared prepare(
      OptimisticTransaction txn,
      StructType schema,
      Map<String, String> properties,
      List<TableFile> files) {
    long now = System.currentTimeMillis();
    List<Action> actions = new ArrayList<>();
    if (txn.readVersion() < 0) {
      txn.updateMetadataForNewTable(
          new Metadata(
              UUID.randomUUID().toString(),
              null,
              null,
              Metadata$.MODULE$.$lessinit$greater$default$4(),
              schema.json(),
              scalaSeq(List.of()),
              scalaMap(properties),
              Option.<Object>apply(now)));
    } else {
      replaceMetadataIfChanged(txn, schema, properties);
      // every file of the version read goes: another writer's commit since then is a conflict
      txn.readWholeTable();
      for (AddFile current : currentFiles(txn)) {
        actions.add(current.removeWithTimestamp(now, true));
      }
    }
    for (TableFile file : files) {
      actions.add(add(file));
    }
    return new Prepared(txn, actions);
  }

  /** A transaction with its actions, not yet committed. */
  static final class Prepared {
    private final OptimisticTransaction txn;
    private final List<Action> actions;

    private Prepared(OptimisticTransaction txn, List<Action> actions) {
      this.txn = txn;
      this.actions = actions;
    }

    /**
     * @return the version committed
     * @throws java.util.ConcurrentModificationException (Delta's) when another writer committed
     *     since the version was read
     */
    long commit() {
      return txn.commit(scalaSeq(actions), overwrite());
    }
  }

  private static void replaceMetadataIfChanged(
      OptimisticTransaction txn, StructType schema, Map<String, String> properties) {
    Metadata current = txn.metadata();
    Map<String, String> configuration =
        new LinkedHashMap<>(CollectionConverters.asJava(current.configuration()));
    configuration.putAll(properties);
    boolean sameConfiguration =
        configuration.equals(CollectionConverters.asJava(current.configuration()));
    if (sameConfiguration && current.schema().equals(schema)) {
      return;
    }
    txn.updateMetadata(
        new Metadata(
            current.id(),
            current.name(),
            current.description(),
            current.format(),
            schema.json(),
            current.partitionColumns(),
            scalaMap(configuration),
            current.createdTime()),
        false);
  }

  /**
   * The files of the version the transaction read: from that version's checksum file when it lists
   * them (Delta keeps the list there for small tables), else from the table's state, which Delta
   * rebuilds in a Spark job.
   */
  static List<AddFile> currentFiles(OptimisticTransaction txn) {
    Option<VersionChecksum> checksum = txn.snapshot().checksumOpt();
    if (checksum.isDefined() && checksum.get().allFiles().isDefined()) {
      return CollectionConverters.asJava(checksum.get().allFiles().get());
    }
    return CollectionConverters.asJava(txn.filterFiles());
  }

  private static AddFile add(TableFile file) {
    AddFile$ defaults = AddFile$.MODULE$;
    return new AddFile(
        file.name(),
        scalaMap(Map.of()),
        file.size(),
        file.modificationTime(),
        true,
        "{\"numRecords\":" + file.rows() + "}",
        defaults.$lessinit$greater$default$7(),
        defaults.$lessinit$greater$default$8(),
        defaults.$lessinit$greater$default$9(),
        defaults.$lessinit$greater$default$10(),
        defaults.$lessinit$greater$default$11(),
        defaults.$lessinit$greater$default$12(),
        defaults.$lessinit$greater$default$13());
  }

  private static DeltaOperations.Write overwrite() {
    DeltaOperations.Write$ defaults = DeltaOperations.Write$.MODULE$;
    return new DeltaOperations.Write(
        SaveMode.Overwrite,
        defaults.$lessinit$greater$default$2(),
        defaults.$lessinit$greater$default$3(),
        defaults.$lessinit$greater$default$4(),
        defaults.$lessinit$greater$default$5(),
        defaults.$lessinit$greater$default$6(),
        defaults.$lessinit$greater$default$7(),
        defaults.$lessinit$greater$default$8(),
        defaults.$lessinit$greater$default$9());
  }

  private static <T> scala.collection.immutable.Seq<T> scalaSeq(List<T> list) {
    return CollectionConverters.asScala(list).toSeq();
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> map) {
    return scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(map));
  }
}
